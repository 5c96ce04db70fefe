"""Claims: check-worthy factual statements, typed, with numbers, claimant and source."""

from .detect import find_claims

__all__ = ["find_claims"]
