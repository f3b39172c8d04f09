"""Plain JSON back into the model's dataclasses, every field's type checked."""

from __future__ import annotations

import json

import pytest

from checker.model import Change, Period, Quantity, as_plain
from checker.plain import NotPlain, from_plain

FIGURE = Quantity(8.0, unit="director", measure="directors",
                  period=Period("over ten years", length=10.0, unit="year"),
                  change=Change("up", "by", "a year earlier"), approx="nearly", text="eight")


def test_a_quantity_comes_back_equal_through_json():
    assert from_plain(Quantity, json.loads(json.dumps(as_plain(FIGURE)))) == FIGURE
    assert from_plain(tuple[Quantity, str], [as_plain(FIGURE), "a sentence"]) == (FIGURE, "a sentence")


@pytest.mark.parametrize("change", [
    {"value": "8"},                      # a string for a number
    {"value": True},                     # a bool is not a number here
    {"ordinal": 1},                      # nor a number a bool
    {"period": {"text": 5}},             # a nested field of the wrong type
    {"period": ["over ten years"]},      # a list for an object
    {"__reduce__": "os.system"},         # a field the model lacks
])
def test_a_field_of_the_wrong_type_is_refused(change):
    with pytest.raises(NotPlain):
        from_plain(Quantity, {**as_plain(FIGURE), **change})


def test_missing_fields_and_wrong_lengths_are_refused():
    with pytest.raises(NotPlain):
        from_plain(Quantity, {"unit": "director"})  # no value
    with pytest.raises(NotPlain):
        from_plain(tuple[str, str, str], ["one", "two"])
    assert from_plain(Quantity, {"value": 8}).value == 8.0 and isinstance(from_plain(float, 8), float)
