"""Attribute: who is quoted or paraphrased, what they said, and who is only mentioned."""

from .stage import attribute

__all__ = ["attribute"]
