"""`posthygiene inventory`: who earns from a site's posts, network by network and id by id."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from linter.affiliate import affiliate_link
from linter.config import Settings
from linter.discovery import find
from linter.document import Document
from linter.errors import SourceError
from linter.networks import LinkInfo
from linter.source import Source, read_source

NO_ID = "-"


@dataclass(slots=True)
class Row:
    """The links of one network that pay one id (or whose id cannot be read)."""

    network: str
    name: str
    program: str
    kind: str
    affiliate_id: str | None
    links: int = 0
    files: set[str] = field(default_factory=set)

    def as_dict(self) -> dict[str, object]:
        return {
            "network": self.network,
            "name": self.name,
            "program": self.program,
            "kind": self.kind,
            "id": self.affiliate_id,
            "links": self.links,
            "files": sorted(self.files),
        }


@dataclass(slots=True)
class Inventory:
    rows: dict[tuple[str, str | None], Row] = field(default_factory=dict)
    files_scanned: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, path: str, info: LinkInfo) -> None:
        network = info.network
        key = (network.key, info.affiliate_id)
        row = self.rows.get(key)
        if row is None:
            kind = str(network.kind)
            row = Row(network.key, network.name, network.program, kind, info.affiliate_id)
            self.rows[key] = row
        row.links += 1
        row.files.add(path)

    def sorted_rows(self) -> list[Row]:
        return sorted(self.rows.values(), key=lambda r: (-r.links, r.network, r.affiliate_id or ""))

    @property
    def totals(self) -> dict[str, int]:
        rows = self.rows.values()
        return {
            "links": sum(r.links for r in rows),
            "networks": len({r.network for r in rows}),
            "ids": sum(1 for r in rows if r.affiliate_id is not None),
            "files_with_links": len(set().union(*(r.files for r in rows))),
            "files_scanned": self.files_scanned,
        }


def affiliate_links(source: Source, settings: Settings) -> Iterator[LinkInfo]:
    """Every affiliate link in the post's HTML (front matter and Markdown code excluded)."""
    for tag in Document(source).start_tags("a"):
        info = affiliate_link(tag, settings)
        if info is not None:
            yield info


def take_inventory(paths: Iterable[str], settings: Settings) -> Inventory:
    """Every post's affiliate links, the posts read as the folders are walked."""
    found = find(paths, settings)
    inventory = Inventory()
    inventory.errors += [f"{path}: no such file or folder" for path in found.missing]
    for path in found.files:
        inventory.files_scanned += 1
        try:
            source = read_source(path, max_bytes=settings.max_file_size)
        except SourceError as exc:
            inventory.errors.append(str(exc))
            continue
        for info in affiliate_links(source, settings):
            inventory.add(path, info)
    inventory.errors += found.files.problems  # the walk notes them as it meets them
    return inventory


def render_json(inventory: Inventory) -> str:
    report = {
        "totals": inventory.totals,
        "rows": [row.as_dict() for row in inventory.sorted_rows()],
        "errors": inventory.errors,
    }
    return json.dumps(report, indent=2, ensure_ascii=False)


def render_table(inventory: Inventory, *, show_files: bool = False) -> str:
    header = ("NETWORK", "ID", "LINKS", "FILES")
    rows = [
        (row.name, row.affiliate_id or NO_ID, str(row.links), str(len(row.files)))
        for row in inventory.sorted_rows()
    ]
    widths = [max(width(cells[i]) for cells in [header, *rows]) for i in range(len(header))]
    lines = [_line(header, widths)]
    for cells, row in zip(rows, inventory.sorted_rows(), strict=True):
        lines.append(_line(cells, widths))
        if show_files:
            lines.extend(f"    {path}" for path in sorted(row.files))
    lines.append("")
    lines.append(summary(inventory))
    return "\n".join(lines)


def width(text: str) -> int:
    """Columns `text` takes in a terminal: East Asian wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _line(cells: tuple[str, ...], widths: list[int]) -> str:
    pads = [" " * (w - width(cell)) for cell, w in zip(cells, widths, strict=True)]
    left = [cells[0] + pads[0], cells[1] + pads[1]]
    right = [pads[2] + cells[2], pads[3] + cells[3]]
    return "  ".join(left + right).rstrip()


def summary(inventory: Inventory) -> str:
    t = inventory.totals
    return (
        f"{t['links']} affiliate links through {t['networks']} networks with {t['ids']} "
        f"distinct ids, in {t['files_with_links']} of {t['files_scanned']} files."
    )
