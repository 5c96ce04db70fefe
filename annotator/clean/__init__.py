"""Clean: take web boilerplate out of the body and keep it as typed source notes."""

from .boilerplate import classify_line, classify_lines, clean

__all__ = ["clean", "classify_line", "classify_lines"]
