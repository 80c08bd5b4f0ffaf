"""Italian text features for short post-its: folding, stop words, stems, tokens.

Stems come from the Snowball algorithm for Italian (the ``snowballstemmer`` package),
computed on the lower-cased accented word and folded to ASCII afterwards, so "città" and
a typed "citta" meet on the same stem.

Besides words, a post-it yields *tag features* that never collide with words:
``scheda:6.1.2`` (and its strategy ``scheda:6.1``) for the cards of the plan,
``zona:8`` for zone omogenee and ``asse:3`` for axes it links to or names in its text.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import snowballstemmer

# Prefixes that mark tag features; a word never contains ":".
CARD_PREFIX = "scheda:"
ZONE_PREFIX = "zona:"
AXIS_PREFIX = "asse:"


def _wordlist(text: str) -> list[str]:
    """The words of a block of text (for long constant lists)."""
    return text.split()


# Articles, prepositions, pronouns, auxiliaries, the commonest adverbs and conjunctions
# (accent-folded), plus the fillers that post-its use to say "we need": serve, bisogna...
STOP_WORDS: frozenset[str] = frozenset(
    _wordlist("""
    a ad agli ai al alla alle allo anche ancora altri altre altro altra anziche
    avere avendo aveva avevano ha hanno ho hai abbiamo avete abbia abbiano avra avranno
    c ci che chi cio come con col coi contro cosi cui
    da dagli dai dal dalla dalle dallo degli dei del dell della delle dello
    di dove dunque durante e ed essere era erano e gli gia giu
    ha i il in invece io la le lei li lo loro lui ma mai me meno mentre mi mio
    ne negli nei nel nella nelle nello nemmeno neanche noi non nostra nostre nostri nostro
    o oltre ogni ognuno ogni oppure ossia per pero perche piu poco poca pochi poche
    poi presso proprio pure qua quale quali qualche quando quanto quasi quella quelle
    quelli quello questa queste questi questo qui
    se sara saranno sarebbe sarebbero se sei senza si sia siano sembra sempre
    sia siamo siete solo sono sopra sotto sta stanno stata state stati stato stesso stessa
    stessi stesse su sua sue sugli sui sul sull sulla sulle sullo suo suoi
    tale tali tanto te tra tre tu tua tue tuo tuoi tutta tutte tutti tutto
    un una uno vi voi vostra vostro
    molto molti molta molte tanti tante troppo troppi spesso oggi ora gia cioe
    nell dell all dall sull coll quell quest anch senz tutt
    esempio ecc etc eccetera cosa volta volte modo tipo
    diverso diversa diversi diverse vario varia vari varie nuovo nuova nuovi nuove
    singolo singola singoli singole altrimenti particolare particolari
    grande grandi maggiore maggiori migliore migliori importante importanti
    serve servono servirebbe bisogna occorre occorrono va vanno andrebbe andrebbero
    deve devono dovrebbe dovrebbero puo possono potrebbe potrebbero
    fare fatto fa fanno essere sono stato
    """)
)

# Phrases that name one thing, read as the acronym people also write for it (besides
# their own words), so that "trasporto pubblico" meets "TPL" and "Città metropolitana"
# meets "CMT". Matched on accent-folded, lower-case words.
PHRASES: dict[str, str] = {
    "citta metropolitana di torino": "CMT",
    "citta metropolitana": "CMT",
    "piano strategico metropolitano": "PSM",
    "trasporto pubblico locale": "TPL",
    "trasporti pubblici locali": "TPL",
    "trasporto pubblico": "TPL",
    "trasporti pubblici": "TPL",
    "intelligenza artificiale": "AI",
    "comunita energetiche rinnovabili": "CER",
    "comunita energetiche": "CER",
    "comunita rinnovabili": "CER",
    "pubblica amministrazione": "PA",
    "pubbliche amministrazioni": "PA",
    "piccole e medie imprese": "PMI",
    "nature based solutions": "NBS",
    "zone omogenee": "ZO",
    "zona omogenea": "ZO",
}
# Acronyms written differently for the same thing.
ACRONYM_ALIASES: dict[str, str] = {"ia": "ai"}

_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}")
# Named phrases by their first word, longest first.
_PHRASES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _acronym in sorted(PHRASES.items(), key=lambda item: -len(item[0].split())):
    _PHRASES_BY_FIRST.setdefault(_phrase.split()[0], []).append((tuple(_phrase.split()), _acronym))
_KNOWN_ACRONYMS = frozenset(acronym.lower() for acronym in PHRASES.values())
_CARD_CODE = re.compile(r"(?<![\d.])[1-9](?:\.\d{1,2}){1,2}(?![\d.]*\d)")
_AXIS_MENTION = re.compile(r"\bass[ei]\s+(\d)\b", re.IGNORECASE)
_ZONE_MENTION = re.compile(r"\bzon[ae]\s+(?:omogene[ae]\s+)?(\d{1,2})(?:\s+e\s+(\d{1,2}))?\b", re.I)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# "Asse 3", "azione 6.2.4", "Zone 8 e 9": the number becomes a tag, the word says nothing more.
_TAG_WORD = re.compile(
    r"\b(?:ass[ei]|zon[ae]|azion[ei]|strategi[ae]|sched[ae])\s+(?=\d)", re.IGNORECASE
)

# Longest word kept as is; a longer run of letters is cut (a pasted URL, a stuck key).
MAX_WORD = 30


def fold(text: str) -> str:
    """Lower-case ASCII form of a text: accents removed, apostrophes and case ignored.

    Args:
        text: any text.

    Returns:
        The folded text (same words, no diacritics).
    """
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_fold_word = lru_cache(maxsize=65536)(fold)


def is_stop_word(word: str) -> bool:
    """True for a word that carries no topic (articles, prepositions, fillers)."""
    return fold(word) in STOP_WORDS


# -- stemmer ---------------------------------------------------------------------------

# One Snowball stemmer per thread: a stemmer object keeps the word it works on.
_STEMMERS = threading.local()


def _snowball() -> Any:
    """This thread's Snowball stemmer for Italian."""
    stemmer = getattr(_STEMMERS, "italian", None)
    if stemmer is None:
        stemmer = _STEMMERS.italian = snowballstemmer.stemmer("italian")
    return stemmer


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Italian stem of one word (Snowball), lower-case and folded to ASCII.

    "mobilità" and "mobile" give "mobil", "digitalizzazione" gives "digitalizz",
    "trasporti" and "trasporto" give "trasport". The stem is computed on the lower-cased
    accented word and folded afterwards, so "città" and a typed "citta" meet.

    Args:
        word: one word (letters only), any case.

    Returns:
        The stem, lower-case, without accents; a word of up to two letters is returned as is.
    """
    word = word.lower()
    if len(word) <= 2:
        return fold(word)
    return fold(str(_snowball().stemWord(word)))


# -- tokens ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Token:
    """One feature of a post-it.

    Attributes:
        feature: the stem of a word, or a tag feature such as ``scheda:6.1.2``.
        surface: the text a person would read for it ("mobilità", "TPL", "scheda 6.1.2").
    """

    feature: str
    surface: str


def card_features(code: str) -> list[str]:
    """The features of a card code: the card and the strategy above it.

    "6.1.2" gives ``scheda:6.1.2`` and ``scheda:6.1``; "6.1" gives ``scheda:6.1``. The
    axis is left out: on a table of one axis every card shares it, so it tells nothing.
    """
    parts = code.strip().split(".")
    return [CARD_PREFIX + ".".join(parts[: i + 1]) for i in range(len(parts) - 1, 0, -1)]


def _words(text: str) -> Iterator[tuple[str, bool]]:
    """Words of a text with a flag for acronyms.

    An acronym is a short word written in capitals ("TPL", "C.I.S.A.") or a named phrase
    ("trasporto pubblico" gives "TPL", then its own words; see :data:`PHRASES`). In a
    text written in capitals (most words of six letters or more are), only the acronyms
    of the named phrases count.
    """
    text = _DOTTED_ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text)
    text = _TAG_WORD.sub(" ", text)
    words = [match[:MAX_WORD] for match in _WORD.findall(text)]
    # Written in capitals: most long words (acronyms are short) are all capitals.
    long_words = [word for word in words if len(word) >= 6]
    shouting = sum(map(str.isupper, long_words)) * 2 > len(long_words) > 0
    folded = [_fold_word(word) for word in words]
    i = 0
    while i < len(words):
        for phrase, acronym in _PHRASES_BY_FIRST.get(folded[i], ()):
            if tuple(folded[i : i + len(phrase)]) == phrase:
                yield acronym, True
                for word in words[i : i + len(phrase)]:
                    yield word, False
                i += len(phrase)
                break
        else:
            word = words[i]
            capitals = 2 <= len(word) <= 8 and word.isupper()
            yield word, capitals and (not shouting or folded[i] in _KNOWN_ACRONYMS)
            i += 1


def word_tokens(text: str) -> list[Token]:
    """Stemmed content words of a text; acronyms and named phrases kept whole.

    Args:
        text: a post-it's text.

    Returns:
        Tokens in text order; stop words, one- and two-letter words and numbers are
        dropped (acronyms such as "PA" or "AI" are kept).
    """
    tokens: list[Token] = []
    for word, acronym in _words(text):
        folded = _fold_word(word)
        if acronym:
            feature = ACRONYM_ALIASES.get(folded, folded)
            tokens.append(Token(feature, feature.upper()))
            continue
        if len(folded) < 3 or folded in STOP_WORDS:
            continue
        tokens.append(Token(stem(word), word.lower()))
    return tokens


def tag_tokens(
    text: str,
    cards: Iterable[str] = (),
    zones: Iterable[int] = (),
    links: Iterable[int] = (),
) -> list[Token]:
    """Tag features of a post-it: its cards, zones and linked axes, tagged or written.

    Card codes written in the text ("azione 6.2.4") count as tagged cards; so do "Asse 3"
    and "Zone 8 e 9".

    Args:
        text: the post-it's text.
        cards: card codes it is tagged with.
        zones: zone omogenee it is tagged with.
        links: other axes it is linked to.

    Returns:
        Tokens, each feature at most once.
    """
    seen: dict[str, str] = {}
    codes = list(cards) + _CARD_CODE.findall(text)
    for code in codes:
        for feature in card_features(code):
            kind, label = feature.split(":", 1)
            seen.setdefault(feature, f"{kind} {label}")
    zone_numbers = [int(z) for z in zones]
    for match in _ZONE_MENTION.finditer(text):
        zone_numbers.extend(int(g) for g in match.groups() if g)
    for zone in zone_numbers:
        seen.setdefault(f"{ZONE_PREFIX}{zone}", f"zona {zone}")
    axis_numbers = [int(a) for a in links] + [int(a) for a in _AXIS_MENTION.findall(text)]
    for axis in axis_numbers:
        seen.setdefault(f"{AXIS_PREFIX}{axis}", f"asse {axis}")
    return [Token(feature, surface) for feature, surface in seen.items()]


def tokens(
    text: str,
    cards: Iterable[str] = (),
    zones: Iterable[int] = (),
    links: Iterable[int] = (),
) -> list[Token]:
    """All features of a post-it: stemmed words then tags (see :func:`tag_tokens`)."""
    return word_tokens(text) + tag_tokens(text, cards, zones, links)
