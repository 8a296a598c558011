"""What a reader sees: SVG snapshots of the main screens in a fixed size.
Update after an intended change with ``pytest --snapshot-update``."""

from .test_app import analysed, make_app

SIZE = (140, 40)


async def _wait(pilot) -> None:
    await analysed(pilot)


def test_reader_with_the_seed_article(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_wait)


def test_reader_after_jumping_to_a_quote_light_theme(snap_compare) -> None:
    async def run_before(pilot) -> None:
        await analysed(pilot)
        await pilot.press("t", "c", "c", "c", "c")

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_help_screen(snap_compare) -> None:
    async def run_before(pilot) -> None:
        await analysed(pilot)
        await pilot.press("question_mark")

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)
