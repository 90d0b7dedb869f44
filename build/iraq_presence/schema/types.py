"""The field types: for each Table Schema type, its pandas, Arrow, CSV, pandera and Croissant form.

This is the one place a field type is switched on. The Table Schemas say which type a column
has; readers, writers, the pandera checks and the Croissant metadata look the type up here, so a
new type (or a changed representation) is one row of `TYPES`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


def _parse_integer(s: Any) -> tuple[Any, Any]:
    import pandas as pd

    out = pd.to_numeric(s, errors="coerce")
    bad = s.notna() & (out.isna() | (out != out.round()))
    return out.where(~bad, None).astype("Float64").astype("Int64"), bad


def _parse_number(s: Any) -> tuple[Any, Any]:
    import pandas as pd

    out = pd.to_numeric(s, errors="coerce")
    return out.astype("Float64"), s.notna() & out.isna()


def _parse_boolean(s: Any) -> tuple[Any, Any]:
    out = s.map({"true": True, "false": False})
    return out.astype("boolean"), s.notna() & out.isna()


def _parse_date(s: Any) -> tuple[Any, Any]:
    import pandas as pd

    out = pd.to_datetime(s, format="%Y-%m-%d", errors="coerce")
    return out.dt.date.where(out.notna(), None), s.notna() & out.isna()


def _parse_string(s: Any) -> tuple[Any, Any]:
    return s, s.isna() & s.notna()


def _csv_boolean(col: Any) -> Any:
    return col.map({True: "true", False: "false"}).astype("object")


def _csv_date(col: Any) -> Any:
    return col.astype("string")


def _csv_plain(col: Any) -> Any:
    return col.astype("object")


@dataclass(frozen=True)
class FieldType:
    """How one Table Schema type is represented in each library the package touches."""

    name: str
    pandas: str
    """pandas dtype of a typed frame's column."""
    arrow: str
    """pyarrow type factory name (`pa.<arrow>()`) for Parquet."""
    pandas_meta: tuple[str, str]
    """(pandas_type, numpy_type) written into Parquet's pandas metadata, so pandas restores the dtype
    (a date column comes back as `date32[pyarrow]`, on which `.dt.year` works)."""
    croissant: str
    """mlcroissant `DataType` member name."""
    parse_csv: Callable[[Any], tuple[Any, Any]]
    """Text column (None for empty) -> (typed column, mask of values that do not parse)."""
    write_csv: Callable[[Any], Any]
    """Typed column -> the objects written to CSV (ISO dates, true/false, empty for null)."""


TYPES: dict[str, FieldType] = {
    t.name: t
    for t in (
        FieldType("string", "string", "string", ("unicode", "object"), "TEXT", _parse_string, _csv_plain),
        FieldType("integer", "Int64", "int64", ("int64", "Int64"), "INTEGER", _parse_integer, _csv_plain),
        FieldType("number", "Float64", "float64", ("float64", "Float64"), "FLOAT", _parse_number, _csv_plain),
        FieldType("boolean", "boolean", "bool_", ("bool", "boolean"), "BOOL", _parse_boolean, _csv_boolean),
        FieldType("date", "date32[pyarrow]", "date32", ("date", "date32[pyarrow]"), "DATE", _parse_date, _csv_date),
    )
}

ENUM_ARROW_INDEX = "int32"
"""Closed vocabularies are Arrow dictionaries with this index type, and pandas categories."""


def codes(field: dict[str, Any]) -> list[str]:
    """The allowed values of a closed vocabulary, in schema order (empty for an open field)."""
    return list(field.get("constraints", {}).get("enum") or [])


def ordered(field: dict[str, Any]) -> bool:
    """Whether the codes' order means something (Table Schema v2 `categoriesOrdered`)."""
    return bool(field.get("categoriesOrdered"))


def field_type(field: dict[str, Any]) -> FieldType:
    """The FieldType of a Table Schema field descriptor (an unknown type is a schema error)."""
    try:
        return TYPES[field["type"]]
    except KeyError:
        raise ValueError(f"field {field.get('name')!r}: unsupported type {field.get('type')!r}") from None


def arrow_type(field: dict[str, Any]) -> Any:
    """The pyarrow type of a field: a dictionary of strings for an enum, else the type's own."""
    import pyarrow as pa

    if codes(field):
        return pa.dictionary(getattr(pa, ENUM_ARROW_INDEX)(), pa.string(), ordered=ordered(field))
    return getattr(pa, field_type(field).arrow)()


def pandas_dtype(field: dict[str, Any]) -> Any:
    """The pandas dtype of a field: categories in schema order for an enum, else the type's own."""
    import pandas as pd

    if codes(field):
        return pd.CategoricalDtype(codes(field), ordered=ordered(field))
    return field_type(field).pandas


def pandera_dtype(field: dict[str, Any]) -> Any:
    """The dtype pandera checks a column against: the pandas dtype, except for text, where pandera's
    own string type answers with one value per row and formats the (empty) failures of every
    column; this one answers for the whole column from its dtype, as it does for other types."""
    if field_type(field).name == "string" and not codes(field):
        return _text_dtype()
    return pandas_dtype(field)


def _text_dtype() -> Any:
    from pandera import dtypes
    from pandera.engines import pandas_engine

    global _TEXT
    if _TEXT is None:

        @dtypes.immutable(init=True)
        class Text(pandas_engine.STRING):
            def check(self, pandera_dtype: Any, data_container: Any = None) -> Any:
                return super().check(pandera_dtype)

        _TEXT = Text(storage="pyarrow")
    return _TEXT


_TEXT: Any = None
