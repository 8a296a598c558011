"""Command line: ``randnotiz [PATH]`` opens the reader, ``randnotiz analyze``
prints the analysis as JSON (a stable contract: see README), ``randnotiz
export`` and ``randnotiz import`` exchange annotations."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from tui import i18n, startup
from tui.analysis.model import ModelChoice
from tui.analysis.text import SUPPORTED_LANGUAGES
from tui.config import THEME_ALIASES, ConfigError, Settings, config_path, load_settings, textual_theme
from tui.i18n import _
from tui.paths import SEEDS
from tui.sources import Document, InputError, open_source

if TYPE_CHECKING:
    from tui.app import RandnotizApp

SEED = "xiaomi-usa.de.txt"
LANG_CHOICES = ("auto", *SUPPORTED_LANGUAGES)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    language_error = install_language(argv)
    if language_error:
        return _fail(language_error)
    try:
        if argv[:1] == ["analyze"]:
            return _analyze(_analyze_parser().parse_args(argv[1:]))
        if argv[:1] in (["export"], ["import"]):
            from tui.store.commands import main as exchange_main

            return exchange_main(argv)
        startup.pause()  # until the reader's first frame is on screen
        try:
            return _read(_reader_parser().parse_args(argv))
        finally:
            startup.resume()
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # "randnotiz analyze … | head": the reader left
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def install_language(argv: Sequence[str]) -> str | None:
    """Choose the interface's language before any UI module is imported (their
    key descriptions are translated as they are defined): ``--ui-lang``, then
    the settings file's ``ui_lang``, then the environment, else English.
    Returns why an explicit choice cannot be used, else None."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--ui-lang")
    flag = early.parse_known_args(argv)[0].ui_lang
    try:
        setting = load_settings().ui_lang
    except ConfigError:
        setting = None  # reported when the settings are read for the command, in the language chosen
    try:
        i18n.install(i18n.choose_locale(flag, setting))
    except i18n.UnknownLanguageError as error:
        return str(error)
    return None


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", choices=LANG_CHOICES, default="auto", help=_("article language (default: detect)")
    )
    parser.add_argument(
        "--model", metavar="NAME_OR_PATH", help=_("spaCy pipeline to use instead of the default")
    )
    parser.add_argument("--encoding", help=_("text encoding of the file (default: UTF-8, else Windows-1252)"))
    parser.add_argument(
        "--ui-lang",
        metavar="LANG",
        help=_("language of the interface and messages: en or de (default: settings, else environment)"),
    )


def _settings_and_models(args: argparse.Namespace) -> tuple[Settings, dict[str, str] | str]:
    """Settings from the config file; ``--model`` wins over its [models]."""
    settings = load_settings()
    return settings, args.model or settings.models


def _reader_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="randnotiz",
        description=_("Read an article in the terminal with its entities, quotes, numbers and glossary."),
        epilog=_(
            "Subcommands: 'randnotiz analyze PATH' prints the analysis as JSON; "
            "'randnotiz export ARTICLE' writes its annotations in an exchange format; "
            "'randnotiz import ANNOTATIONS' reads W3C Web Annotations into the store. "
            "Each has its own --help."
        ),
    )
    parser.add_argument(
        "path",
        nargs="?",
        help=_("article or folder to open ('-' reads stdin; default: the bundled sample)"),
    )
    parser.add_argument(
        "--theme",
        metavar="NAME",
        help=_("colour theme: dark, light or a Textual theme such as nord (default: settings, else dark)"),
    )
    parser.add_argument(
        "--version",
        action=_VersionAction,
        help=_("show program's version number and exit"),  # argparse says it in English before 3.12
    )
    _common(parser)
    return parser


def _analyze_parser() -> argparse.ArgumentParser:
    from tui.batch import default_workers  # the reader does not need the batch machinery

    parser = argparse.ArgumentParser(
        prog="randnotiz analyze",
        description=_("Print the analysis of an article as JSON, or of JSON lines on stdin with --jsonl."),
    )
    parser.add_argument(
        "path",
        nargs="?",
        help=_("article to analyse, or with --jsonl a file of JSON lines ('-' reads stdin)"),
    )
    parser.add_argument(
        "--jsonl", action="store_true", help=_('read {"id", "text", "lang"?} lines from PATH or stdin')
    )
    parser.add_argument(
        "--batch-size", type=_positive, default=32, help=_("texts per spaCy batch with --jsonl")
    )
    parser.add_argument(
        "--text",
        action="store_true",
        help=_("add the text the offsets point into (HTML and Markdown: as extracted)"),
    )
    parser.add_argument(
        "--workers",
        type=_positive,
        default=default_workers(),
        help=_("analysis processes with --jsonl (default: one per core; 1 analyses in this process)"),
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help=_("with --jsonl, run on a Dask cluster: a dask.distributed scheduler address, or 'local'"),
    )
    _common(parser)
    return parser


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(_("must be 1 or more"))
    return number


