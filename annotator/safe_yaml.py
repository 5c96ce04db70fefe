"""The one way the annotator reads YAML: the safe loader, no aliases, errors as file:line.

Editors write front matter and ``speakers.yml`` by hand, so every problem must
come back as one line naming the file and the line where it starts:
- aliases are refused (231 bytes of nested aliases expand to a million nodes);
- a date that is not in the calendar (``2019-09-31``) is a YAML error at its line,
  not a bare ValueError;
- an unclosed quote is reported where the quoted value starts, not where the
  parser noticed (often dozens of lines further on).
"""

from __future__ import annotations

import re

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from .errors import InputError

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# '&name' or '*name' where a YAML token can start: only then can the text hold an anchor or alias
_MAYBE_ALIAS = re.compile(r"(?:^|[\s\[{,])[&*][^\s\]},]")
_ALIAS = re.compile(r"(?:(?<=^)|(?<=[\s\[{,]))\*[^\s\]},]", re.M)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    pass


def _timestamp(loader, node):
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError as exc:
        raise ConstructorError(None, None, f"{node.value!r} is not a date in the calendar ({exc})", node.start_mark) from None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def quick_load(text: str):
    """The value of ``text`` in one pass, or ``UNSURE`` when the careful path must read it (for its
    line numbers or its refusals): text that may hold an alias, or that does not load."""
    if _MAYBE_ALIAS.search(text):
        return UNSURE
    loader = _Loader(text)
    try:
        return loader.get_single_data()
    except (yaml.YAMLError, ValueError, RecursionError):
        return UNSURE
    finally:
        loader.dispose()


UNSURE = object()


def compose(text: str, path: str, *, first_line: int = 1) -> yaml.Node | None:
    """The node tree of ``text`` (line numbers for each value), aliases refused."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None and _MAYBE_ALIAS.search(text):
            _refuse_aliases(node, text, path, first_line)
        return node
    except yaml.YAMLError as exc:
        raise _input_error(exc, text, path, first_line) from None
    finally:
        loader.dispose()


def construct(node: yaml.Node | None, text: str, path: str, *, first_line: int = 1):
    """The Python value of a node tree from ``compose``."""
    if node is None:
        return None
    loader = _Loader("")
    try:
        return loader.construct_document(node)
    except yaml.YAMLError as exc:
        raise _input_error(exc, text, path, first_line) from None
    finally:
        loader.dispose()


def line_of(node: yaml.Node, first_line: int = 1) -> int:
    return node.start_mark.line + first_line


def _refuse_aliases(root: yaml.Node, text: str, path: str, first_line: int) -> None:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:  # a node reached twice is an alias of an anchored one
            alias = _ALIAS.search(text)
            line = text.count("\n", 0, alias.start()) + first_line if alias else line_of(node, first_line)
            raise InputError(path, f"line {line}: YAML anchors and aliases (&name, *name) "
                                   "are not allowed; write the value out")
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def _input_error(exc: yaml.YAMLError, text: str, path: str, first_line: int) -> InputError:
    problem = getattr(exc, "problem", None) or "invalid YAML"
    mark = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context", None) or ""
    if context.startswith("while scanning a quoted scalar") and exc.context_mark is not None:
        mark, problem = exc.context_mark, "a quoted value is never closed"
    elif mark is not None and not isinstance(exc, ConstructorError):
        start = _unclosed_quote_before(text, mark.line)
        if start is not None:
            return InputError(path, f"line {start + first_line}: a quoted value starts here and runs on to "
                                    f"line {mark.line + first_line}, where the YAML breaks ({problem}): "
                                    "is a closing quote missing?")
    where = f"line {mark.line + first_line}: " if mark is not None else ""
    return InputError(path, f"{where}not valid YAML ({problem})")


def _unclosed_quote_before(text: str, problem_line: int) -> int | None:
    """The start line of the last quoted value spanning several lines before the error, if any."""
    start = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.line > problem_line:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'") \
                    and token.end_mark.line > token.start_mark.line:
                start = token.start_mark.line
    except yaml.YAMLError:
        pass
    return start
