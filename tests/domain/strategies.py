"""Provides hypothesis strategies for every record in ``coachtui.domain.models``, built from its fields.

Each field's strategy follows its annotation and its pydantic constraints (``ge``, ``le``,
``min_length``, ``max_length``), so that every generated record is valid and every field, optional
or not, gets exercised. Records nested in records (an Agreement in a Client, Notes in a Session,
a Session in a LiveDraft) are generated through the same function.
"""

from __future__ import annotations

import types
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin

import annotated_types
from hypothesis import strategies as st
from pydantic import BaseModel

from coachtui.domain import models

FLOATS = st.floats(allow_nan=False, allow_infinity=False)
DATETIMES = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1))
DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 1, 1))


def all_models() -> list[type[BaseModel]]:
    """Return every pydantic model defined in the coachtui.domain.models package."""
    found = [
        value
        for value in vars(models).values()
        if isinstance(value, type)
        and issubclass(value, BaseModel)
        and value.__module__.startswith(models.__name__ + ".")
    ]
    return sorted(found, key=lambda cls: cls.__name__)


def _bounds(metadata: list[Any]) -> dict[str, Any]:
    bounds: dict[str, Any] = {}
    for item in metadata:
        if isinstance(item, annotated_types.Ge):
            bounds["ge"] = item.ge
        elif isinstance(item, annotated_types.Gt):
            bounds["gt"] = item.gt
        elif isinstance(item, annotated_types.Le):
            bounds["le"] = item.le
        elif isinstance(item, annotated_types.Lt):
            bounds["lt"] = item.lt
        elif isinstance(item, annotated_types.MinLen):
            bounds["min_len"] = item.min_length
        elif isinstance(item, annotated_types.MaxLen):
            bounds["max_len"] = item.max_length
    return bounds


def for_annotation(annotation: Any, metadata: list[Any] | None = None) -> st.SearchStrategy[Any]:
    """Return a strategy of valid values for a field's annotation and constraints."""
    bounds = _bounds(metadata or [])
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        return st.one_of([for_annotation(arg, metadata) for arg in get_args(annotation)])
    if origin is Literal:
        return st.sampled_from(get_args(annotation))
    if origin is list:
        (item,) = get_args(annotation)
        return st.lists(for_annotation(item), max_size=4)
    if annotation is type(None):
        return st.none()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return model_strategy(annotation)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return st.sampled_from(list(annotation))
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        low = bounds.get("ge", bounds["gt"] + 1 if "gt" in bounds else -(10**6))
        high = bounds.get("le", bounds["lt"] - 1 if "lt" in bounds else 10**6)
        return st.integers(min_value=low, max_value=high)
    if annotation is float:
        return FLOATS
    if annotation is str:
        min_len = bounds.get("min_len", 0)
        strategy = st.text(
            st.characters(codec="utf-8"),  # no lone surrogates: JSON cannot carry them
            min_size=min_len,
            max_size=bounds.get("max_len", 30),
        )
        if min_len:
            # Validators may strip: keep some non-space text so the record stays valid.
            strategy = strategy.filter(lambda text: text.strip())
        return strategy
    if annotation is datetime:
        return DATETIMES
    if annotation is date:
        return DATES
    raise TypeError(f"no strategy for the annotation {annotation!r}: teach tests/domain/strategies.py")


@cache
def model_strategy(cls: type[BaseModel]) -> st.SearchStrategy[Any]:
    """Return a strategy of valid ``cls`` records with every field drawn, not left to its default."""
    fields = {
        name: for_annotation(info.annotation, list(info.metadata)) for name, info in cls.model_fields.items()
    }
    return st.fixed_dictionaries(fields).map(lambda values: cls(**values))
