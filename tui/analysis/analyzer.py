"""The entry point: text in, immutable :class:`Analysis` out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Protocol

from tui.analysis.chunks import PARALLEL_FROM_CHUNKS, ChunkAnalysis, chunk_bounds, shifted
from tui.analysis.entities import entities_from_doc, with_aliases
from tui.analysis.glossary import build_glossary
from tui.analysis.model import Analysis, Entity, ModelChoice, Span
from tui.analysis.numbers import find_numbers
from tui.analysis.pipeline import default_model, get_pipeline, model_label
from tui.analysis.quotes import find_quotes, find_sources
from tui.analysis.text import detect_language, normalise

Progress = Callable[[float], None]


# The share of a long article's chunks analysed here when a helper takes the
# rest (it may still be loading its pipeline when the first chunks are done).
MINE_SHARE = 0.52


class ChunkHelper(Protocol):
    """Analyses some chunks of an article somewhere else (another process)
    while this one analyses the others."""

    def start(
        self, chunks: Sequence[tuple[str, int]], lang: str, model: str | None, with_items: bool
    ) -> None:
        """Begin with these (chunk text, offset) pairs."""
        ...

    def done(self) -> list[ChunkAnalysis]:
        """The chunks finished since the last call, without waiting."""
        ...

    def rest(self) -> list[ChunkAnalysis]:
        """Wait for the chunks not handed out yet."""
        ...


def analyze(
    text: str,
    lang: str | None = None,
    model: ModelChoice = None,
    progress: Progress | None = None,
    each_chunk: Callable[[ChunkAnalysis], None] | None = None,
    helper: ChunkHelper | None = None,
) -> Analysis:
    """Analyse one article. ``lang`` None or "auto" detects it; ``model``
    names the spaCy pipeline (None: the default for the language);
    ``progress`` is called with the fraction done after each chunk;
    ``each_chunk`` gets each chunk's own findings as soon as they are there
    (a long article only: one chunk is the whole analysis anyway);
    ``helper`` takes the later chunks of a long article, so that two cores
    share it."""
    text = normalise(text)
    lang = _resolve_language(text, lang)
    model = model_for(model, lang)
    bounds = chunk_bounds(text)
    stream = each_chunk is not None and len(bounds) > 1
    mine: Sequence[int] = range(len(bounds))
    shared = helper if helper is not None and len(bounds) >= PARALLEL_FROM_CHUNKS else None
    if shared is not None:
        # The reader's chunks from the start here, the rest from the helper,
        # which first loads its pipeline: it gets a little less than half.
        split = round(len(bounds) * MINE_SHARE)
        mine = range(split)
        shared.start([(text[start:end], start) for start, end in bounds[split:]], lang, model, stream)
    chunks: list[ChunkAnalysis] = []

    def arrived(found: Iterable[ChunkAnalysis]) -> None:
        for chunk in found:
            chunks.append(chunk)
            if stream and each_chunk is not None:
                each_chunk(chunk)
            if progress is not None:
                progress(len(chunks) / len(bounds))

    for chunk in analyze_chunks(text, lang, model, order=mine, with_items=stream):
        arrived([chunk, *(shared.done() if shared is not None else ())])
    if shared is not None:
        arrived(shared.rest())
    return assemble(text, lang, model, chunks)


def analyze_chunk_text(
    chunk: str, offset: int, lang: str, model: str | None, with_items: bool
) -> ChunkAnalysis:
    """One chunk of an article, analysed on its own (where a helper runs),
    in offsets into the whole article."""
    (found,) = analyze_chunks(chunk, lang, model, with_items=with_items)
    return ChunkAnalysis(
        start=offset,
        end=offset + len(chunk),
        sentences=tuple(shifted(item, offset) for item in found.sentences),
        entities=tuple(shifted(item, offset) for item in found.entities),
        quotes=tuple(shifted(item, offset) for item in found.quotes),
        numbers=tuple(shifted(item, offset) for item in found.numbers),
    )


def analyze_chunks(
    text: str,
    lang: str,
    model: str | None,
    order: Sequence[int] | None = None,
    with_items: bool = False,
) -> Iterator[ChunkAnalysis]:
    """The chunks of a normalised ``text`` (see :func:`chunk_bounds`) in
    ``order`` (default: the article's), each as soon as it is done.
    ``with_items`` finds each chunk's quotes and numbers too, for a reader
    who wants them before the whole article is done."""
    bounds = chunk_bounds(text)
    order = range(len(bounds)) if order is None else order
    nlp = get_pipeline(lang, model)
    # One chunk per batch: a chunk is big enough to batch well on its own,
    # and each is handed on as soon as it is done.
    docs = nlp.pipe((text[bounds[i][0] : bounds[i][1]] for i in order), batch_size=1)
    for index, doc in zip(order, docs, strict=True):
        offset = bounds[index][0]
        entities = entities_from_doc(doc)
        sentences = [Span(s.start_char, s.end_char, s.text) for s in doc.sents if s.text.strip()]
        quotes = find_quotes(doc.text, lang, sentences, entities) if with_items else []
        numbers = find_numbers(doc.text, lang) if with_items else []
        yield ChunkAnalysis(
            start=offset,
            end=bounds[index][1],
            sentences=tuple(shifted(sentence, offset) for sentence in sentences),
            entities=tuple(shifted(entity, offset) for entity in entities),
            quotes=tuple(shifted(quote, offset) for quote in quotes),
            numbers=tuple(shifted(number, offset) for number in numbers),
        )


def assemble(text: str, lang: str, model: str | None, chunks: Iterable[ChunkAnalysis]) -> Analysis:
    """The whole article's analysis from all its chunks, in any order."""
    ordered = sorted(chunks, key=lambda chunk: chunk.start)
    entities = [entity for chunk in ordered for entity in chunk.entities]
    sentences = [sentence for chunk in ordered for sentence in chunk.sentences]
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
        glossary=tuple(build_glossary(text, lang, entities, sentences)),
        sources=tuple(find_sources(text, lang, entities)),
    )


def model_for(model: ModelChoice, lang: str) -> str | None:
    if isinstance(model, Mapping):
        return model.get(lang)
    return model


def _resolve_language(text: str, lang: str | None) -> str:
    return detect_language(text) if lang in (None, "", "auto") else lang
