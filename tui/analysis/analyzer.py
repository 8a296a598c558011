"""The entry point: text in, immutable :class:`Analysis` out."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from tui.analysis.entities import entities_from_doc, with_aliases
from tui.analysis.glossary import build_glossary
from tui.analysis.model import Analysis, Entity, ModelChoice, Span
from tui.analysis.numbers import find_numbers
from tui.analysis.pipeline import default_model, get_pipeline, model_label
from tui.analysis.quotes import find_quotes, find_sources
from tui.analysis.text import detect_language, normalise

# spaCy refuses texts over a million characters and slows down on very long
# docs; paragraphs are grouped into chunks of about this size instead.
CHUNK_CHARS = 20_000

Progress = Callable[[float], None]


def analyze(
    text: str,
    lang: str | None = None,
    model: ModelChoice = None,
    progress: Progress | None = None,
) -> Analysis:
    """Analyse one article. ``lang`` None or "auto" detects it; ``model``
    names the spaCy pipeline (None: the default for the language);
    ``progress`` is called with the fraction done after each chunk."""
    text = normalise(text)
    lang = _resolve_language(text, lang)
    model = model_for(model, lang)
    nlp = get_pipeline(lang, model)
    chunks = list(_chunks(text))
    entities: list[Entity] = []
    sentences: list[Span] = []
    # One chunk per batch: a chunk is big enough to batch well on its own,
    # and progress is reported as each one is done.
    docs = nlp.pipe((chunk for chunk, _ in chunks), batch_size=1)
    for index, (doc, (_, offset)) in enumerate(zip(docs, chunks, strict=True)):
        entities.extend(entities_from_doc(doc, offset))
        sentences.extend(
            Span(sent.start_char + offset, sent.end_char + offset, sent.text)
            for sent in doc.sents
            if sent.text.strip()
        )
        if progress is not None:
            progress((index + 1) / len(chunks))
    return _assemble(text, lang, model, entities, sentences)


def analyze_batch(
    texts: list[str],
    lang: str,
    model: ModelChoice = None,
    batch_size: int = 32,
) -> list[Analysis]:
    """Analyse short texts of one language in one ``nlp.pipe`` pass."""
    model = model_for(model, lang)
    nlp = get_pipeline(lang, model)
    texts = [normalise(text) for text in texts]
    results = []
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=batch_size), strict=True):
        entities = entities_from_doc(doc)
        sentences = [Span(s.start_char, s.end_char, s.text) for s in doc.sents if s.text.strip()]
        results.append(_assemble(text, lang, model, entities, sentences))
    return results


def _assemble(
    text: str, lang: str, model: str | None, entities: list[Entity], sentences: list[Span]
) -> Analysis:
    entities = with_aliases(text, entities)
    return Analysis(
        text=text,
        lang=lang,
        pipeline=model_label(model or default_model(lang)),
        sentences=tuple(sentences),
        entities=tuple(entities),
        quotes=tuple(find_quotes(text, lang, sentences, entities)),
        numbers=tuple(find_numbers(text, lang)),
        glossary=tuple(build_glossary(entities, lang)),
        sources=tuple(find_sources(text, lang, entities)),
    )


def model_for(model: ModelChoice, lang: str) -> str | None:
    if isinstance(model, Mapping):
        return model.get(lang)
    return model


def _resolve_language(text: str, lang: str | None) -> str:
    return detect_language(text) if lang in (None, "", "auto") else lang


def _chunks(text: str) -> Iterator[tuple[str, int]]:
    """Split at paragraph ends into pieces of about CHUNK_CHARS."""
    start = 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            newline = text.rfind("\n", start, end)
            if newline > start:
                end = newline + 1
            else:  # one huge paragraph: break at a space, never inside a word
                space = text.rfind(" ", start, end)
                end = space + 1 if space > start else end
        yield text[start:end], start
        start = end
