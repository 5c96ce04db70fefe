"""Fetching a web page by URL, carefully: a timeout, a size limit, http(s) redirects only, HTML only.

Only ``annotator add URL`` fetches; building and testing never touch the network.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..errors import InputError
from .html import MAX_HTML_BYTES, refuse_non_html

USER_AGENT = f"marginalia-annotator/{__version__} (news archive; fetches one page when an editor adds it)"
TIMEOUT_SECONDS = 20.0
MAX_REDIRECTS = 5
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class Fetched:
    url: str  # the final URL, after redirects
    fetched_at: str  # ISO 8601, UTC, to the second
    data: bytes


def is_url(value: str) -> bool:
    return urlsplit(value).scheme.lower() in ("http", "https") and bool(urlsplit(value).netloc)


def fetch(url: str, *, timeout: float = TIMEOUT_SECONDS, limit: int = MAX_HTML_BYTES) -> Fetched:
    """The page at ``url``, or an InputError saying in one line why not."""
    import urllib3

    http = urllib3.PoolManager(headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml"},
                               timeout=urllib3.Timeout(total=timeout), retries=False)
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        _check_scheme(current, url)
        try:
            response = http.request("GET", current, preload_content=False, redirect=False)
        except urllib3.exceptions.HTTPError as exc:
            raise InputError(url, f"could not fetch the page ({_reason(exc)})") from None
        try:
            if response.status in (301, 302, 303, 307, 308):
                location = response.headers.get("Location")
                if not location:
                    raise InputError(url, f"the server answered {response.status} (a redirect) without saying where to")
                current = urljoin(current, location)
                continue
            if response.status != 200:
                raise InputError(url, f"the server answered {response.status} {response.reason or ''}".rstrip())
            kind = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if kind and kind not in _HTML_TYPES:
                raise InputError(url, f"this is not a web page (the server says {kind})")
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limit:
                raise InputError(url, f"the page is too large ({int(length) / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB)")
            data = _read_up_to(response, limit + 1, url, timeout)
        finally:
            response.release_conn()
        if len(data) > limit:
            raise InputError(url, f"the page is too large (over {limit / 1e6:.0f} MB)")
        refuse_non_html(data, url)  # a PDF or an image served as text/html
        return Fetched(current, dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(), data)
    raise InputError(url, f"more than {MAX_REDIRECTS} redirects")


def _check_scheme(current: str, original: str) -> None:
    scheme = urlsplit(current).scheme.lower()
    if scheme not in ("http", "https"):
        where = "the URL" if current == original else f"a redirect to {current[:80]}"
        raise InputError(original, f"{where} is not http or https; only web pages are fetched")


def _read_up_to(response, count: int, url: str, timeout: float) -> bytes:
    import urllib3

    chunks, total, deadline = [], 0, time.monotonic() + timeout
    try:
        for chunk in response.stream(1 << 16):
            chunks.append(chunk)
            total += len(chunk)
            if total >= count:
                break
            if time.monotonic() > deadline:  # a server that trickles bytes never trips the read timeout
                raise InputError(url, "could not fetch the page (timed out)")
    except urllib3.exceptions.HTTPError as exc:
        raise InputError(url, f"could not fetch the page ({_reason(exc)})") from None
    return b"".join(chunks)


def _reason(exc: Exception) -> str:
    import urllib3

    if isinstance(exc, (urllib3.exceptions.TimeoutError, urllib3.exceptions.ReadTimeoutError)):
        return "timed out"
    reason = getattr(exc, "reason", None) or exc
    text = str(reason).split(": ", 1)[-1].strip()
    return text[:120] or type(exc).__name__
