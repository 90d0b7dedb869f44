"""The annotation assistant: drafting a new article (`add`), extracting statements, scoring the extractor."""
