"""The field, code and table definitions; the Table Schemas in schemas/ generated from them; and
everything derived from those: types, readers and writers."""

from .tables import ForeignKey, Span, TableSchema, load_schemas

__all__ = ["ForeignKey", "Span", "TableSchema", "load_schemas"]
