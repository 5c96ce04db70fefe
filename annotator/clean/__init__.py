"""Clean: take web boilerplate out of the body and keep it as typed source notes."""

from .boilerplate import clean, classify_line

__all__ = ["clean", "classify_line"]
