"""JSON-ready values back into the model's dataclasses, every field's type checked: the
inverse of :func:`checker.model.as_plain`.

A cache entry is read from a directory other programs can write to, so what it holds is
data to validate, never code to run (pickle would) nor objects to trust: a field of the
wrong type raises :class:`NotPlain` here, when the entry is read, instead of crashing a
check later.
"""

from __future__ import annotations

import types
from dataclasses import fields, is_dataclass
from functools import lru_cache
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints


class NotPlain(ValueError):
    """A value that is not the plain form of the type asked for."""


def from_plain(kind: Any, value: Any) -> Any:
    """``value`` (as :func:`~checker.model.as_plain` or JSON gave it) as an instance of
    ``kind``: a model dataclass, a union, a tuple, a dict or a scalar type."""
    if kind is Any:
        return value
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        for option in get_args(kind):
            try:
                return from_plain(option, value)
            except NotPlain:
                continue
        raise NotPlain(f"{value!r:.60} is none of {kind}")
    if origin is Literal:
        if value in get_args(kind):
            return value
        raise NotPlain(f"{value!r:.60} is not one of {get_args(kind)}")
    if origin is tuple:
        return _tuple(get_args(kind), value)
    if origin is dict or kind is dict:
        return _dict(get_args(kind), value)
    if kind is type(None):
        if value is None:
            return None
        raise NotPlain(f"{value!r:.60} is not null")
    if is_dataclass(kind):
        return _dataclass(kind, value)
    return _scalar(kind, value)


def _scalar(kind: type, value: Any) -> Any:
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)  # JSON writes 8.0 as 8.0, but a hand-made entry may say 8
    if type(value) is kind:
        return value
    raise NotPlain(f"{value!r:.60} is not a {kind.__name__}")


def _tuple(args: tuple, value: Any) -> tuple:
    if not isinstance(value, (list, tuple)):
        raise NotPlain(f"{value!r:.60} is not a list")
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(from_plain(args[0], item) for item in value)
    if len(args) != len(value):
        raise NotPlain(f"{value!r:.60} has {len(value)} items, not {len(args)}")
    return tuple(from_plain(arg, item) for arg, item in zip(args, value))


def _dict(args: tuple, value: Any) -> dict:
    if not isinstance(value, dict):
        raise NotPlain(f"{value!r:.60} is not an object")
    key_kind, value_kind = args or (str, Any)
    return {from_plain(key_kind, k): from_plain(value_kind, v) for k, v in value.items()}


@lru_cache(maxsize=None)
def _field_types(kind: type) -> dict[str, Any]:
    hints = get_type_hints(kind)
    return {f.name: hints[f.name] for f in fields(kind)}


def _dataclass(kind: type, value: Any) -> Any:
    if not isinstance(value, dict):
        raise NotPlain(f"{value!r:.60} is not an object for {kind.__name__}")
    types_ = _field_types(kind)
    unknown = set(value) - set(types_)
    if unknown:
        raise NotPlain(f"{kind.__name__} has no field {sorted(unknown)[0]!r}")
    try:
        return kind(**{name: from_plain(types_[name], item) for name, item in value.items()})
    except (TypeError, ValueError) as err:  # a required field missing, a bad span
        raise NotPlain(f"not a {kind.__name__}: {err}") from err
