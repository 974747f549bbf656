from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from linter.cli import main
from linter.inventory import render_table, take_inventory, width
from tests.helpers import settings

DUOMAI = '<a data-link="1" href="https://c.duomai.com/track.php?site_id={}&amp;t=https://a.jd.com/">x</a>'
AMAZON = '<a href="https://www.amazon.com/dp/B0?tag={}">y</a>'


def site(tmp_path: Path) -> Path:
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "one.md").write_text(
        "---\nthumbnail: 'https://amzn.to/front-matter'\n---\n\n"
        + DUOMAI.format(242986)
        + AMAZON.format("a-20")
        + "\n\n```html\n"
        + AMAZON.format("in-code-20")
        + "\n```\n",
        encoding="utf-8",
    )
    (tmp_path / "posts" / "two.html").write_text(
        DUOMAI.format(242986) * 2 + '<a href="https://amzn.to/x">z</a><a href="/about">a</a>',
        encoding="utf-8",
    )
    (tmp_path / "posts" / "notes.txt").write_text(AMAZON.format("txt-20"), encoding="utf-8")
    return tmp_path / "posts"


def test_inventory_counts_links_and_files(tmp_path: Path) -> None:
    found = take_inventory([str(site(tmp_path))], settings())
    rows = {(r.network, r.affiliate_id): (r.links, len(r.files)) for r in found.sorted_rows()}
    assert rows == {
        ("duomai", "242986"): (3, 2),
        ("amazon", "a-20"): (1, 1),
        ("amazon-short", None): (1, 1),
    }
    assert found.totals == {
        "links": 5,
        "networks": 3,
        "ids": 2,
        "files_with_links": 2,
        "files_scanned": 2,
    }


def test_table_lines_up_wide_characters(tmp_path: Path) -> None:
    table = render_table(take_inventory([str(site(tmp_path))], settings()))
    lines = table.splitlines()
    assert lines[0].split() == ["NETWORK", "ID", "LINKS", "FILES"]
    assert lines[1].startswith("Duomai (多麦)  ")
    assert len({width(line) for line in lines[:4]}) == 1
    assert lines[-1] == "5 affiliate links through 3 networks with 2 distinct ids, in 2 of 2 files."


def test_cli_json_and_table(tmp_path: Path) -> None:
    posts = site(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["inventory", "--isolated", "--output-format", "json", str(posts)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["totals"]["links"] == 5
    duomai = report["rows"][0]
    assert (duomai["network"], duomai["id"], duomai["links"]) == ("duomai", "242986", 3)
    assert duomai["files"] == sorted(str(posts / name) for name in ("one.md", "two.html"))
    table = runner.invoke(main, ["inventory", "--isolated", "--files", str(posts)])
    assert table.exit_code == 0
    assert f"    {posts / 'two.html'}" in table.output


def test_cli_errors_exit_2(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(main, ["inventory", "--isolated", str(tmp_path / "nope")])
    assert missing.exit_code == 2
    assert "no such file or folder" in missing.output
    config = tmp_path / "posthygiene.toml"
    config.write_text('[affiliate]\nautolink-policy = "zap"\n', encoding="utf-8")
    bad = runner.invoke(main, ["inventory", "--config", str(config), str(tmp_path)])
    assert bad.exit_code == 2
    assert "autolink-policy" in bad.output
