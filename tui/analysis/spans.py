"""One index over spans, for every "what is at / after / before this offset"
question the analysis and the reader ask.

Spans may nest or overlap (a quote inside a quote, an entity inside a
quote's speaker); the index answers with the innermost span where several
qualify. All queries are logarithmic in the number of spans plus the number
of spans that overlap the answer.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate
from typing import Generic, Protocol, TypeVar


class HasSpan(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=HasSpan)


class SpanIndex(Generic[S]):
    """Spans sorted by start (longest first on ties), with the running
    maximum of their ends so that overlap queries can stop early."""

    __slots__ = ("_max_ends", "_spans", "_starts")

    def __init__(self, spans: Iterable[S]) -> None:
        self._spans: tuple[S, ...] = tuple(sorted(spans, key=lambda span: (span.start, -span.end)))
        self._starts = [span.start for span in self._spans]
        self._max_ends = list(accumulate((span.end for span in self._spans), max))

    def __len__(self) -> int:
        return len(self._spans)

    def __iter__(self) -> Iterator[S]:
        return iter(self._spans)

    def __getitem__(self, index: int) -> S:
        return self._spans[index]

    @property
    def spans(self) -> Sequence[S]:
        return self._spans

    def overlapping(self, start: int, end: int) -> list[S]:
        """Spans sharing at least one character with ``[start, end)``, in order.
        An empty range ``[offset, offset)`` finds the spans containing ``offset``."""
        end = max(end, start + 1)
        last = bisect_left(self._starts, end)
        found: list[S] = []
        index = last - 1
        while index >= 0 and self._max_ends[index] > start:
            span = self._spans[index]
            if span.end > start:
                found.append(span)
            index -= 1
        found.reverse()
        return found

    def at(self, offset: int) -> S | None:
        """The innermost span with ``start <= offset < end``, or None."""
        return self.containing(offset, offset)

    def containing(self, start: int, end: int) -> S | None:
        """The innermost span covering all of ``[start, end)``, or None."""
        candidates = [
            span
            for span in self.overlapping(start, end)
            if span.start <= start and span.end >= max(end, start + 1)
        ]
        return min(candidates, key=lambda span: span.end - span.start, default=None)

    def next_after(self, offset: int) -> S | None:
        """The first span that starts after ``offset``, or None."""
        index = bisect_right(self._starts, offset)
        return self._spans[index] if index < len(self._spans) else None

    def previous_before(self, offset: int) -> S | None:
        """The last span that starts before ``offset``, or None."""
        index = bisect_left(self._starts, offset) - 1
        return self._spans[index] if index >= 0 else None

    def index_of(self, span: S) -> int:
        """The position of ``span`` in start order (ValueError if absent)."""
        index = bisect_left(self._starts, span.start)
        while index < len(self._spans) and self._starts[index] == span.start:
            if self._spans[index] == span:
                return index
            index += 1
        raise ValueError(f"{span!r} is not in the index")
