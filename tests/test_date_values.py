"""Date values: the days each covers, how each reads, and what a value of no known shape is."""

from __future__ import annotations

import datetime as dt

import pytest
from briefing.core.date_values import day_label, day_range, granularity_of, parse_day, week_monday, when_label


@pytest.mark.parametrize(
    ("value", "granularity", "first", "last"),
    [
        ("2023-05-29", "day", "2023-05-29", "2023-05-29"),
        ("2023-W22", "week", "2023-05-29", "2023-06-04"),
        ("2023-02", "month", "2023-02-01", "2023-02-28"),
        ("2023-12", "month", "2023-12-01", "2023-12-31"),
        ("2023", "year", "2023-01-01", "2023-12-31"),
        ("2023-06-03/2023-06-04", "span", "2023-06-03", "2023-06-04"),
        ("2023-05/2023-W23", "span", "2023-05-01", "2023-06-11"),
        ("2023-W99", "week", None, None),
        ("soon", "year", None, None),
    ],
)
def test_the_days_a_value_covers(value, granularity, first, last):
    assert day_range(value, granularity) == (first, last)


def test_the_shape_of_a_value_says_its_granularity():
    assert [granularity_of(v) for v in ("2023-05-29", "2023-W22", "2023-05", "2023")] == ["day", "week", "month", "year"]


def test_a_value_of_no_known_shape_is_never_filed_under_a_day():
    """Read as a year it covers no days and reads as written; read as a day it would be stored as one."""
    assert granularity_of("2023-5-1") == "year"
    assert day_range("2023-5-1", granularity_of("2023-5-1")) == (None, None)
    assert day_range("2023-05-29/2023-5-1", "span") == ("2023-05-29", None)
    assert when_label("2023-05-29/2023-5-1", "span") == "Mon 29 May 2023 – 2023-5-1"


def test_values_read_for_people():
    assert when_label("2023-05-29", "day") == "Mon 29 May 2023"
    assert when_label("2023-05", "month") == "May 2023"
    assert when_label("2023-W22", "week") == "week of Mon 29 May 2023"
    assert when_label("2023", "year") == "2023"
    assert when_label("2023-06-03/2023-06-04", "span") == "Sat 3 Jun 2023 – Sun 4 Jun 2023"
    assert day_label("2023-05-29", weekday=False) == "29 May 2023"
    assert day_label(None) == "undated"


def test_days_and_their_weeks():
    assert parse_day("2023-05-31") == dt.date(2023, 5, 31)
    assert parse_day("2023-05") is None and parse_day("soon") is None and parse_day(None) is None
    assert week_monday(dt.date(2023, 6, 4)) == dt.date(2023, 5, 29)
