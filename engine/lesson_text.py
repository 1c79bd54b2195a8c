"""The text of a lesson: a small Markdown subset with formulas, parsed into plain data the GUI
draws (never handed to a rich-text engine), and ``{name}`` placeholders the engine fills with
its numbers.

The subset
----------
- Paragraphs: lines separated by a blank line; the lines of one paragraph are joined by a space.
- Lists: lines starting ``- `` (bullets) or ``1. `` (numbers), one item a line; a line that
  follows an item without a blank line continues it. Lists do not nest.
- Inline: ``**bold**``, ``*italic*`` (they may nest), ```code``` and ``$formula$``.
  ``\\*``, ``\\$``, ``\\``` and ``\\\\`` write the character itself.
- Formulas hold letters (Greek ones too), digits, spaces, the signs ``+ − - · × / = ≈ ≠ < > ≤ ≥
  ( ) [ ] | ‖ , . ' ! : ; ∞ ∂ → … Σ ∏ √ ∈ %``, subscripts ``x_i`` and superscripts ``e^z``,
  ``e^−3``, ``e^(z/T)`` (a group in parentheses, which may hold sub- and superscripts itself).
  Functions are written as words: ``ln``, ``log``, ``exp``, ``max``.

Anything else Markdown or LaTeX would read as markup is refused with a message naming it:
headings, block quotes, code blocks, tables, rules, links, images, HTML tags, nested lists, list
items written ``*`` or ``+``, and in formulas backslashes, braces, ``*``, ``&``, ``#``.

Placeholders
------------
``{name}`` (a letter or ``_``, then letters, digits, ``_``) is replaced by a number the engine
computed; ``{{`` and ``}}`` write a brace. Placeholders are filled before the text is parsed, so
a number can stand inside a formula.
"""

import re
import unicodedata
from dataclasses import dataclass


class TextError(ValueError):
    """Text outside the subset. ``kind`` is a key, ``line`` the 1-based line it is on (None for
    a placeholder), ``str()`` the English message."""

    def __init__(self, kind, message, line=None, **details):
        super().__init__(message)
        self.kind = kind
        self.line = line
        self.details = details


# --- the parsed text: plain data ---------------------------------------------------------------

@dataclass(frozen=True)
class Paragraph:
    """A paragraph: ``inlines``, a tuple of Span, Code and Formula."""

    inlines: tuple


@dataclass(frozen=True)
class ListBlock:
    """A list: ``ordered`` (numbered) or bullets; ``items``, one tuple of inlines per item;
    ``start``, the first item's number."""

    ordered: bool
    items: tuple
    start: int = 1


@dataclass(frozen=True)
class Span:
    """Text in a style: ``style`` is "" (plain), "bold" or "italic"; ``children`` are strings
    and nested Spans, Codes and Formulas."""

    style: str
    children: tuple


@dataclass(frozen=True)
class Code:
    """Code, shown in a fixed-width font: ``text``."""

    text: str


@dataclass(frozen=True)
class Formula:
    """A formula: ``parts``, strings and Script parts, in order."""

    parts: tuple


@dataclass(frozen=True)
class Script:
    """A subscript (``kind`` "sub") or superscript ("sup") of the part before it; ``parts`` as a
    Formula's."""

    kind: str
    parts: tuple


# --- placeholders ------------------------------------------------------------------------------

NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")  # the name of a placeholder
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{(" + NAME.pattern + r")\}|[{}]")


def placeholders(template):
    """The names of the ``{name}`` placeholders in ``template``, in order of first use.

    Raises
    ------
    TextError
        A brace that is neither a placeholder nor ``{{`` / ``}}``.
    """
    names = []
    for match in _PLACEHOLDER.finditer(template):
        token, name = match.group(0), match.group(1)
        if name is not None and name not in names:
            names.append(name)
        elif token in "{}":
            line = template.count("\n", 0, match.start()) + 1
            raise TextError("brace", f"a lone '{token}': write {{name}} for a computed number, "
                            "{{ or }} for a brace (formulas are not LaTeX)", line=line)
    return tuple(names)


def fill(template, values):
    """``template`` with each ``{name}`` replaced by ``values[name]`` (text), ``{{``/``}}`` by a
    brace. Raises TextError for a name ``values`` lacks or a lone brace."""
    placeholders(template)  # refuses lone braces

    def replace(match):
        token, name = match.group(0), match.group(1)
        if name is None:
            return token[0]
        if name not in values:
            known = ", ".join(sorted(values)) or "none"
            hint = "; a superscript is written e^(z), not e^{z}" if len(name) <= 2 else ""
            raise TextError("unknown_value", f"{{{name}}} is not one of this step's values "
                            f"(they are: {known}){hint}", name=name)
        return values[name]

    return _PLACEHOLDER.sub(replace, template)


