"""Questions about many spans at once, answered by sorting and sweeping rather than comparing every pair.

A long file holds thousands of quotes; asking each one about all the others
grows with the square of the article's length (issue 12, item 13).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
Pair = tuple[int, int]


def strictly_inside(spans: Sequence[Pair]) -> list[bool]:
    """For each ``(start, end)``, whether another span holds it and is not the same span:
    ``o.start <= s.start and s.end <= o.end and o != s``."""
    order = sorted(range(len(spans)), key=lambda i: spans[i][0])
    result = [False] * len(spans)
    furthest_before = None  # the furthest end among spans starting strictly before this start
    for start, group in itertools.groupby(order, key=lambda i: spans[i][0]):
        group = list(group)
        furthest_here = max(spans[i][1] for i in group)
        for i in group:
            end = spans[i][1]
            result[i] = (furthest_before is not None and furthest_before >= end) or furthest_here > end
        furthest_before = furthest_here if furthest_before is None else max(furthest_before, furthest_here)
    return result


def first_holders(holders: Sequence[Pair], spans: Sequence[Pair]) -> list[int | None]:
    """For each span, the lowest index of a holder ``h`` with ``h.start <= s.start and s.end <= h.end``, or None.

    Holders are added in order of start while the spans are swept in order of start; a tree over
    the holders' ends, read from the far end, gives the lowest index among those ending late enough.
    """
    ends = sorted({e for _, e in holders})
    tree = [len(holders)] * (len(ends) + 1)  # (len(holders): none yet)

    def add(end: int, index: int) -> None:
        k = len(ends) - bisect.bisect_left(ends, end)  # 1 for the furthest end
        while k < len(tree):
            tree[k] = min(tree[k], index)
            k += k & -k

    def lowest(end: int) -> int:  # the lowest index among the holders added that end at ``end`` or later
        k, best = len(ends) - bisect.bisect_left(ends, end), len(holders)
        while k > 0:
            best = min(best, tree[k])
            k -= k & -k
        return best

    by_start = sorted(range(len(holders)), key=lambda i: holders[i][0])
    result: list[int | None] = [None] * len(spans)
    added = 0
    for i in sorted(range(len(spans)), key=lambda i: spans[i][0]):
        start, end = spans[i]
        while added < len(by_start) and holders[by_start[added]][0] <= start:
            add(holders[by_start[added]][1], by_start[added])
            added += 1
        found = lowest(end)
        result[i] = found if found < len(holders) else None
    return result


class SpanIndex:
    """Spans sorted once; then whether any overlaps, holds or ends in a range is a bisection."""

    def __init__(self, spans: Iterable[Pair]):
        pairs = sorted(spans)
        self.starts = [s for s, _ in pairs]
        self.ends_so_far = list(itertools.accumulate((e for _, e in pairs), max))  # over spans starting earlier
        # the nearest end among spans starting at or after each one
        self.ends_from = list(itertools.accumulate((e for _, e in reversed(pairs)), min))[::-1]
        self.sorted_ends = sorted(e for _, e in pairs)

    def overlaps_any(self, start: int, end: int) -> bool:
        """Whether a span overlaps ``[start, end)`` (as ``Span.overlaps``)."""
        i = bisect.bisect_left(self.starts, end)  # spans starting before ``end``
        return i > 0 and self.ends_so_far[i - 1] > start

    def holds_any(self, start: int, end: int) -> bool:
        """Whether a span lies inside ``[start, end]``."""
        i = bisect.bisect_left(self.starts, start)
        return i < len(self.starts) and self.ends_from[i] <= end

    def ends_in(self, after: int, upto: int) -> bool:
        """Whether a span ends in ``(after, upto]``."""
        i = bisect.bisect_right(self.sorted_ends, after)
        return i < len(self.sorted_ends) and self.sorted_ends[i] <= upto


def reaching(windows: Iterable[Pair], items: Sequence[T], span: Callable[[T], Pair], slack: int = 0) -> Iterator[list[T]]:
    """For each window, in order, the items with ``start < window end`` and ``end + slack >= window start``,
    in the items' own order.  The windows must come in text order (neither start nor end going back)."""
    order = sorted(range(len(items)), key=lambda i: span(items[i])[0])
    active: list[int] = []
    added = 0
    for w_start, w_end in windows:
        while added < len(order) and span(items[order[added]])[0] < w_end:
            active.append(order[added])
            added += 1
        active = [i for i in active if span(items[i])[1] + slack >= w_start]  # (and for every later window)
        yield [items[i] for i in sorted(active)]
