"""Proposals for Decidim's "Importa proposte da un file" (ParteciPA runs on Decidim).

The format is the one of Decidim's proposal importer (checked in decidim/decidim, see
``docs/FILE_FORMATS.md``, section "Decidim / ParteciPA"): a CSV separated by ``;``, UTF-8
without BOM (a BOM would become part of the first header and Decidim would miss the
required ``title/<locale>``), with localized columns ``title/it`` and ``body/it``, and the
optional ``category/id`` (Decidim up to 0.27/0.28), ``taxonomies/ids`` (0.30 and later) and
``scope/id`` written only when the person gives values; or JSON, an array of objects with
``title: {"it": …}``, ``body: {"it": …}``, ``category: {"id": N}``, ``taxonomies: {"ids":
[…]}``, ``scope: {"id": N}``.

Only live post-its are published; nothing names who wrote them (the app records no
author). Texts longer than Decidim's limits are cut at a word boundary with "…" and
reported; in the CSV, a text a spreadsheet would take for a formula gets an apostrophe
first (as every CSV the app writes, :mod:`~facilitator_app.services.common.cells`).
"""

from __future__ import annotations

import csv
import enum
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from facilitator_app.domain import counting
from facilitator_app.domain.errors import InvalidValueError
from facilitator_app.domain.model import Contribution
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.services.common.cells import looks_like_formula, to_csv_text
from facilitator_app.services.common.files import atomic_write
from facilitator_app.services.publish.shorten import Shortened, shorten
from facilitator_app.services.records.report import EventReport, TableReport

# Decidim's participant form: ``validates :title, length: { maximum: 150 }``.
TITLE_MAX = 150
# The proposals component's "proposal_length" setting, 500 unless the admin changed it.
BODY_MAX = 500
# Where a post-it title is cut even when 150 would fit: a title people can read in a list.
POST_IT_TITLE_MAX = 80


class Granularity(enum.Enum):
    """One proposal per theme, or one per post-it."""

    THEME = "theme"
    POST_IT = "post-it"


@dataclass(frozen=True)
class DecidimOptions:
    """How the proposals are written.

    Attributes:
        per: one proposal per theme (with its post-its) or per post-it.
        locale: the organisation's default locale (the required ``title/<locale>``).
        categories: Decidim category id by axis number (``category/id``).
        taxonomies: Decidim taxonomy ids by axis number (``taxonomies/ids``).
        scope: a Decidim scope id for every proposal (``scope/id``), or None.
        title_max: the longest title Decidim accepts.
        body_max: the longest body (the component's "proposal_length").
    """

    per: Granularity = Granularity.THEME
    locale: str = "it"
    categories: Mapping[int, int] = field(default_factory=dict)
    taxonomies: Mapping[int, tuple[int, ...]] = field(default_factory=dict)
    scope: int | None = None
    title_max: int = TITLE_MAX
    body_max: int = BODY_MAX


@dataclass(frozen=True)
class Proposal:
    """One proposal as it goes to Decidim.

    Attributes:
        title: the title, within the limit.
        body: the body, within the limit.
        axis: the axis it speaks to (for the category/taxonomy), or None.
        source: where it comes from, in words.
    """

    title: str
    body: str
    axis: int | None
    source: str


@dataclass(frozen=True)
class DecidimResult:
    """What :func:`write_proposals` wrote.

    Attributes:
        path: the CSV or JSON file.
        proposals: how many proposals.
        posts: live post-its published.
        shortened: the titles and bodies that were cut to fit.
        neutralised: texts that got an apostrophe so that no spreadsheet runs them (CSV).
    """

    path: Path
    proposals: int
    posts: int
    shortened: tuple[Shortened, ...]
    neutralised: int


def _table_words(table: TableReport, session: int) -> str:
    return f"Tavolo {table.table.key} ({table.table.name}), sessione {session}"


def _axis_of(table: TableReport, posts: tuple[Contribution, ...]) -> int | None:
    """The table's axis; for a table without one, the single axis its post-its speak to."""
    if table.table.axis is not None:
        return table.table.axis
    axes = {axis for post in posts for axis in counting.axes_of_post(post)}
    return axes.pop() if len(axes) == 1 else None


def _post_line(post: Contribution) -> str:
    return "- " + " ".join(post.text.split())


def _drafts(report: EventReport, per: Granularity) -> list[Proposal]:
    """The proposals before any cut: titles and bodies as long as the event has them."""
    drafts: list[Proposal] = []
    for table in report.tables:
        for session in table.sessions:
            where = _table_words(table, session.number)
            if per is Granularity.POST_IT:
                for post in session.posts:
                    text = " ".join(post.text.split())
                    drafts.append(
                        Proposal(
                            title=text,
                            body=f"{post.text.strip()}\n\n{where}.",
                            axis=_axis_of(table, (post,)),
                            source=f"{where}, post-it «{shorten(text, 40)}»",
                        )
                    )
                continue
            groups = [(t.theme.title, t.theme.synthesis, t.posts) for t in session.themes]
            if session.loose:
                groups.append((f"Altri contributi: {where.lower()}", "", session.loose))
            for title, synthesis, posts in groups:
                if not posts and not synthesis.strip():
                    continue  # a theme with nothing under it says nothing to publish
                parts = [synthesis.strip()] if synthesis.strip() else []
                if posts:
                    parts.append("Contributi:\n" + "\n".join(_post_line(p) for p in posts))
                parts.append(f"{where}.")
                drafts.append(
                    Proposal(
                        title=" ".join(title.split()),
                        body="\n\n".join(parts),
                        axis=_axis_of(table, posts),
                        source=f"{where}, tema «{shorten(title, 40)}»",
                    )
                )
    return drafts


