"""Find direct, indirect and mixed quotes and the phrase naming who said each.

Direct quotes (``direct``) come from paired quotation marks and the cue beside
them; indirect and mixed quotes (``indirect``) are reported clauses; both read the
frame around a cue through ``frames``.
"""

from .direct import direct_quotes
from .frames import Found
from .indirect import indirect_quotes

__all__ = ["Found", "direct_quotes", "indirect_quotes"]
