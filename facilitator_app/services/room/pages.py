"""The participants' pages: plain HTML and CSS in Italian and English, nothing external.

Every value shown is escaped (:func:`html.escape`): a post-it is text, never markup. The
forms work without JavaScript (POST, then a redirect to a page that says "ricevuto"); the
stylesheet is served by the server itself (the pages' Content-Security-Policy allows
nothing else). Large text and a contrast well above 4.5:1 (WCAG 2.1 AA).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from facilitator_app.services.room.intake import BoardNote

LANGUAGES = ("it", "en")

WORDS: dict[str, dict[str, str]] = {
    "it": {
        "title": "Scrivi un post-it",
        "question": "La domanda del tavolo",
        "label": "Il tuo post-it (al massimo 500 caratteri)",
        "send": "Invia",
        "received": "Ricevuto, grazie!",
        "received_board": "Il tuo post-it è sul tabellone del tavolo.",
        "received_pending": "Il tuo post-it è arrivato: il facilitatore lo metterà sul tabellone.",
        "another": "Scrivi un altro post-it",
        "voting": "Votazione: dai i tuoi punti ai post-it",
        "dots_left": "Punti che ti restano: {left}",
        "dot": "Dai un punto",
        "dots": "Punti ricevuti: {votes}",
        "other_language": "English",
        "code_title": "Entra nel tavolo",
        "code_label": "Codice del tavolo (sul cartoncino o sullo schermo)",
        "code_send": "Entra",
        "code_wrong": "Codice non valido: controlla il cartoncino del tavolo.",
        "forbidden": "Questo indirizzo non è più valido: chiedi al facilitatore il nuovo codice.",
        "not_found": "Pagina inesistente.",
        "refused": "Richiesta non valida.",
        "too_large": "Richiesta troppo grande.",
        "too_many": "Troppi invii: aspetta un minuto e riprova.",
        "no_dots": "Hai già dato tutti i tuoi punti.",
        "error": "Non è stato possibile salvare: riprova tra poco.",
        "empty": "Il post-it è vuoto.",
        "too_long": "Il post-it è troppo lungo: al massimo 500 caratteri.",
        "bad_text": "Il post-it contiene caratteri non ammessi.",
        "expired": "Il modulo è scaduto: ricarica la pagina e riprova.",
    },
    "en": {
        "title": "Write a sticky note",
        "question": "The table's question",
        "label": "Your sticky note (500 characters at most)",
        "send": "Send",
        "received": "Received, thank you!",
        "received_board": "Your sticky note is on the table's board.",
        "received_pending": "Your sticky note arrived: the facilitator will put it on the board.",
        "another": "Write another sticky note",
        "voting": "Voting: give your dots to the sticky notes",
        "dots_left": "Dots you have left: {left}",
        "dot": "Give a dot",
        "dots": "Dots received: {votes}",
        "other_language": "Italiano",
        "code_title": "Join the table",
        "code_label": "Table code (on the table card or on the screen)",
        "code_send": "Join",
        "code_wrong": "Invalid code: check the table card.",
        "forbidden": "This address is no longer valid: ask the facilitator for the new code.",
        "not_found": "No such page.",
        "refused": "Invalid request.",
        "too_large": "Request too large.",
        "too_many": "Too many posts: wait a minute and try again.",
        "no_dots": "You have already given all your dots.",
        "error": "It could not be saved: try again shortly.",
        "empty": "The sticky note is empty.",
        "too_long": "The sticky note is too long: 500 characters at most.",
        "bad_text": "The sticky note contains characters that are not allowed.",
        "expired": "The form has expired: reload the page and try again.",
    },
}

STYLESHEET = """\
html { font-size: 125%; }
body { font-family: sans-serif; color: #111; background: #fff; margin: 0; padding: 0.8rem;
       line-height: 1.4; max-width: 40rem; }
