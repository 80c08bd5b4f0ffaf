"""Where a card's text comes from, said for people: a page or an organisation, not an address.

Card sets typed or exported by hand often carry a raw web address or the name of a data file
as their source. Every output shows :func:`readable_source` instead, so a facilitator reads
"Città metropolitana di Torino, pagina del PSM «Asse 2»" rather than a URL.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_URL = re.compile(r"https?://[^\s)]+")
_DATA_FILE = re.compile(r"\b[\w.-]+\.(?:json|csv|xlsx|xls|ya?ml|txt|sqlite)\b", re.IGNORECASE)
_ENGLISH_COPY = re.compile(r"\s*\bsnapshot\b\s*", re.IGNORECASE)
# Sites whose owner people know by name (the metropolitan city's two addresses).
_SITE_NAMES = {
    "cittametropolitana.torino.it": "Città metropolitana di Torino",
    "torinometropoli.it": "Città metropolitana di Torino",
}
_PSM_AXIS_PAGE = re.compile(r"psm-asse(\d)$")


def _readable_address(url: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or url
    host = host.removeprefix("www.")
    name = _SITE_NAMES.get(host, host)
    page = parts.path.rstrip("/").rsplit("/", 1)[-1]
    axis = _PSM_AXIS_PAGE.match(page)
    if axis:
        return f"{name}, pagina del PSM «Asse {axis.group(1)}»"
    return name


def readable_source(source: str) -> str:
    """A card's source as people read it: addresses become site names, data files go.

    Args:
        source: the source as stored (free text, maybe with an address or a file name).

    Returns:
        The same text when it is already readable; "" when nothing readable is left.
    """
    text = _URL.sub(lambda match: _readable_address(match.group(0)), source)
    text = _DATA_FILE.sub("", text)
    text = _ENGLISH_COPY.sub("", text.replace(" snapshot)", ")"))
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:-")
    # "(assi PSM 2021-2023)" left alone after its file went: the brackets say nothing more.
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()
    return text