class _VersionAction(argparse.Action):
    """``--version``: the version is looked up only when asked for (importlib.metadata
    and the search of the installed packages would take ~15 ms of every start)."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> NoReturn:
        print(f"randnotiz {_version()}")
        parser.exit()


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
        theme = _theme(args, settings)
        if args.path is not None and Path(args.path).is_dir():
            return _open_library(args, settings, models, Path(args.path), theme)
        if args.path is None and _recently_opened():
            return _open_library(args, settings, models, None, theme)
        document = load_document(args.path, args.encoding)
    except (InputError, ConfigError) as error:
        return _fail(str(error))
    if args.path == "-":
        _reattach_terminal()
    from tui.analysis_service import start_service

    lang = None if args.lang == "auto" else args.lang
    # Language and model are settled here; the process starts after the first paint.
    service = start_service(document, lang, models, deferred=True)
    from tui.app import RandnotizApp

    app = RandnotizApp(document, theme=theme, service=service, keymap=settings.keymap)
    return _run(app)


def _theme(args: argparse.Namespace, settings: Settings) -> str | None:
    """The Textual theme: ``--theme``, else the settings'; one Textual has.
    None: neither names one, and the app takes the theme of the last run."""
    from textual.theme import BUILTIN_THEMES

    name = args.theme or settings.theme
    if name is None:
        return None
    names = [*THEME_ALIASES, *sorted(BUILTIN_THEMES)]
    if name not in names:
        where = "--theme" if args.theme else str(config_path())
        raise ConfigError(
            _("{where}: unknown theme {name!r}; choose one of {names}").format(
                where=where, name=name, names=", ".join(names)
            )
        )
    return textual_theme(name)


def _run(app: RandnotizApp) -> int:
    """Run the app once its keymap is known to be usable."""
    problems = app.keymap_problems()
    if problems:
        app.analysis_service.stop()  # started before the app, which would have stopped it
        return _fail("; ".join(problems))
    app.run()
    return app.return_code or 0


def _recently_opened() -> bool:
    """Whether the reader has opened articles before (then no argument means the library)."""
    from tui.store.location import default_store_path

    if not default_store_path().exists():  # a first start: no history, and nothing to create yet
        return False
    from tui.store import SQLiteStore, StoreError

    try:
        with SQLiteStore() as store:
            return bool(store.recent_paths(1))
    except (StoreError, OSError):
        return False


def _open_library(
    args: argparse.Namespace,
    settings: Settings,
    models: dict[str, str] | str,
    folder: Path | None,
    theme: str | None,
) -> int:
    """The library of ``folder``, or of the recent articles and the samples."""
    from tui.analysis_service import AnalysisService

    lang = None if args.lang == "auto" else args.lang
    # Without a language each article's is detected; started after the first paint.
    service = AnalysisService(lang, models, deferred=True)
    from tui.app import RandnotizApp
    from tui.screens.library import LibraryScreen, recent_and_samples
    from tui.sources.library import scan
    from tui.store import SQLiteStore

    store = SQLiteStore()
    if folder is not None:
        library = LibraryScreen(str(folder), lambda: scan(folder), store=lambda: store)
    else:
        samples = sorted(SEEDS.glob("*.txt"))
        library = LibraryScreen(
            _("Recently opened and samples"),
            lambda: recent_and_samples(lambda: store, samples),
            store=lambda: store,
        )
    app = RandnotizApp(
        None, library=library, theme=theme, service=service, store=store, keymap=settings.keymap
    )
    return _run(app)


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
        models = _settings_and_models(args)[1]
        if args.jsonl:
            return _analyze_jsonl(args, lang, models)
        if args.path is None:
            return _fail(_("analyze needs a PATH ('-' for stdin) or --jsonl"))
        document = load_document(args.path, args.encoding)
        analysis = analyze(document.text, lang, models)
    except (InputError, ModelNotFoundError, ConfigError) as error:
        return _fail(str(error))
    if document.note:
        print(f"randnotiz: {document.note}", file=sys.stderr)
    result = {"id": args.path, **analysis.to_json(), "document": document.to_json()}
    if args.text:
        result["text"] = analysis.text
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def _analyze_jsonl(args: argparse.Namespace, lang: str | None, models: ModelChoice) -> int:
    """JSON lines from PATH (or stdin) to stdout; one result line each."""
    if args.encoding:
        return _fail(_("--encoding is for articles; JSON lines are always UTF-8"))
    if args.path is None or args.path == "-":
        try:
            lines: Iterable[bytes] = _lines(sys.stdin.fileno())
        except OSError:  # a stdin without a file descriptor (embedded, tests)
            lines = sys.stdin.buffer
        return _write_jsonl(args, lines, lang, models, None)
    try:
        descriptor = os.open(args.path, os.O_RDONLY)
    except OSError as error:
        return _fail(_("cannot read {path}: {reason}").format(path=args.path, reason=error.strerror))
    try:
        return _write_jsonl(args, _lines(descriptor), lang, models, os.fstat(descriptor).st_size)
    finally:
        os.close(descriptor)


def _lines(descriptor: int) -> Iterator[bytes]:
    """The lines of a file descriptor, read with ``os.read``: a batch feeder
    thread blocked in it holds no lock of a buffered stream, so Ctrl+C can
    end the process cleanly (a daemon thread inside ``BufferedReader`` makes
    the interpreter abort at exit)."""
    pending = b""
    while chunk := os.read(descriptor, 1 << 16):
        *lines, pending = (pending + chunk).split(b"\n")
        for line in lines:
            yield line + b"\n"
    if pending:
        yield pending


def _write_jsonl(
    args: argparse.Namespace, lines: Iterable[bytes], lang: str | None, models: ModelChoice, size: int | None
) -> int:
    from tui.batch import DaskMissingError, analyze_jsonl, progress_stream

    results = analyze_jsonl(
        lines,
        lang,
        models,
        args.batch_size,
        workers=args.workers,
        scheduler=args.scheduler,
        progress=progress_stream(),
        input_bytes=size,
    )
    try:
        for line in results:
            sys.stdout.write(line + "\n")
            sys.stdout.flush()
    except DaskMissingError as error:
        return _fail(str(error))
    return 0
