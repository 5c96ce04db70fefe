"""Copies: recognising that an article is a near-copy of another in the archive.

    fingerprint   five-word runs (shingles) of a body, and their MinHash signature
    detect        the rule: when two bodies are copies
    index         the archive's signatures, kept between runs
    reprints      reprints made from a seed, for the labelled set
    pairs         the labelled pairs of tests/data/copies/, read with their texts
"""
