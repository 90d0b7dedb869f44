"""Publishing: the release bundle, its metadata and datasheet, the Zenodo client, and diffs between versions."""
