"""A Content-Security-Policy for every built page: scripts come from the site itself.

The second line of defence behind escaping: should a value ever reach a page, or
Pagefind's interface, as markup, neither an injected ``<script>`` nor an inline
handler (``onerror=``) runs.  The theme writes a few inline scripts of its own
(Material's ``__md_scope`` helpers, its tab fix-up); each is allowed by the
SHA-256 of its text, taken from the page as built.  Data blocks (the JSON config,
JSON-LD) are never run, so they need no hash.

Pagefind compiles its WebAssembly in the page when it has no worker, hence
``'wasm-unsafe-eval'`` (which allows compiling WebAssembly, not ``eval``).
"""

from __future__ import annotations

import base64
import hashlib
import re

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_ATTR = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
# the types HTML runs as script (HTML standard, "JavaScript MIME type essence match", plus module)
_RUN_TYPES = frozenset({
    "", "module", "text/javascript", "application/javascript", "application/ecmascript",
    "application/x-ecmascript", "application/x-javascript", "text/ecmascript", "text/jscript",
    "text/livescript", "text/x-ecmascript", "text/x-javascript", *(f"text/javascript1.{n}" for n in range(6)),
})
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_HAS_CSP = re.compile(r"<meta\s[^>]*http-equiv=[\"']?content-security-policy", re.I)

BASE_POLICY = ("script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'", "base-uri 'self'")


def _attributes(raw: str) -> dict[str, str]:
    return {m.group(1).lower(): next((g for g in m.groups()[1:] if g is not None), "") for m in _ATTR.finditer(raw)}


def inline_scripts(page_html: str) -> list[str]:
    """The text of each inline script of the page that a browser would run."""
    found = []
    for m in _SCRIPT.finditer(page_html):
        attrs = _attributes(m.group(1))
        if "src" in attrs or attrs.get("type", "").strip().lower() not in _RUN_TYPES:
            continue
        found.append(m.group(2))
    return found


def script_hash(source: str) -> str:
    """The CSP source expression of one inline script: 'sha256-…'."""
    # the HTML parser turns CR LF and lone CR into LF before the browser hashes the text
    text = source.replace("\r\n", "\n").replace("\r", "\n")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def policy(page_html: str) -> str:
    hashes = sorted(dict.fromkeys(script_hash(s) for s in inline_scripts(page_html)))
    first, *rest = BASE_POLICY
    return "; ".join([" ".join([first, *hashes]), *rest])


def with_csp(page_html: str) -> str:
    """The page with its policy as the first element after ``<meta charset>`` (before any script)."""
    if _HAS_CSP.search(page_html):
        return page_html  # a template set its own
    anchor = _CHARSET.search(page_html) or _HEAD.search(page_html)
    if anchor is None:
        return page_html  # not a full page
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(page_html)}">'
    return page_html[:anchor.end()] + meta + page_html[anchor.end():]
