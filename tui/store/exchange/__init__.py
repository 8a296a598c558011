"""Exchange formats for annotations and corrected analyses.

Offsets are code points of the normalised text everywhere (W3C requires code
points; so do brat and spaCy's character offsets), so no format converts
them; only the DocBin maps characters to spaCy tokens.
"""
