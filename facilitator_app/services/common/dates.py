"""Dates in the app's languages and Rome wall-clock times, without relying on system locales."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from facilitator_app.domain.clock import from_iso

ROME = ZoneInfo("Europe/Rome")

MONTHS_IT = (
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
)
WEEKDAYS_IT = ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica")
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def italian_date(value: str | dt.date, *, weekday: bool = False) -> str:
    """Format a date the Italian way, without relying on system locales.

    Args:
        value: a date, or ISO text (``"2023-11-10"``; a full timestamp is cut to its date).
        weekday: prefix the day of the week ("venerdì 10 novembre 2023").

    Returns:
        "10 novembre 2023" ("1º" for the first of the month); the text unchanged when it
        is not an ISO date.
    """
    return long_date(value, "it", weekday=weekday)


def long_date(value: str | dt.date, language: str = "it", *, weekday: bool = False) -> str:
    """Format a date in words in one of the app's languages, without system locales.

    Args:
        value: a date, or ISO text (``"2023-11-10"``; a full timestamp is cut to its date).
        language: ``"it"`` ("venerdì 10 novembre 2023") or ``"en"`` ("Friday 10 November
            2023"); any other language gets the Italian form.
        weekday: prefix the day of the week.

    Returns:
        The date in words; the text unchanged when it is not an ISO date.
    """
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        try:
            day = dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return value
    if language == "en":
        text = f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
        return f"{WEEKDAYS_EN[day.weekday()]} {text}" if weekday else text
    number = "1º" if day.day == 1 else str(day.day)
    text = f"{number} {MONTHS_IT[day.month - 1]} {day.year}"
    return f"{WEEKDAYS_IT[day.weekday()]} {text}" if weekday else text


def rome_time(when: dt.datetime) -> dt.datetime:
    """Convert an instant to Italian civil time (CET/CEST) with the IANA database.

    A naive ``when`` is taken as UTC. The rules come from ``zoneinfo`` (the system's
    database, or the ``tzdata`` package where the system has none, as on Windows).
    """
    utc = when.astimezone(dt.UTC) if when.tzinfo else when.replace(tzinfo=dt.UTC)
    return utc.astimezone(ROME)


def local_hhmm(iso: str | None) -> str:
    """The Italian wall-clock time ("10:23") of a stored UTC timestamp ("" when absent)."""
    if not iso:
        return ""
    try:
        return rome_time(from_iso(iso)).strftime("%H:%M")
    except ValueError:
        return ""