def build_proposals(
    report: EventReport, options: DecidimOptions
) -> tuple[list[Proposal], list[Shortened]]:
    """The proposals of an event's report, cut to Decidim's limits.

    Returns:
        The proposals, and every title or body that was cut (which, from where, how long).
    """
    title_max = options.title_max
    if options.per is Granularity.POST_IT:
        title_max = min(title_max, POST_IT_TITLE_MAX)
    proposals: list[Proposal] = []
    cuts: list[Shortened] = []
    for number, draft in enumerate(_drafts(report, options.per), start=1):
        title = shorten(draft.title, title_max)
        body = shorten(draft.body, options.body_max)
        # A post-it's title is its text shortened on purpose: only the body's cut is news.
        if title != draft.title and options.per is Granularity.THEME:
            cuts.append(Shortened(number, "title", draft.source, len(draft.title), title_max))
        if body != draft.body:
            cuts.append(Shortened(number, "body", draft.source, len(draft.body), options.body_max))
        proposals.append(Proposal(title, body, draft.axis, draft.source))
    return proposals, cuts


def _columns(options: DecidimOptions) -> list[str]:
    columns = [f"title/{options.locale}", f"body/{options.locale}"]
    if options.categories:
        columns.append("category/id")
    if options.taxonomies:
        columns.append("taxonomies/ids")
    if options.scope is not None:
        columns.append("scope/id")
    return columns


def _csv_row(proposal: Proposal, options: DecidimOptions) -> list[str]:
    row = [proposal.title, proposal.body]
    axis = proposal.axis
    if options.categories:
        category = options.categories.get(axis) if axis is not None else None
        row.append("" if category is None else str(category))
    if options.taxonomies:
        ids = options.taxonomies.get(axis, ()) if axis is not None else ()
        row.append(",".join(str(i) for i in ids))
    if options.scope is not None:
        row.append(str(options.scope))
    return row


def _json_item(proposal: Proposal, options: DecidimOptions) -> dict[str, object]:
    item: dict[str, object] = {
        "title": {options.locale: proposal.title},
        "body": {options.locale: proposal.body},
    }
    axis = proposal.axis
    if options.categories:
        category = options.categories.get(axis) if axis is not None else None
        item["category"] = {"id": category}
    if options.taxonomies:
        item["taxonomies"] = {"ids": list(options.taxonomies.get(axis, ()) if axis else ())}
    if options.scope is not None:
        item["scope"] = {"id": options.scope}
    return item


def proposals_text(proposals: list[Proposal], options: DecidimOptions, suffix: str) -> str:
    """The file's text: CSV (``;``, formula-like texts after an apostrophe) or JSON.

    Raises:
        InvalidValueError: ``suffix`` is neither ``.csv`` nor ``.json``.
    """
    if suffix == ".json":
        items = [_json_item(p, options) for p in proposals]
        return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    if suffix != ".csv":
        raise InvalidValueError(
            QT_TRANSLATE_NOOP(
                "Errors", "formato «{suffix}» non supportato per Decidim: usare .csv o .json"
            ),
            suffix=suffix or "(nessuno)",
        )
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(_columns(options))
    for proposal in proposals:
        writer.writerow([to_csv_text(value) for value in _csv_row(proposal, options)])
    return buffer.getvalue()


def write_proposals(report: EventReport, path: Path, options: DecidimOptions) -> DecidimResult:
    """Write the proposals of a report as Decidim's importer reads them (by extension).

    Args:
        report: the event's report (live post-its only, by construction).
        path: a ``.csv`` or ``.json`` file, written whole or not at all.
        options: granularity, locale, optional columns and limits.

    Raises:
        InvalidValueError: the extension is neither ``.csv`` nor ``.json``.
        StorageError: the file cannot be written; nothing is left behind.
    """
    proposals, cuts = build_proposals(report, options)
    suffix = path.suffix.lower()
    text = proposals_text(proposals, options, suffix)
    atomic_write(path, text)
    neutralised = 0
    if suffix == ".csv":
        neutralised = sum(
            1 for p in proposals for value in (p.title, p.body) if looks_like_formula(value)
        )
    return DecidimResult(
        path=path,
        proposals=len(proposals),
        posts=report.total_contributions,
        shortened=tuple(cuts),
        neutralised=neutralised,
    )
