"""The restituzione as a Word document: the python-docx side of :class:`ReportWriter`.

Built-in styles only where Word has one (Title, Subtitle, Heading 1–4, List Bullet, a
table style), so the navigation pane, the table of contents and the coordinator's own
template work on it; one paragraph style of our own for notes. The footer holds the event
and "Pagina N di M" as PAGE and NUMPAGES fields, which Word and LibreOffice fill in.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from facilitator_app.services.reports.writer import CoverRole

#: Characters XML 1.0 (so a .docx) cannot hold: C0 controls but tab and line ends,
#: surrogates (a lone one cannot even be encoded) and the two non-characters U+FFFE/U+FFFF.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: The table style of every table (a built-in style of Word's default template).
TABLE_STYLE = "Light Grid Accent 1"
BULLET_STYLE = "List Bullet"
NOTE_STYLE = "Nota"
TAGS_STYLE = "Etichette"
NUMBERED_STYLE = "Contributo numerato"
_MUTED = RGBColor(0x5F, 0x63, 0x68)
_LANGUAGE_TAGS = {"it": "it-IT", "en": "en-GB"}


def xml_text(text: str) -> str:
    """``text`` without the characters a Word document cannot hold."""
    return XML_ILLEGAL.sub("", text)


def _field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A simple field (PAGE, NUMPAGES) whose value Word computes; ``shown`` until it does."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _repeat_as_header(row: object) -> None:
    """Mark a table row as the header repeated at the top of every page."""
    tr = row._tr  # type: ignore[attr-defined]
    properties = tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


class DocxWriter:
    """Writes the restituzione into a python-docx document, then saves it.

    Args:
        language: "it" or "en": the document's language, for spelling and hyphenation.
        note_style: the name of the notes' paragraph style, in the report's language.
        tags_style: the name of the character style of a post-it's tags.
        numbered_style: the name of the paragraph style of the appendix's numbered post-its.
    """

    def __init__(
        self,
        language: str = "it",
        note_style: str = NOTE_STYLE,
        tags_style: str = TAGS_STYLE,
        numbered_style: str = NUMBERED_STYLE,
    ) -> None:
        self.document = Document()
        self._space_before = 0.0
        self.note_style = note_style
        self.tags_style = tags_style
        self.numbered_style = numbered_style
        # python-docx looks a style up by name through every style of the document, for each
        # paragraph: over 10,000 post-its that is most of the time. Ids are looked up once.
        self._style_ids: dict[str, str] = {}
        section = self.document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)  # A4, like the PDF
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(20))
        styles = self.document.styles
        normal = styles["Normal"]
        normal.font.size = Pt(10)
        language_tag = OxmlElement("w:lang")
        language_tag.set(qn("w:val"), _LANGUAGE_TAGS.get(language, language))
        normal.element.get_or_add_rPr().append(language_tag)
        note = styles.add_style(note_style, WD_STYLE_TYPE.PARAGRAPH)
        note.base_style = normal
        note.font.italic = True
        note.font.size = Pt(8.5)
        note.font.color.rgb = _MUTED
        tags = styles.add_style(tags_style, WD_STYLE_TYPE.CHARACTER)
        tags.font.italic = True
        tags.font.size = Pt(8.5)
        tags.font.color.rgb = _MUTED
        numbered = styles.add_style(numbered_style, WD_STYLE_TYPE.PARAGRAPH)
        numbered.base_style = normal
        numbered.paragraph_format.left_indent = Mm(8)
        numbered.paragraph_format.first_line_indent = Mm(-8)
        self._end = self.document.element.body.sectPr  # new paragraphs go before it

    def _style_id(self, name: str) -> str:
        if name not in self._style_ids:
            self._style_ids[name] = self.document.styles[name].style_id
        return self._style_ids[name]

    def _paragraph(self, text: str, style: str | None = None) -> Paragraph:
        """A new paragraph at the end of the body, with its text in one run."""
        paragraph = self._new_paragraph(style)
        if text:
            self._run(paragraph, text)
        return Paragraph(paragraph, self.document._body)

    def _new_paragraph(self, style: str | None) -> BaseOxmlElement:
        """An empty ``w:p`` at the end of the body.

        Built directly: python-docx's own path costs about a millisecond a paragraph, which
        tens of thousands of post-its feel.
        """
        paragraph = OxmlElement("w:p")
        if style is not None or self._space_before:
            properties = OxmlElement("w:pPr")
            paragraph.append(properties)
            if style is not None:
                style_tag = OxmlElement("w:pStyle")
                style_tag.set(qn("w:val"), self._style_id(style))
                properties.append(style_tag)
            if self._space_before:
                spacing = OxmlElement("w:spacing")
                spacing.set(qn("w:before"), str(round(Mm(self._space_before).twips)))
                properties.append(spacing)
                self._space_before = 0.0
        self._end.addprevious(paragraph)
        return paragraph

    def _run(
        self, paragraph: BaseOxmlElement, text: str, *, bold: bool = False, style: str = ""
    ) -> None:
        """A run of text (line ends become line breaks), bold or in a character style."""
        run = OxmlElement("w:r")
        if bold or style:
            properties = OxmlElement("w:rPr")
            if style:
                style_tag = OxmlElement("w:rStyle")
                style_tag.set(qn("w:val"), self._style_id(style))
                properties.append(style_tag)
            if bold:
                properties.append(OxmlElement("w:b"))
            run.append(properties)
        lines = xml_text(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
        for index, line in enumerate(lines):
            if index:
                run.append(OxmlElement("w:br"))
            if line:
                words = OxmlElement("w:t")
                words.text = line
                words.set(qn("xml:space"), "preserve")
                run.append(words)
        paragraph.append(run)

    def cover(self, text: str, role: CoverRole) -> None:
        """A line of the cover: the title in Title, what it is in Subtitle, lines centred."""
        style = {"title": "Title", "subtitle": "Subtitle"}.get(role)
        paragraph = self._paragraph(text, style)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if role == "kicker":
            for run in paragraph.runs:
                run.bold = True

    def heading(self, text: str, level: int, outline: str = "") -> None:
        """A heading in Word's Heading 1–4 (level 0 is a chapter, Heading 1)."""
        del outline  # Word's navigation pane shows the heading itself
        self._paragraph(text, f"Heading {min(level, 3) + 1}")

    def paragraph(self, text: str) -> None:
        """A paragraph in Normal."""
        self._paragraph(text)

    def note(self, text: str) -> None:
        """A paragraph in the notes' style (small, grey, italic)."""
        self._paragraph(text, self.note_style)

    def bullet(self, text: str, lead: str = "") -> None:
        """An item in List Bullet, its lead in bold."""
        paragraph = self._new_paragraph(BULLET_STYLE)
        if lead:
            self._run(paragraph, lead + " ", bold=True)
        self._run(paragraph, text)

    def entry(self, label: str, text: str, meta: str = "", *, indent: float = 12) -> None:
        """A post-it: a List Bullet item, or a numbered paragraph; its tags on a new line."""
        del indent  # the list style (or the numbered style) gives the indent
        if label == "•":
            paragraph = self._new_paragraph(BULLET_STYLE)
        else:
            paragraph = self._new_paragraph(self.numbered_style)
            self._run(paragraph, f"{label} ")
        self._run(paragraph, text + ("\n" if meta else ""))
        if meta:
            self._run(paragraph, meta, style=self.tags_style)

    def table(self, rows: Sequence[Sequence[str]], widths_mm: Sequence[float]) -> None:
        """A table in the table style, its first row a header repeated on every page."""
        columns = len(widths_mm)
        table = self.document.add_table(rows=len(rows), cols=columns)
        table.style = self.document.styles[TABLE_STYLE]
        for row_index, (row, values) in enumerate(zip(table.rows, rows, strict=True)):
            for cell, value, width in zip(row.cells, values, widths_mm, strict=True):
                cell.width = Mm(width)
                cell.text = xml_text(str(value))
                if row_index == 0:
                    for run in cell.paragraphs[0].runs:
                        run.bold = True
        _repeat_as_header(table.rows[0])
        self.document.add_paragraph()  # Word joins two tables that touch

    def chart(self, labels: Sequence[str], values: Sequence[int], title: str) -> None:
        """Nothing: the figures are in the table just above (the coordinator may chart them)."""
        del labels, values, title

    def space(self, height_mm: float) -> None:
        """Space before the next paragraph."""
        self._space_before += height_mm

    def keep_room(self, height_mm: float) -> None:
        """Nothing: Word keeps headings with what follows them (their style says so)."""
        del height_mm

    def page_break(self) -> None:
        """A new page."""
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def footer(self, text: str, page_label: str) -> None:
        """The footer of every page: ``text``, then ``page_label`` with live page fields.

        Args:
            text: the event and its date.
            page_label: "Pagina {number} di {total}" in the report's language.
        """
        paragraph = self.document.sections[0].footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(xml_text(text) + "    ")
        run.font.size = Pt(8)
        fields = {"{number}": "PAGE", "{total}": "NUMPAGES"}
        for part in re.split(r"(\{number\}|\{total\})", page_label):
            if part in fields:
                _field(paragraph, fields[part], "1")
            elif part:
                paragraph.add_run(xml_text(part)).font.size = Pt(8)

    def properties(self, *, title: str, subject: str, author: str, created: dt.datetime) -> None:
        """The document's properties (File > Properties)."""
        core = self.document.core_properties
        core.title = xml_text(title)
        core.subject = xml_text(subject)
        core.author = xml_text(author)
        core.last_modified_by = xml_text(author)
        core.created = created
        core.modified = created
        core.revision = 1

    def save(self, path: Path) -> None:
        """Write the .docx at ``path`` (the caller gives a temporary file).

        The package is zipped in memory first: zipfile writing straight to a full disk
        fails, then fails again when the half-closed archive is collected.
        """
        package = io.BytesIO()
        self.document.save(package)
        path.write_bytes(package.getvalue())
