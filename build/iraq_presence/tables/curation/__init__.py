"""Curation: the facts people type (data/curation/), as models and the loader that reads them."""

from .loader import load_curation, read_yaml
from .models import Curation, PackageMeta

__all__ = ["Curation", "PackageMeta", "load_curation", "read_yaml"]
