"""The Table Schemas in schemas/ and everything derived from them: types, readers and writers."""

from .tables import ForeignKey, Span, TableSchema, load_schemas

__all__ = ["ForeignKey", "Span", "TableSchema", "load_schemas"]
