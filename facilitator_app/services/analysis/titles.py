"""Titles a person would write: a short Italian phrase taken from a group's own post-its.

The most central post-it of the group (the one most similar to the others) is shortened:
the fillers a post-it opens with ("secondo me", "bisognerebbe", "ci vorrebbe") go, the text
is cut at the end of its first clause or at a word boundary, at most :data:`MAX_TITLE`
characters, with a capital first letter and no trailing punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Longest phrase title (characters).
MAX_TITLE = 60
# Shortest first clause worth keeping on its own; a shorter one is joined with the next.
MIN_CLAUSE = 18

# Openings that say who speaks or that something is needed, not what: removed (repeatedly).
_FILLERS = re.compile(
    r"^(?:"
    r"secondo\s+me|secondo\s+noi|a\s+mio\s+(?:avviso|parere)|per\s+me|per\s+noi|"
    r"io\s+(?:penso|credo|direi)(?:\s+che)?|(?:penso|credo|direi|propongo|proponiamo|"
    r"chiediamo|chiedo|vorrei|vorremmo|suggerisco|sottolineo)(?:\s+che|\s+di)?|"
    r"bisognerebbe|bisogna|occorrerebbe|occorre|servirebbero|servirebbe|servono|serve|"
    r"ci\s+vorrebbero|ci\s+vorrebbe|ci\s+vuole|ci\s+vogliono|"
    r"sarebbe\s+(?:utile|bello|importante|necessario|opportuno)(?:\s+che)?|"
    r"è\s+(?:importante|necessario|fondamentale|urgente)(?:\s+che)?|"
    r"e\s+se|perché\s+non|in\s+alternativa|inoltre|quindi|infatti|"
    r"magari|forse|allora|ecco|insomma|comunque|anche|ma|e|"
    r"che|di|poi|ok|no|sì|si"
    r")\b[\s,:;.!-]*",
    re.IGNORECASE,
)
# Where a clause ends: sentence marks, dashes, brackets.
_CLAUSE_END = re.compile(r"\s*(?:[.;:!?…]+(?:\s|$)|\s[-–—]\s|\(|\))")
# Words a title must not end on (it would read as cut in the middle).
_DANGLING = {
    "a", "ad", "al", "alla", "alle", "agli", "ai", "con", "da", "dal", "dalla", "dei", "degli",
    "del", "della", "delle", "di", "e", "ed", "il", "in", "la", "le", "lo", "gli", "i", "nel",
    "nella", "nelle", "nei", "o", "per", "su", "sul", "sulla", "tra", "fra", "un", "una",
    "uno", "che", "ma", "non", "più", "come", "anche", "sono", "è", "ci", "si", "se",
}  # fmt: skip


def _drop_fillers(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        text = _FILLERS.sub("", text, count=1).lstrip(" ,.;:-–—'\"«»")
    return text


# Short words in capitals that are ordinary words, not acronyms.
_NOT_ACRONYMS = {
    "PER", "NON", "CHE", "DEI", "DEL", "GLI", "LE", "LA", "IL", "DI", "E", "A", "IN", "CON",
    "PIÙ", "SONO", "UNA", "UN", "MA", "SE", "CI", "SI", "NEI", "NEL", "AL", "DA", "SU",
}  # fmt: skip


def _calm_capitals(text: str) -> str:
    """A phrase written all in capitals, in ordinary case (short acronyms kept: TPL)."""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.7 * len(letters):
        return text
    words = [
        word
        if len(word) <= 4 and word.isalpha() and word.isupper() and word not in _NOT_ACRONYMS
        else word.lower()
        for word in text.split()
    ]
    return " ".join(words)


def _cut_at_words(text: str, limit: int) -> str:
    words = text.split()
    kept: list[str] = []
    for word in words:
        if len(" ".join([*kept, word])) > limit:
            break
        kept.append(word)
    while len(kept) > 1 and kept[-1].strip(",;:").casefold() in _DANGLING:
        kept.pop()
    return " ".join(kept) if kept else text[:limit]


def phrase_title(text: str, *, limit: int = MAX_TITLE) -> str:
    """A short phrase from one post-it: fillers out, first clause, ≤ ``limit`` characters.

    Args:
        text: the post-it's text.
        limit: the longest title.

    Returns:
        The phrase, capital first letter, no trailing punctuation ("" for an empty text).
    """
    flat = " ".join(text.split())
    core = _drop_fillers(flat) or flat
    # The first clause, unless it is too short to say anything on its own.
    pieces = [p for p in _CLAUSE_END.split(core) if p and p.strip()]
    phrase = pieces[0].strip() if pieces else core
    if len(phrase) < MIN_CLAUSE and len(pieces) > 1:
        phrase = f"{phrase} {pieces[1].strip()}"
    if len(phrase) > limit and "," in phrase:
        head = phrase.split(",")[0].strip()
        if len(head) >= MIN_CLAUSE:
            phrase = head
    if len(phrase) > limit:
        phrase = _cut_at_words(phrase, limit)
    else:
        phrase = _cut_at_words(phrase, limit) if phrase.split() else phrase
    phrase = _calm_capitals(phrase.rstrip(" ,;:.!?…-–—'\"«»"))
    return phrase[:1].upper() + phrase[1:]


def central_index(similarity_rows: Sequence[Sequence[float]]) -> int:
    """Position of the member most similar to the others (first on ties).

    Args:
        similarity_rows: the group's square similarity block.

    Returns:
        An index into the rows.
    """
    best, best_score = 0, float("-inf")
    for i, row in enumerate(similarity_rows):
        score = sum(value for j, value in enumerate(row) if j != i)
        if score > best_score + 1e-12:
            best, best_score = i, score
    return best
