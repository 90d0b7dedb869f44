"""The checks `dataset validate` and `dataset build` run on typed tables, each rule with an identifier."""
