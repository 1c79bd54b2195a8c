"""The math panel's blocks (see writer.py) as a document: HTML, plain text or Markdown. User
text in them (class and sample names) is escaped for the format (gui.common.user_text)."""

import functools
import re

from gui.common.user_text import in_html, in_markdown
from gui.views.math.writer import RESULT, SUP

_SIMPLE_EXPONENT = re.compile(r"^[−-]?[\w.,]+$")


def html(blocks):
    """``blocks`` as an HTML document: headings, paragraphs, and equations in a larger serif,
    a continuation line ("  = …") indented under the line it continues."""
    parts = []
    for kind, line in blocks:
        body = "".join(_html_segment(k, t) for k, t in line)
        if kind == "heading":
            tag = "h2" if not parts else "h3"
            parts.append(f"<{tag}>{body}</{tag}>")
        elif kind == "equation":
            indent = 1.5 if not line[0][1].startswith("  ") else 3.0
            parts.append(f'<p style="margin-left: {indent}em; margin-top: 0; '
                         f'margin-bottom: 0.4em; font-family: serif; font-size: large;">'
                         f'{body.lstrip()}</p>')
        else:
            parts.append(f"<p>{body}</p>")
    return "<html><body>" + "\n".join(parts) + "</body></html>"


def plain_text(blocks):
    """``blocks`` as plain text: headings underlined, equations indented, superscripts as
    "^3" or "^(3/2)"."""
    lines = []
    for kind, line in blocks:
        text = _plain_line(line)
        if kind == "heading":
            if lines:
                lines.append("")
            lines += [text, "-" * len(text)]
        elif kind == "equation":
            lines.append("    " + text)
        else:
            lines.append(text)
    return "\n".join(lines) + "\n"


def markdown(blocks):
    """``blocks`` as Markdown: headings, paragraphs, and each run of equations in a fenced
    block (so that *, _ and | in them are kept as they are)."""
    out = []
    in_block = False
    for kind, line in blocks:
        text = _plain_line(line)
        if kind == "equation":
            if not in_block:
                out += ["```text"]
                in_block = True
            out.append(text)
            continue
        if in_block:
            out += ["```", ""]
            in_block = False
        if kind == "heading":
            out += [f"### {in_markdown(text)}", ""]
        else:
            out += [in_markdown(text), ""]
    if in_block:
        out.append("```")
    return "\n".join(out).rstrip("\n") + "\n"


@functools.lru_cache(maxsize=4096)  # operators, names and most numbers repeat from edit to edit
def _html_segment(kind, text):
    escaped = in_html(text).replace("Σ_c", "Σ<sub>c</sub>")
    if kind == SUP:
        return f"<sup>{escaped}</sup>"
    if kind == RESULT:
        return f"<b>{escaped}</b>"
    return escaped


def _plain_line(line):
    return "".join(_plain_segment(kind, text) for kind, text in line)


def _plain_segment(kind, text):
    if kind == SUP:
        return "^" + (text if _SIMPLE_EXPONENT.match(text) else f"({text})")
    return text
