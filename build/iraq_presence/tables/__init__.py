"""Building the tables: raw texts and curation in, typed frames out (spans located, mentions and quotations found)."""
