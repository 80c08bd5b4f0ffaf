"""Italian text features for short post-its: folding, stop words, a light stemmer, tokens.

The stemmer follows the published Snowball algorithm for Italian (regions RV, R1, R2;
attached pronouns, standard suffixes, verb suffixes, final vowels), written here from its
description and simplified: no attached-pronoun step after gerunds of irregular verbs and
no special cases beyond the algorithm's own. Stems are computed on the lower-cased
accented word and folded to ASCII afterwards, so "città" and a typed "citta" meet on the
same stem.

Besides words, a post-it yields *tag features* that never collide with words:
``scheda:6.1.2`` (and its strategy ``scheda:6.1``) for the cards of the plan,
``zona:8`` for zone omogenee and ``asse:3`` for axes it links to or names in its text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

VOWELS = frozenset("aeiouàèìòùáéíóú")

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

_ACCENT_NORMAL = str.maketrans("áéíóú", "àèìòù")

_STEP0_PRONOUNS = tuple(
    sorted(
        _wordlist("""ci gli la le li lo mi ne si ti vi sene gliela gliele glieli glielo gliene
        mela mele meli melo mene tela tele teli telo tene cela cele celi celo cene
        vela vele veli velo vene"""),
        key=len,
        reverse=True,
    )
)

# (suffixes, action) for step 1, searched longest first over all groups together.
_STEP1: tuple[tuple[str, str], ...] = tuple(
    [
        (s, "delete_r2")
        for s in _wordlist(
            "anza anze ico ici ica ice iche ichi ismo ismi abile abili ibile ibili ista iste isti istà istè istì oso osi osa ose mente atrice atrici ante anti"
        )
    ]
    + [(s, "azione") for s in _wordlist("azione azioni atore atori")]
    + [(s, "logia") for s in _wordlist("logia logie")]
    + [(s, "uzione") for s in _wordlist("uzione uzioni usione usioni")]
    + [(s, "enza") for s in _wordlist("enza enze")]
    + [(s, "delete_rv") for s in _wordlist("amento amenti imento imenti")]
    + [("amente", "amente")]
    + [("ità", "ita")]
    + [(s, "ivo") for s in _wordlist("ivo ivi iva ive")]
)
_STEP1_SORTED = tuple(sorted(_STEP1, key=lambda item: len(item[0]), reverse=True))

_STEP2 = tuple(
    sorted(
        _wordlist("""ammo ando ano are arono asse assero assi assimo ata ate ati ato ava avamo avano
        avate avi avo emmo enda ende endi endo erà erai eranno ere erebbe erebbero erei
        eremmo eremo ereste eresti erete erò erono essero ete eva evamo evano evate evi evo
        iamo immo irà irai iranno ire irebbe irebbero irei iremmo iremo ireste iresti
        irete irò irono isca iscano isce isci isco iscono issero ita ite iti ito iva ivamo
        ivano ivate ivi ivo ono uta ute uti uto ar ir"""),
        key=len,
        reverse=True,
    )
)


def _is_vowel(ch: str) -> bool:
    return ch in VOWELS


def _prelude(word: str) -> str:
    word = word.translate(_ACCENT_NORMAL).replace("qu", "qU")
    chars = list(word)
    for i in range(1, len(chars) - 1):
        if chars[i] in "iu" and _is_vowel(chars[i - 1]) and _is_vowel(chars[i + 1]):
            chars[i] = chars[i].upper()
    return "".join(chars)


def _region_after_vc(word: str, start: int) -> int:
    """Start of the region after the first non-vowel following a vowel, from start."""
    for i in range(start + 1, len(word)):
        if not _is_vowel(word[i]) and _is_vowel(word[i - 1]):
            return i + 1
    return len(word)


def _rv(word: str) -> int:
    if len(word) < 2:
        return len(word)
    if not _is_vowel(word[1]):
        for i in range(2, len(word)):
            if _is_vowel(word[i]):
                return i + 1
        return len(word)
    if _is_vowel(word[0]) and _is_vowel(word[1]):
        for i in range(2, len(word)):
            if not _is_vowel(word[i]):
                return i + 1
        return len(word)
    return 3 if len(word) >= 3 else len(word)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Light Italian stem of one lower-case word, folded to ASCII.

    A simplified Snowball-Italian suffix stripper: "mobilità" and "mobile" give "mobil",
    "digitalizzazione" gives "digitalizz", "trasporti" and "trasporto" give "trasport".

    Args:
        word: one word (letters only), any case.

    Returns:
        The stem, lower-case, without accents; a word of up to two letters is returned as is.
    """
    word = word.lower()
    if len(word) <= 2:
        return fold(word)
    word = _prelude(word)
    rv, r1 = _rv(word), _region_after_vc(word, 0)
    r2 = _region_after_vc(word, r1) if r1 < len(word) else len(word)

    def ends_in(suffix: str, region: int) -> bool:
        return word.endswith(suffix) and len(word) - len(suffix) >= region

    # Step 0: attached pronouns after a gerund or an infinitive stem.
    for pronoun in _STEP0_PRONOUNS:
        if ends_in(pronoun, rv):
            before = word[: -len(pronoun)]
            if before.endswith(("ando", "endo")) and len(before) - 4 >= rv:
                word = before
            elif before.endswith(("ar", "er", "ir")) and len(before) - 2 >= rv:
                word = before + "e"
            break

    # Step 1: standard suffixes.
    changed = False
    for suffix, action in _STEP1_SORTED:
        if not word.endswith(suffix):
            continue
        base = word[: -len(suffix)]
        start = len(base)
        if action == "delete_r2" and start >= r2:
            word, changed = base, True
        elif action == "azione" and start >= r2:
            word, changed = base, True
            if word.endswith("ic") and len(word) - 2 >= r2:
                word = word[:-2]
        elif action == "logia" and start >= r2:
            word, changed = base + "log", True
        elif action == "uzione" and start >= r2:
            word, changed = base + "u", True
        elif action == "enza" and start >= r2:
            word, changed = base + "ente", True
        elif action == "delete_rv" and start >= rv:
            word, changed = base, True
        elif action == "amente" and start >= r1:
            word, changed = base, True
            if word.endswith("iv") and len(word) - 2 >= r2:
                word = word[:-2]
                if word.endswith("at") and len(word) - 2 >= r2:
                    word = word[:-2]
            else:
                for tail in ("abil", "os", "ic"):
                    if word.endswith(tail) and len(word) - len(tail) >= r2:
                        word = word[: -len(tail)]
                        break
        elif action == "ita" and start >= r2:
            word, changed = base, True
            for tail in ("abil", "ic", "iv"):
                if word.endswith(tail) and len(word) - len(tail) >= r2:
                    word = word[: -len(tail)]
                    break
        elif action == "ivo" and start >= r2:
            word, changed = base, True
            if word.endswith("at") and len(word) - 2 >= r2:
                word = word[:-2]
                if word.endswith("ic") and len(word) - 2 >= r2:
                    word = word[:-2]
        break  # only the longest matching suffix is considered

    # Step 2: verb suffixes, only when step 1 removed nothing.
    if not changed:
        for suffix in _STEP2:
            if ends_in(suffix, rv):
                word = word[: -len(suffix)]
                break

    # Step 3a: a final vowel in RV, and an i before it in RV.
    if word and word[-1] in "aeioàèìò" and len(word) - 1 >= rv:
        word = word[:-1]
        if word.endswith("i") and len(word) - 1 >= rv:
            word = word[:-1]
    # Step 3b: ch -> c, gh -> g in RV.
    if word.endswith(("ch", "gh")) and len(word) - 2 >= rv:
        word = word[:-1]
    return fold(word)


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