# --- blocks ------------------------------------------------------------------------------------

_BULLET = re.compile(r"- +(?=\S)")
_NUMBERED = re.compile(r"(\d{1,9})\. +(?=\S)")
# Line starts the subset does not have, and what to say about them.
_REFUSED_LINES = (
    (re.compile(r"#{1,6}(\s|$)"), "heading", "headings are not part of lesson text: the step's "
                                             "title is its heading"),
    (re.compile(r">"), "quote", "block quotes ('>') are not part of lesson text"),
    (re.compile(r"(```|~~~)"), "code_block", "code blocks are not part of lesson text: write "
                                             "`code` inside a line"),
    (re.compile(r"\|"), "table", "tables ('|') are not part of lesson text"),
    (re.compile(r"([-*_])( *\1){2,} *$"), "rule", "horizontal rules are not part of lesson text"),
    (re.compile(r"[*+] +\S"), "list_marker", "write a list item as '- item' (or '1. item')"),
)


def parse(text):
    """Parse lesson text into a tuple of Paragraph and ListBlock.

    Raises
    ------
    TextError
        Something outside the subset (see the module's docstring), or a control character
        other than a line break.
    """
    _check_characters(text)
    blocks, lines, kind = [], [], None  # the block being gathered: its lines and kind
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            if lines:
                blocks.append(_block(kind, lines))
            lines, kind = [], None
            continue
        if raw[:1].isspace() and kind is not None and kind != "paragraph" and _item(line):
            raise TextError("nested_list", "lists do not nest: start every item at the "
                            "beginning of its line", line=number)
        _refuse_line(line, number)
        item = _item(line)
        if item is not None:
            if kind == "paragraph":  # an item right after a paragraph starts a list
                blocks.append(_block(kind, lines))
                lines = []
            if kind not in (None, "paragraph") and kind != item[0]:
                raise TextError("mixed_list", "a list is either '- ' bullets or '1. ' numbers; "
                                "leave a blank line between two lists", line=number)
            kind = item[0]
            lines.append((number, item[1], [item[2]]))
        elif kind in ("bullets", "numbers"):
            lines[-1][2].append(line)  # continues the item above
        else:
            kind = "paragraph"
            lines.append((number, None, [line]))
    if lines:
        blocks.append(_block(kind, lines))
    return tuple(blocks)


def _check_characters(text):
    for number, line in enumerate(text.split("\n"), start=1):
        bad = next((ch for ch in line if unicodedata.category(ch) == "Cc"), None)
        if bad is not None:
            raise TextError("control_character", f"the control character U+{ord(bad):04X} is "
                            "not allowed in lesson text (only line breaks are)", line=number)


def _refuse_line(line, number):
    for pattern, kind, message in _REFUSED_LINES:
        if pattern.match(line):
            raise TextError(kind, message, line=number)


def _item(line):
    """("bullets" | "numbers", the item's number, its text) when ``line`` is a list item."""
    bullet = _BULLET.match(line)
    if bullet:
        return "bullets", None, line[bullet.end():]
    numbered = _NUMBERED.match(line)
    if numbered:
        return "numbers", int(numbered.group(1)), line[numbered.end():]
    return None


def _block(kind, lines):
    if kind == "paragraph":
        first = lines[0][0]
        return Paragraph(_inlines(" ".join(part for _, _, parts in lines for part in parts),
                                  first))
    items = tuple(_inlines(" ".join(parts), number) for number, _, parts in lines)
    return ListBlock(ordered=kind == "numbers", items=items,
                     start=lines[0][1] if kind == "numbers" else 1)


# --- inlines -----------------------------------------------------------------------------------

_ESCAPABLE = "\\*$`"
_LINK = re.compile(r"!?\[[^\]]*\]\(")
_HTML = re.compile(r"<[A-Za-z/!]")


def _inlines(text, line):
    """The inlines of one paragraph or item (``line``: where it starts, for messages)."""
    stack = [("", [])]  # open spans: (style, children); the bottom one is the plain text
    plain = []  # characters of the text being gathered
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and text[i + 1] in _ESCAPABLE:
            plain.append(text[i + 1])
            i += 2
            continue
        if ch in "`$":
            end = _closing(text, i, ch, line)
            _flush(plain, stack)
            body = text[i + 1:end]
            stack[-1][1].append(Code(body) if ch == "`" else Formula(_formula(body, line)))
            i = end + 1
            continue
        if ch == "*":
            marker = "**" if text.startswith("**", i) else "*"
            _flush(plain, stack)
            _toggle(stack, "bold" if marker == "**" else "italic", line)
            i += len(marker)
            continue
        _refuse_inline(text, i, line)
        plain.append(ch)
        i += 1
    _flush(plain, stack)
    if len(stack) > 1:
        marker = "**" if stack[-1][0] == "bold" else "*"
        raise TextError("unclosed", f"{marker} opens {stack[-1][0]} text that is never closed "
                        "(write \\* for a star)", line=line, marker=marker)
    return tuple(stack[0][1])


