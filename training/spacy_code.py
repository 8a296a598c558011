"""Registrations the training configs need, for ``spacy train --code training/spacy_code.py``
(the installed package registers them through entry points as well)."""

import tui.analysis.half_vectors
import tui.analysis.word_classes  # noqa: F401  (randnotiz_word_features, randnotiz.WordFeatureEmbed.v1)
