"""Build hook: compile the interface's gettext catalogs (.po -> .mo) into the
package, for wheels and editable installs alike."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po_path in Path(self.root, "tui", "locale").glob("*/LC_MESSAGES/*.po"):
            with po_path.open("rb") as source:
                catalog = read_po(source)
            with po_path.with_suffix(".mo").open("wb") as target:
                write_mo(target, catalog)
        # The .mo files are build products (git ignores them): ship them anyway.
        build_data["artifacts"].append("tui/locale/*/LC_MESSAGES/*.mo")
