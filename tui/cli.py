"""Command line: ``randnotiz [PATH]`` opens the reader, ``randnotiz analyze``
prints the analysis as JSON (a stable contract: see README)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from tui.analysis.analyzer import ModelChoice
from tui.analysis.text import SUPPORTED_LANGUAGES, Document, InputError, decode, read_path
from tui.config import ConfigError, Settings, load_settings
from tui.paths import SEEDS

SEED = "xiaomi-usa.de.txt"
LANG_CHOICES = ("auto", *SUPPORTED_LANGUAGES)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv[:1] == ["analyze"]:
            return _analyze(_analyze_parser().parse_args(argv[1:]))
        if argv[:1] in (["export"], ["import"]):
            from tui.store.commands import main as exchange_main

            return exchange_main(argv)
        return _read(_reader_parser().parse_args(argv))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # "randnotiz analyze … | head": the reader left
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", choices=LANG_CHOICES, default="auto", help="article language (default: detect)"
    )
    parser.add_argument(
        "--model", metavar="NAME_OR_PATH", help="spaCy pipeline to use instead of the default"
    )
    parser.add_argument("--encoding", help="text encoding of the file (default: UTF-8, else Windows-1252)")


def _settings_and_models(args: argparse.Namespace) -> tuple[Settings, dict[str, str] | str]:
    """Settings from the config file; ``--model`` wins over its [models]."""
    settings = load_settings()
    return settings, args.model or settings.models


def _reader_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="randnotiz",
        description="Read an article in the terminal with its entities, quotes, numbers and glossary.",
        epilog="Subcommand: 'randnotiz analyze PATH' prints the analysis as JSON.",
    )
    parser.add_argument(
        "path", nargs="?", help="article to open ('-' reads stdin; default: the bundled sample)"
    )
    parser.add_argument(
        "--theme", choices=("dark", "light"), help="colour theme (default: from config, else dark)"
    )
    parser.add_argument("--version", action="version", version=f"randnotiz {_version()}")
    _common(parser)
    return parser


def _analyze_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="randnotiz analyze",
        description="Print the analysis of an article as JSON, or of JSON lines on stdin with --jsonl.",
    )
    parser.add_argument("path", nargs="?", help="article to analyse ('-' reads stdin)")
    parser.add_argument("--jsonl", action="store_true", help='read {"id", "text", "lang"?} lines on stdin')
    parser.add_argument("--batch-size", type=_positive, default=32, help="texts per spaCy batch with --jsonl")
    _common(parser)
    return parser


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("randnotiz")
    except PackageNotFoundError:
        return "unknown"


def _fail(message: str) -> int:
    print(f"randnotiz: {message}", file=sys.stderr)
    return 1


def load_document(path: str | None, encoding: str | None = None) -> Document:
    if path is None:
        return decode((SEEDS / SEED).read_bytes(), f"{SEED} (sample)", encoding)
    if path == "-":
        return decode(sys.stdin.buffer.read(), "stdin", encoding)
    return read_path(path, encoding)


def _read(args: argparse.Namespace) -> int:
    try:
        settings, models = _settings_and_models(args)
        document = load_document(args.path, args.encoding)
    except (InputError, ConfigError) as error:
        return _fail(str(error))
    if args.path == "-":
        _reattach_terminal()
    from tui.analysis_service import start_service

    lang = None if args.lang == "auto" else args.lang
    service = start_service(document, lang, models)  # loads spaCy while Textual is imported
    from tui.app import RandnotizApp

    theme = args.theme or settings.theme
    app = RandnotizApp(document, lang=lang, model=models, theme=f"textual-{theme}", service=service)
    app.run()
    return app.return_code or 0


def _reattach_terminal() -> None:
    """After reading an article from a pipe, read keys from the terminal."""
    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        return
    os.dup2(tty, 0)
    os.close(tty)


def _analyze(args: argparse.Namespace) -> int:
    from tui.analysis import ModelNotFoundError, analyze

    lang = None if args.lang == "auto" else args.lang
    try:
        _, models = _settings_and_models(args)
        if args.jsonl:
            for line in analyze_jsonl(sys.stdin, lang, models, args.batch_size):
                sys.stdout.write(line + "\n")
                sys.stdout.flush()
            return 0
        if args.path is None:
            return _fail("analyze needs a PATH ('-' for stdin) or --jsonl")
        document = load_document(args.path, args.encoding)
        analysis = analyze(document.text, lang, models)
    except (InputError, ModelNotFoundError, ConfigError) as error:
        return _fail(str(error))
    if document.decoding_note:
        print(f"randnotiz: {document.decoding_note}", file=sys.stderr)
    json.dump({"id": args.path, **analysis.to_json()}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def analyze_jsonl(
    lines: Iterable[str], lang: str | None, model: ModelChoice, batch_size: int = 32
) -> Iterator[str]:
    """One JSON object per input line, in order; bad lines yield an error object.

    Lines are read in batches so spaCy can batch them, and each batch is
    written as soon as it is done.
    """
    batch: list[tuple[Any, str | None, str | None]] = []
    for line in lines:
        if not line.strip():
            continue
        batch.append(_parse_item(line, lang))
        if len(batch) >= batch_size:
            yield from _run_batch(batch, model, batch_size)
            batch = []
    if batch:
        yield from _run_batch(batch, model, batch_size)


def _parse_item(line: str, default_lang: str | None) -> tuple[Any, str | None, str | None]:
    """(id, text, lang) or (id, None, error message)."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        return None, None, f"invalid JSON: {error.msg} at column {error.colno}"
    if not isinstance(item, dict):
        return None, None, "each line must be a JSON object with 'id' and 'text'"
    item_id = item.get("id")
    text = item.get("text")
    if not isinstance(text, str):
        return item_id, None, "missing 'text' (a string)"
    if not text.strip():
        return item_id, None, "empty text"
    lang = item.get("lang", default_lang)
    if lang in (None, "auto"):
        from tui.analysis import detect_language

        lang = detect_language(text)
    if lang not in SUPPORTED_LANGUAGES:
        return item_id, None, f"unsupported lang {lang!r}; use one of {', '.join(SUPPORTED_LANGUAGES)}"
    return item_id, text, lang


def _run_batch(
    batch: list[tuple[Any, str | None, str | None]], model: ModelChoice, batch_size: int
) -> Iterator[str]:
    from tui.analysis import analyze_batch

    results: dict[int, dict[str, Any]] = {}
    by_lang: dict[str, list[int]] = {}
    for index, (item_id, text, lang_or_error) in enumerate(batch):
        if text is None:
            results[index] = {"id": item_id, "error": lang_or_error}
        else:
            by_lang.setdefault(lang_or_error, []).append(index)
    for lang, indices in by_lang.items():
        analyses = analyze_batch([batch[i][1] for i in indices], lang, model, batch_size)
        for index, analysis in zip(indices, analyses):
            results[index] = {"id": batch[index][0], **analysis.to_json()}
    for index in range(len(batch)):
        yield json.dumps(results[index], ensure_ascii=False)
