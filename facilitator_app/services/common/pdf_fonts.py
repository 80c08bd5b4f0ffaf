"""The PDFs' fonts: the embedded DejaVu faces, the emoji fallback, measuring and drawing.

Fonts come from ``resources/fonts`` (resolved with :func:`facilitator_app.resources.resource_path`
so that the installer bundle finds them) and are embedded, so that accents and any European
name render on every computer. Emoji and symbols DejaVu lacks fall back, run by run, to the
bundled monochrome Symbola (:func:`font_runs`): joiners, variation selectors and skin tones
are dropped, so "👩‍⚕️" is drawn as 👩⚕, never as a box or a stray joiner; a character
neither font has is written as its Unicode name (":nome:").
"""

from __future__ import annotations

import unicodedata

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from facilitator_app.resources import resource_path

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_FILES = {
    FONT: "fonts/DejaVuSans.ttf",
    FONT_BOLD: "fonts/DejaVuSans-Bold.ttf",
    FONT_ITALIC: "fonts/DejaVuSans-Oblique.ttf",
}

EMOJI_FONT = "Symbola"
EMOJI_FONT_FILE = "fonts/Symbola.ttf"


def register_fonts() -> None:
    """Register the bundled DejaVu fonts with reportlab (once per process).

    Raises:
        FileNotFoundError: a font file is missing from ``resources/fonts``.
    """
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, relative in FONT_FILES.items():
        if name not in registered:
            path = resource_path(relative)
            if not path.is_file():
                raise FileNotFoundError(f"font mancante: {path}")
            pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD
    )


# -- characters the fonts lack -----------------------------------------------------------------

_INVISIBLE = frozenset(
    [0x200D, 0x20E3, *range(0xFE00, 0xFE10), *range(0x1F3FB, 0x1F400), *range(0xE0020, 0xE0080)]
)
"""Dropped before drawing: the zero-width joiner, the keycap, variation selectors, skin
tones and tags only change how an emoji looks; a monochrome font draws its parts."""