def _closing(text, start, marker, line):
    """Where the ``marker`` that closes the code or formula opened at ``start`` stands."""
    i = start + 1
    while i < len(text):
        if text[i] == marker:
            if i == start + 1:
                what = "code" if marker == "`" else "formula"
                raise TextError("empty", f"an empty {what} ({marker}{marker})", line=line)
            return i
        i += 1
    what = "code" if marker == "`" else "a formula"
    raise TextError("unclosed", f"{marker} opens {what} that is never closed", line=line,
                    marker=marker)


def _flush(plain, stack):
    if plain:
        stack[-1][1].append("".join(plain))
        plain.clear()


def _toggle(stack, style, line):
    if stack[-1][0] == style:
        closed_style, children = stack.pop()
        if not children:
            raise TextError("empty", f"empty {style} text", line=line)
        stack[-1][1].append(Span(closed_style, tuple(children)))
    elif any(open_style == style for open_style, _ in stack):
        raise TextError("crossed", f"{style} text closes inside {stack[-1][0]} text: close the "
                        "inner one first", line=line)
    else:
        stack.append((style, []))


def _refuse_inline(text, i, line):
    if _LINK.match(text, i):
        raise TextError("link", "links and images are not part of lesson text", line=line)
    if _HTML.match(text, i):
        raise TextError("html", "HTML is not part of lesson text: write the text itself "
                        "(a '<' before a letter reads as a tag; put a space after it)", line=line)


# --- formulas ----------------------------------------------------------------------------------

FORMULA_SIGNS = frozenset("+−-·×÷/=≈≠<>≤≥()[]|‖,.'!:;∞∂→←…ΣΠ∏√∈′%⋅ ")
_SIGNS = "−-+"


def _formula(body, line):
    return _formula_parts(body, 0, line, group=False)[0]


def _formula_parts(body, i, line, group):
    """The parts of ``body`` from ``i`` to its end, or (``group``) to the ")" that closes the
    group; returns (parts, index after the end)."""
    parts, plain = [], []
    while i < len(body):
        ch = body[i]
        if group and ch == ")":
            break
        if ch in "_^":
            if plain:
                parts.append("".join(plain))
                plain = []
            script, i = _script(body, i, line)
            parts.append(script)
            continue
        if ch == "\\":
            raise TextError("latex", "formulas are not LaTeX: write Σ, not \\sum, and "
                            "e^(z/T), not e^{z/T}", line=line)
        if not (ch.isalnum() or ch in FORMULA_SIGNS or unicodedata.category(ch) == "Zs"):
            raise TextError("formula_character", f"'{ch}' is not part of a formula: formulas "
                            "hold letters, digits, + − · × / = ( ) and the like, x_i, e^z and "
                            "e^(z/T)", line=line, character=ch)
        plain.append(ch)
        i += 1
    if group and i >= len(body):
        raise TextError("unclosed", "( opens a group of a sub- or superscript that is never "
                        "closed", line=line, marker="(")
    if plain:
        parts.append("".join(plain))
    return tuple(parts), i


def _script(body, i, line):
    """The Script that the "_" or "^" at ``i`` starts, and the index after it."""
    kind = "sub" if body[i] == "_" else "sup"
    i += 1
    if body[i:i + 1] == "{":
        raise TextError("latex", "formulas are not LaTeX: write e^(z/T), not e^{z/T}", line=line)
    if body[i:i + 1] == "(":
        parts, end = _formula_parts(body, i + 1, line, group=True)
        if not parts:
            raise TextError("empty", "an empty group ()", line=line)
        return Script(kind, parts), end + 1
    start = i
    if body[i:i + 1] and body[i] in _SIGNS:
        i += 1
    while i < len(body) and (body[i].isalnum() or (body[i] == "." and i > start)):
        i += 1
    word = body[start:i].rstrip(".")
    if not word or word in _SIGNS:
        example = "x_i or x_(i+1)" if kind == "sub" else "e^z or e^(−z)"
        raise TextError("empty_script", f"'{body[start - 1]}' needs what follows it: {example}",
                        line=line)
    return Script(kind, (word,)), start + len(word)