h1 { font-size: 1.4rem; margin: 0.2rem 0 0.8rem; }
h2 { font-size: 1.15rem; margin: 1.2rem 0 0.4rem; }
.question { font-size: 1.15rem; border-left: 0.3rem solid #0b4f8a; padding-left: 0.6rem; }
label { display: block; font-weight: bold; margin: 0.8rem 0 0.3rem; }
textarea, input[type=text] { width: 100%; box-sizing: border-box; font-size: 1rem;
       padding: 0.5rem; border: 2px solid #333; border-radius: 0.3rem; color: #111;
       background: #fff; }
textarea { min-height: 7rem; }
button { font-size: 1.1rem; padding: 0.6rem 1.4rem; margin-top: 0.6rem; color: #fff;
       background: #0b4f8a; border: 2px solid #0b4f8a; border-radius: 0.3rem; }
button:focus, textarea:focus, input:focus, a:focus { outline: 3px solid #b35900; }
.note { border: 2px solid #333; border-radius: 0.3rem; padding: 0.5rem; margin: 0.5rem 0;
       white-space: pre-wrap; overflow-wrap: break-word; }
.note form { margin: 0; }
.message { font-weight: bold; padding: 0.5rem; border: 2px solid #8a1c0b; color: #8a1c0b; }
.ok { font-weight: bold; padding: 0.5rem; border: 2px solid #1b5e20; color: #1b5e20; }
a { color: #0b4f8a; }
.language { text-align: right; margin: 0; }
"""


@dataclass(frozen=True)
class PageContext:
    """What every participant page needs: language, the table's paths and form token."""

    lang: str
    base: str  # the participants' path, /t/<token>
    form_token: str


def _words(lang: str) -> dict[str, str]:
    return WORDS[lang if lang in WORDS else "it"]


def _page(lang: str, title: str, body: str, *, switch_to: str = "") -> str:
    other = "en" if lang == "it" else "it"
    switch = (
        f'<p class="language"><a href="{escape(switch_to)}?lang={other}" lang="{other}" '
        f'hreflang="{other}">{escape(_words(lang)["other_language"])}</a></p>'
        if switch_to
        else ""
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        '<link rel="stylesheet" href="/room.css">\n</head>\n<body>\n'
        f"{switch}<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def write_page(
    context: PageContext,
    question: str,
    *,
    message: str = "",
    text: str = "",
    board: Sequence[BoardNote] = (),
    dots_left: int | None = None,
) -> str:
    """The page a phone opens: the question, the post-it form and, when voting, the board."""
    words = _words(context.lang)
    parts = [f"<h1>{escape(words['title'])}</h1>"]
    if question.strip():
        parts.append(
            f'<h2>{escape(words["question"])}</h2><p class="question">{escape(question)}</p>'
        )
    if message:
        parts.append(f'<p class="message" role="alert">{escape(message)}</p>')
    parts.append(
        f'<form method="post" action="{escape(context.base)}/post" accept-charset="utf-8">'
        f'<input type="hidden" name="csrf" value="{escape(context.form_token)}">'
        f'<label for="text">{escape(words["label"])}</label>'
        f'<textarea id="text" name="text" maxlength="500" required>{escape(text)}</textarea>'
        f'<button type="submit">{escape(words["send"])}</button></form>'
    )
    if dots_left is not None:
        parts.append(f'<h2 id="voting">{escape(words["voting"])}</h2>')
        parts.append(f"<p>{escape(words['dots_left'].format(left=dots_left))}</p>")
        for note in board:
            button = (
                f'<form method="post" action="{escape(context.base)}/dot">'
                f'<input type="hidden" name="csrf" value="{escape(context.form_token)}">'
                f'<input type="hidden" name="post" value="{escape(note.id)}">'
                f'<button type="submit">{escape(words["dot"])}</button></form>'
                if dots_left > 0
                else ""
            )
            parts.append(
                f'<div class="note"><p>{escape(note.text)}</p>'
                f"<p>{escape(words['dots'].format(votes=note.votes))}</p>{button}</div>"
            )
    return _page(context.lang, words["title"], "\n".join(parts), switch_to=context.base)


def received_page(context: PageContext, *, pending: bool) -> str:
    """The page after a post: it was stored ("ricevuto")."""
    words = _words(context.lang)
    detail = words["received_pending"] if pending else words["received_board"]
    body = (
        f'<h1 class="ok" role="status">{escape(words["received"])}</h1>'
        f"<p>{escape(detail)}</p>"
        f'<p><a href="{escape(context.base)}">{escape(words["another"])}</a></p>'
    )
    return _page(context.lang, words["received"], body, switch_to=context.base + "/ricevuto")


def code_page(lang: str, *, wrong: bool = False) -> str:
    """The page at the server's address: type the table's short code."""
    words = _words(lang)
    message = f'<p class="message" role="alert">{escape(words["code_wrong"])}</p>' if wrong else ""
    body = (
        f"<h1>{escape(words['code_title'])}</h1>{message}"
        '<form method="get" action="/code">'
        f'<label for="code">{escape(words["code_label"])}</label>'
        '<input type="text" id="code" name="c" maxlength="12" autocomplete="off" '
        'autocapitalize="characters" required>'
        f'<button type="submit">{escape(words["code_send"])}</button></form>'
    )
    return _page(lang, words["code_title"], body, switch_to="/")


def notice_page(lang: str, key: str) -> str:
    """A short page that says why a request was refused (``key`` of :data:`WORDS`)."""
    words = _words(lang)
    text = words[key]
    return _page(lang, text, f'<p class="message" role="alert">{escape(text)}</p>')
