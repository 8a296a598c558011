"""Record the real pipeline's analysis of every UI test sample:

    python -m tests.record_analyses

Run it after the analysis changed on purpose; the UI tests then see the new
output (and may need new expectations), never a model they did not ask for.
"""

from __future__ import annotations

from tui.analysis import analyze

from .recorded import save
from .samples import samples


def main() -> None:
    for sample in samples():
        path = save(sample.name, analyze(sample.text, sample.lang, sample.model))
        print(f"recorded {path}")


if __name__ == "__main__":
    main()