_CHARSETS: dict[str, frozenset[int]] = {}
_RUNS: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """The ToUnicode CMap of a font subset, emoji beyond U+FFFF written as UTF-16 pairs.

    reportlab writes every code point as ``<%04X>``: an emoji such as U+1F333 becomes the
    five digits ``<1F333>``, which readers take for U+1F33, so copied text and pdftotext
    lost the emoji. The PDF reference wants the UTF-16BE code units instead.
    """
    entries = [
        f"<{code:02X}> <{chr(point).encode('utf-16-be').hex().upper()}>"
        for code, point in enumerate(subset)
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # reportlab's own is wrong beyond U+FFFF


def register_emoji_font() -> None:
    """Register the emoji fallback font (3 MB: only once a text needs it).

    Raises:
        FileNotFoundError: the font file is missing from ``resources/fonts``.
    """
    if EMOJI_FONT in pdfmetrics.getRegisteredFontNames():
        return
    path = resource_path(EMOJI_FONT_FILE)
    if not path.is_file():
        raise FileNotFoundError(f"font mancante: {path}")
    pdfmetrics.registerFont(TTFont(EMOJI_FONT, str(path)))
    # Its one face serves bold and italic runs too (<b> around an emoji).
    pdfmetrics.registerFontFamily(
        EMOJI_FONT, normal=EMOJI_FONT, bold=EMOJI_FONT, italic=EMOJI_FONT, boldItalic=EMOJI_FONT
    )


def _charset(font: str) -> frozenset[int]:
    """The code points a registered TrueType font has a glyph for."""
    found = _CHARSETS.get(font)
    if found is None:
        register_fonts()
        if font == EMOJI_FONT:
            register_emoji_font()
        face = getattr(pdfmetrics.getFont(font), "face", None)
        found = frozenset(getattr(face, "charToGlyph", {}) or {})
        _CHARSETS[font] = found
    return found


def _replacement(char: str) -> str:
    """A character no bundled font has, in words: ":linear b syllable b008 a:"."""
    name = unicodedata.name(char, "")
    return f":{name.lower()}:" if name else f":U+{ord(char):04X}:"


def font_runs(text: str, font: str) -> tuple[tuple[str, str], ...]:
    """Split a text into (text, font) runs that every character can be drawn with.

    Characters ``font`` has stay in it; emoji and symbols it lacks go to
    :data:`EMOJI_FONT`; joiners, variation selectors and skin tones are dropped; anything
    neither font has becomes its Unicode name. Plain text is one run, unchanged.
    """
    if text.isascii():  # the common case: DejaVu has every ASCII character
        return ((text, font),) if text else ()
    key = (text, font)
    cached = _RUNS.get(key)
    if cached is not None:
        return cached
    main = _charset(font)
    if all(ord(char) in main for char in text):
        runs: tuple[tuple[str, str], ...] = ((text, font),) if text else ()
    else:
        emoji = _charset(EMOJI_FONT)
        pieces: list[tuple[str, str]] = []
        for char in text:
            point = ord(char)
            if point in _INVISIBLE:
                continue
            if point in main or char in "\n\t":
                target, shown = font, char
            elif point in emoji:
                target, shown = EMOJI_FONT, char
            else:
                target, shown = font, _replacement(char)
            if pieces and pieces[-1][1] == target:
                pieces[-1] = (pieces[-1][0] + shown, target)
            else:
                pieces.append((shown, target))
        runs = tuple(pieces)
    if len(_RUNS) < 100_000:
        _RUNS[key] = runs
    return runs


def drawable(text: str, font: str = FONT) -> str:
    """The text as it is drawn (joiners and selectors dropped, unknown characters named)."""
    return "".join(part for part, _ in font_runs(text, font))


def draw_string(canvas: Canvas, x: float, y: float, text: str, font: str, size: float) -> float:
    """Draw a line run by run (emoji in the fallback font); return its width."""
    for part, face in font_runs(text, font):
        canvas.setFont(face, size)
        canvas.drawString(x, y, part)
        x += pdfmetrics.stringWidth(part, face, size)
    canvas.setFont(font, size)
    return text_width(text, font, size)


def markup(text: str, font: str = FONT) -> str:
    """Escape text for a reportlab Paragraph (which reads a little XML).

    Emoji and symbols the main font lacks are wrapped in the fallback font (see
    :func:`font_runs`).
    """

    def escaped(part: str) -> str:
        return part.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    return "".join(
        escaped(part) if face != EMOJI_FONT else f'<font face="{EMOJI_FONT}">{escaped(part)}</font>'
        for part, face in font_runs(text, font)
    )


# -- fast text ---------------------------------------------------------------------------------

_WIDTHS: dict[tuple[str, str], float] = {}


def text_width(text: str, font: str, size: float) -> float:
    """Width of a text in points (word widths are cached: post-its repeat words a lot)."""
    key = (text, font)
    width = _WIDTHS.get(key)
    if width is None:
        width = sum(
            pdfmetrics.stringWidth(part, face, 1000.0) for part, face in font_runs(text, font)
        )
        if len(_WIDTHS) < 200_000:
            _WIDTHS[key] = width
    return width * size / 1000.0


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking at spaces; words longer than a line are cut."""
    lines: list[str] = []
    space = text_width(" ", font, size)
    for paragraph in text.splitlines() or [""]:
        current: list[str] = []
        used = 0.0
        for word in paragraph.split():
            w = text_width(word, font, size)
            if w > width:
                if current:
                    lines.append(" ".join(current))
                    current, used = [], 0.0
                piece = ""
                for char in word:
                    if piece and text_width(piece + char, font, size) > width:
                        lines.append(piece)
                        piece = ""
                    piece += char
                word, w = piece, text_width(piece, font, size)
            if current and used + space + w > width:
                lines.append(" ".join(current))
                current, used = [word], w
            else:
                used = used + space + w if current else w
                current.append(word)
        if current:
            lines.append(" ".join(current))
    return lines or [""]
