"""Command line: ``randnotiz [PATH]`` opens the reader, ``randnotiz analyze``
prints the analysis as JSON (a stable contract: see README)."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from tui.analysis.model import Analysis, ModelChoice
from tui.analysis.text import SUPPORTED_LANGUAGES, detect_language
from tui.config import ConfigError, Settings, load_settings
from tui.paths import SEEDS
from tui.sources import Document, InputError, open_source

SEED = "xiaomi-usa.de.txt"
LANG_CHOICES = ("auto", *SUPPORTED_LANGUAGES)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv[:1] == ["analyze"]:
            return _analyze(_analyze_parser().parse_args(argv[1:]))
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
        "--theme",
        choices=("dark", "light"),
        help="colour theme (default: from config, else the last one used, else dark)",
    )
    parser.add_argument("--version", action="version", version=f"randnotiz {_version()}")
    _common(parser)
    return parser


def _analyze_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="randnotiz analyze",
        description="Print the analysis of an article as JSON, or of JSON lines on stdin with --jsonl.",
    )
    parser.add_argument(
        "path", nargs="?", help="article to analyse, or with --jsonl a file of JSON lines ('-' reads stdin)"
    )
    parser.add_argument(
        "--jsonl", action="store_true", help='read {"id", "text", "lang"?} lines from PATH or stdin'
    )
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
    """The article at ``path`` (``-``: stdin), or the bundled sample."""
    return open_source(str(SEEDS / SEED) if path is None else path, encoding)


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

    theme = args.theme or settings.theme  # neither: the app takes the theme of the last run
    app = RandnotizApp(document, theme=f"textual-{theme}" if theme else None, service=service)
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
            return _analyze_jsonl(args.path, args.encoding, lang, models, args.batch_size)
        if args.path is None:
            return _fail("analyze needs a PATH ('-' for stdin) or --jsonl")
        document = load_document(args.path, args.encoding)
        analysis = analyze(document.text, lang, models)
    except (InputError, ModelNotFoundError, ConfigError) as error:
        return _fail(str(error))
    if document.note:
        print(f"randnotiz: {document.note}", file=sys.stderr)
    json.dump({"id": args.path, **analysis.to_json()}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def _analyze_jsonl(
    path: str | None, encoding: str | None, lang: str | None, models: ModelChoice, batch_size: int
) -> int:
    """JSON lines from ``path`` (or stdin) to stdout; one result line each."""
    if encoding:
        return _fail("--encoding is for articles; JSON lines are always UTF-8")
    if path is None or path == "-":
        return _write_jsonl(sys.stdin.buffer, lang, models, batch_size)
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed by the with below
    except OSError as error:
        return _fail(f"cannot read {path}: {error.strerror}")
    with stream:
        return _write_jsonl(stream, lang, models, batch_size)


def _write_jsonl(lines: Iterable[bytes], lang: str | None, models: ModelChoice, batch_size: int) -> int:
    for line in analyze_jsonl(lines, lang, models, batch_size):
        sys.stdout.write(line + "\n")
        sys.stdout.flush()
    return 0


@dataclass(frozen=True, slots=True)
class _Request:
    id: Any
    text: str
    lang: str


@dataclass(frozen=True, slots=True)
class _Refusal:
    id: Any
    error: str


def analyze_jsonl(
    lines: Iterable[bytes], lang: str | None, model: ModelChoice, batch_size: int = 32
) -> Iterator[str]:
    """One JSON object per input line, in order; a line that cannot be
    analysed yields ``{"id": ..., "error": ...}`` and the rest go on.

    Lines are read in batches so spaCy can batch them, and each batch is
    written as soon as it is done.
    """
    batch: list[_Request | _Refusal] = []
    for line in lines:
        if not line.strip():
            continue
        batch.append(_parse_item(line, lang))
        if len(batch) >= batch_size:
            yield from _run_batch(batch, model, batch_size)
            batch = []
    if batch:
        yield from _run_batch(batch, model, batch_size)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _parse_item(line: bytes, default_lang: str | None) -> _Request | _Refusal:
    try:
        decoded = line.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as error:
        return _Refusal(None, f"not valid UTF-8 (byte 0x{line[error.start]:02x} at offset {error.start})")
    try:
        item = json.loads(decoded)
    except json.JSONDecodeError as error:
        return _Refusal(None, f"invalid JSON: {error.msg} (column {error.colno})")
    except RecursionError:
        return _Refusal(None, "invalid JSON: nested too deeply")
    except ValueError as error:  # e.g. an integer of more digits than Python converts
        return _Refusal(None, f"invalid JSON: {error}")
    if not isinstance(item, dict):
        return _Refusal(None, "each line must be a JSON object with 'id' and 'text'")
    item_id = item.get("id")
    text = item.get("text")
    if not isinstance(text, str):
        return _Refusal(item_id, "missing 'text' (a string)")
    if not text.strip():
        return _Refusal(item_id, "empty text")
    if surrogate := _LONE_SURROGATE.search(text):
        return _Refusal(
            item_id,
            f"text holds a lone surrogate (U+{ord(surrogate.group()):04X}) at offset {surrogate.start()}",
        )
    lang = item.get("lang", default_lang)
    if lang in (None, "auto"):
        lang = detect_language(text)
    if lang not in SUPPORTED_LANGUAGES:
        return _Refusal(item_id, f"unsupported lang {lang!r}; use one of {', '.join(SUPPORTED_LANGUAGES)}")
    return _Request(item_id, text, lang)


def _run_batch(batch: list[_Request | _Refusal], model: ModelChoice, batch_size: int) -> Iterator[str]:
    results: dict[int, dict[str, Any]] = {}
    by_lang: dict[str, list[tuple[int, _Request]]] = {}
    for index, item in enumerate(batch):
        if isinstance(item, _Refusal):
            results[index] = {"id": item.id, "error": item.error}
        else:
            by_lang.setdefault(item.lang, []).append((index, item))
    for lang, requests in by_lang.items():
        texts = [request.text for _, request in requests]
        for (index, request), outcome in zip(
            requests, _analyses(texts, lang, model, batch_size), strict=True
        ):
            if isinstance(outcome, str):
                results[index] = {"id": request.id, "error": outcome}
            else:
                results[index] = {"id": request.id, **outcome.to_json()}
    for index in range(len(batch)):
        yield _json_line(results[index])


def _analyses(texts: list[str], lang: str, model: ModelChoice, batch_size: int) -> list[Analysis | str]:
    """The analyses in one spaCy pass; if that fails, one by one, so that
    only the text at fault gets an error (its message) instead of the batch."""
    from tui.analysis import ModelNotFoundError, analyze_batch

    try:
        return list(analyze_batch(texts, lang, model, batch_size))
    except ModelNotFoundError:
        raise
    except Exception:  # noqa: BLE001 - retried text by text below
        pass
    outcomes: list[Analysis | str] = []
    for text in texts:
        try:
            outcomes.extend(analyze_batch([text], lang, model, 1))
        except ModelNotFoundError:
            raise
        except Exception as error:  # noqa: BLE001 - reported on the text's own line
            outcomes.append(f"internal error in the analysis: {type(error).__name__}: {error}")
    return outcomes


def _json_line(result: dict[str, Any]) -> str:
    line = json.dumps(result, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate in an id: JSON's \\u escape carries it
        return json.dumps(result)
    return line
