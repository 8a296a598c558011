"""``randnotiz export`` and ``randnotiz import``: the exchange formats on the command line.

Both open the article the way the reader does, so the annotations they see
are the ones the reader sees (re-anchored if the file changed since).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from tui.i18n import _, count
from tui.sources import Document, InputError, open_source
from tui.store.anchoring import quote_selector
from tui.store.model import Annotation
from tui.store.protocol import StoreError
from tui.store.session import AnnotationSession, import_annotations
from tui.store.sqlite_store import SQLiteStore

FORMATS = ("w3c", "brat", "jsonl", "docbin", "markdown")

if TYPE_CHECKING:  # the analysis (spaCy) is loaded only for the formats that need it
    from tui.analysis.model import Analysis


class CommandError(Exception):
    """A reason the command cannot go on; the message is for the user."""


def open_article(path: str) -> Document:
    """The article at ``path`` as the reader would open it."""
    try:
        return open_source(path)
    except InputError as error:
        raise CommandError(str(error)) from None


def main(argv: Sequence[str]) -> int:
    """``argv`` starts with ``export`` or ``import``."""
    command, rest = argv[0], list(argv[1:])
    try:
        if command == "export":
            return _export(_export_parser().parse_args(rest))
        return _import(_import_parser().parse_args(rest))
    except (CommandError, StoreError) as error:
        print(f"randnotiz: {error}", file=sys.stderr)
        return 1


def _export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="randnotiz export",
        description=_("Write an article's annotations (and its corrected analysis) in an exchange format."),
    )
    parser.add_argument("article", help=_("the article file, as opened in the reader"))
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="w3c",
        help=_(
            "w3c: Web Annotation JSON-LD; brat: standoff .txt + .ann; jsonl: doccano/Prodigy "
            "text + spans; docbin: spaCy training data; markdown: a report (default: w3c)"
        ),
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help=_(
            "output file (brat: OUT.txt and OUT.ann); default: standard output, "
            "or ARTICLE's name with .txt/.ann (brat) or .spacy (docbin) in the current folder"
        ),
    )
    parser.add_argument("--lang", help=_("article language for the analysis (default: detect)"))
    _ui_lang(parser)
    return parser


def _import_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="randnotiz import",
        description=_("Read W3C Web Annotations (JSON-LD) into the annotation store."),
    )
    parser.add_argument(
        "annotations", help=_("an Annotation, a JSON array of them, or an AnnotationCollection/Page")
    )
    parser.add_argument(
        "--article",
        metavar="PATH",
        help=_("the annotated article (default: each annotation's target.source)"),
    )
    _ui_lang(parser)
    return parser


def _ui_lang(parser: argparse.ArgumentParser) -> None:
    # Read before the command runs (tui.cli.install_language); listed so that it is accepted.
    parser.add_argument(
        "--ui-lang",
        metavar="LANG",
        help=_("language of the interface and messages: en or de (default: settings, else environment)"),
    )


def _export(args: argparse.Namespace) -> int:
    from tui.store.exchange import brat, w3c

    document = open_article(args.article)
    with SQLiteStore() as store:
        session = AnnotationSession.open(store, document)
        annotations = session.annotations + session.orphans
    if args.format == "w3c":
        collection = w3c.collection_to_w3c(
            document.id, document.title, annotations, w3c.source_uri(args.article)
        )
        _write_text(
            args.output, json.dumps(collection, ensure_ascii=False, indent=1) + "\n", keep=args.article
        )
    elif args.format == "brat":
        base = (args.output or Path(args.article).stem + ".brat").removesuffix(".ann").removesuffix(".txt")
        _write_text(base + ".txt", document.text, keep=args.article)
        _write_text(base + ".ann", brat.to_brat(document.text, annotations), keep=args.article)
    else:
        _export_analysis(args, document, annotations)
    return 0


def _export_analysis(args: argparse.Namespace, document: Document, annotations: list[Annotation]) -> None:
    from tui.store.corrections import apply_corrections
    from tui.store.exchange import docbin, jsonl, markdown

    analysis = apply_corrections(_analyse(document.text, args.lang), annotations)
    if args.format == "jsonl":
        meta = {"source": document.source, "document_id": document.id, "title": document.title}
        _write_text(args.output, jsonl.to_jsonl(analysis, annotations, meta), keep=args.article)
    elif args.format == "markdown":
        report = markdown.to_markdown(document.title, document.source, analysis, annotations)
        _write_text(args.output, report, keep=args.article)
    else:
        output = Path(args.output or Path(args.article).stem + ".spacy")
        _refuse_to_overwrite(output, args.article)
        output.write_bytes(docbin.to_docbin(analysis))
        print("randnotiz: " + _("wrote {path}").format(path=output), file=sys.stderr)


def _analyse(text: str, lang: str | None) -> Analysis:
    from tui.analysis import ModelNotFoundError, analyze
    from tui.config import ConfigError, load_settings

    try:
        return analyze(text, lang, load_settings().models)
    except (ModelNotFoundError, ConfigError) as error:
        raise CommandError(str(error)) from None


def _refuse_to_overwrite(output: Path, article: str) -> None:
    if output.exists() and output.resolve() == Path(article).resolve():
        raise CommandError(
            _("{path} is the article itself; choose another output with -o").format(path=output)
        )


def _write_text(output: str | None, content: str, *, keep: str) -> None:
    """``content`` to the file ``output`` (standard output for None or ``-``), never over ``keep``."""
    if output is None or output == "-":
        sys.stdout.write(content)
        return
    _refuse_to_overwrite(Path(output), keep)
    # newline="": offsets count "\n" as one character, so no platform may turn it into two.
    with open(output, "w", encoding="utf-8", newline="") as file:
        file.write(content)
    print("randnotiz: " + _("wrote {path}").format(path=output), file=sys.stderr)


def _import(args: argparse.Namespace) -> int:
    from tui.store.exchange.w3c import W3CError, read_w3c, source_path

    try:
        data = json.loads(Path(args.annotations).read_text("utf-8"))
        imported = read_w3c(data)
        by_article: dict[str, list[tuple[Annotation, bool]]] = {}
        for item in imported:
            if args.article is None and item.source is None:
                raise CommandError(
                    _("annotation {id} names no article: pass --article PATH").format(id=item.annotation.id)
                )
            path = args.article or source_path(item.source or "")
            by_article.setdefault(path, []).append((item.annotation, item.has_position))
    except OSError as error:
        raise CommandError(
            _("cannot read {name}: {reason}").format(name=args.annotations, reason=error.strerror)
        ) from None
    except json.JSONDecodeError as error:
        raise CommandError(
            _("{name} is not JSON: {reason} at line {line}").format(
                name=args.annotations, reason=error.msg, line=error.lineno
            )
        ) from None
    except (W3CError, KeyError, TypeError, ValueError) as error:
        raise CommandError(f"{args.annotations}: {error}") from None
    with SQLiteStore() as store:
        for path, items in by_article.items():
            document = open_article(path)
            placed = import_annotations(store, document, [_ready(document, *item) for item in items])
            orphans = sum(a.is_orphan for a in placed)
            placed_count = count(len(placed), "{count} annotation", "{count} annotations")
            kept_apart = count(orphans, "{count} orphan", "{count} orphans")
            message = _("imported {annotations} for {path} ({orphans}) into {store}").format(
                annotations=placed_count, path=path, orphans=kept_apart, store=store.path
            )
            print("randnotiz: " + message, file=sys.stderr)
    return 0


def _ready(document: Document, annotation: Annotation, has_position: bool) -> Annotation:
    """The annotation on ``document``; one with offsets but no quote gets its words from the text."""
    annotation = replace(annotation, document_id=document.id)
    if annotation.quote.exact or not has_position:
        return annotation
    if not 0 <= annotation.start < annotation.end <= len(document.text):
        raise CommandError(
            _("annotation {id}: offsets outside {source}").format(id=annotation.id, source=document.source)
        )
    return replace(annotation, quote=quote_selector(document.text, annotation.start, annotation.end))
