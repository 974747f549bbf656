from __future__ import annotations

import pytest

from rules.autolink_splits_word import autolink_splits_word
from rules.empty_attribute import empty_attribute
from rules.suppression import (
    invalid_suppression_comment,
    unknown_rule_in_suppression,
    unused_suppression,
)
from tests.helpers import diagnostics, fix, lint

RULES = [
    empty_attribute,
    autolink_splits_word,
    unused_suppression,
    unknown_rule_in_suppression,
    invalid_suppression_comment,
]
BAD = "<p><span style>x</span></p>"
OFF = "<!-- posthygiene-disable HTM001 -->"
ON = "<!-- posthygiene-enable -->"
NEXT = "<!-- posthygiene-disable-next-line HTM001 -->"


@pytest.mark.parametrize(
    ("html", "expected", "fixed"),
    [
        pytest.param(BAD, ["1:10 HTM001"], "<p><span>x</span></p>", id="no-comment"),
        pytest.param(
            f"{OFF}\n{BAD}\n{ON}\n{BAD}",
            ["4:10 HTM001"],
            f"{OFF}\n{BAD}\n{ON}\n<p><span>x</span></p>",
            id="region",
        ),
        pytest.param(f"{OFF}\n{BAD}\n{BAD}", [], None, id="region-to-end-of-file"),
        pytest.param(
            f"{NEXT}\n{BAD}\n{BAD}",
            ["3:10 HTM001"],
            f"{NEXT}\n{BAD}\n<p><span>x</span></p>",
            id="next-line-only",
        ),
        pytest.param(
            f"{NEXT}\r\n{BAD}\r\n{BAD}",
            ["3:10 HTM001"],
            f"{NEXT}\r\n{BAD}\r\n<p><span>x</span></p>",
            id="next-line-crlf",
        ),
        pytest.param(
            f"{BAD}\n<!-- posthygiene-disable-file -->", [], None, id="file-anywhere-all-rules"
        ),
        pytest.param(
            f"<!-- posthygiene-disable-file AFF001 -->\n{BAD}",
            ["1:1 PH001", "2:10 HTM001"],
            "<p><span>x</span></p>",
            id="file-other-code-unused",
        ),
        pytest.param(
            f"<!-- posthygiene-disable-next-line HTM001 -- imported, keep as is -->\n{BAD}",
            [],
            None,
            id="reason-after-dashes",
        ),
        pytest.param(
            f"{NEXT}\n<p>clean</p>\n",
            ["1:1 PH001"],
            "<p>clean</p>\n",
            id="unused-next-line-removed-with-its-line",
        ),
        pytest.param(
            f"<p>a</p> {NEXT}\n<p>b</p>",
            ["1:10 PH001"],
            "<p>a</p> \n<p>b</p>",
            id="unused-after-text-only-comment-removed",
        ),
        pytest.param(
            "<!-- posthygiene-disable-next-line HTM001, AFF001 -->\n" + BAD,
            ["1:1 PH001"],
            f"{NEXT}\n{BAD}",
            id="one-unused-code-dropped",
        ),
        pytest.param(
            f"{OFF}\n<p>clean</p>\n{ON}\n",
            ["1:1 PH001"],
            "<p>clean</p>\n",
            id="unused-region-removes-its-enable",
        ),
        pytest.param(f"<p>x</p>\n{ON}\n", ["2:1 PH001"], "<p>x</p>\n", id="enable-without-disable"),
        pytest.param(
            f"{OFF}\n{OFF}\n{BAD}\n{ON}",
            ["2:1 PH001"],
            f"{OFF}\n{BAD}\n{ON}",
            id="repeated-disable-is-unused",
        ),
        pytest.param(
            "<!-- posthygiene-disable HTM001, AFF001 -->\n<p>x</p>\n"
            "<!-- posthygiene-enable AFF001 -->\n" + BAD,
            ["1:1 PH001"],
            f"{OFF}\n<p>x</p>\n{BAD}",
            id="enable-one-code",
        ),
        pytest.param(
            f"<!-- posthygiene-disable-next-line HMT001 -->\n{BAD}",
            ["1:36 PH002", "2:10 HTM001"],
            "<!-- posthygiene-disable-next-line HMT001 -->\n<p><span>x</span></p>",
            id="unknown-code",
        ),
        pytest.param(
            f"<!-- posthygiene-disbale HTM001 -->\n{BAD}",
            ["1:1 PH003", "2:10 HTM001"],
            "<!-- posthygiene-disbale HTM001 -->\n<p><span>x</span></p>",
            id="misspelt-directive",
        ),
        pytest.param(
            "<!-- posthygiene-disable-next-line htm001 -->\n" + BAD,
            [],
            None,
            id="codes-case-insensitive",
        ),
        pytest.param(
            "<!-- posthygiene is great -->\n" + BAD,
            ["2:10 HTM001"],
            "<!-- posthygiene is great -->\n<p><span>x</span></p>",
            id="not-a-directive",
        ),
        pytest.param(
            f"<script>/* {NEXT} */</script>\n{BAD}",
            ["2:10 HTM001"],
            "<script>/* <!-- posthygiene-disable-next-line HTM001 --> */</script>\n"
            "<p><span>x</span></p>",
            id="inside-script-is-not-a-comment",
        ),
        pytest.param(
            f"{BAD}\n{NEXT}",
            ["1:10 HTM001", "2:1 PH001"],
            "<p><span>x</span></p>\n",
            id="next-line-on-the-last-line-is-unused",
        ),
        pytest.param(
            f"{NEXT}\r\n<p>x</p>", ["1:1 PH001"], "<p>x</p>", id="unused-crlf-line-removed"
        ),
        pytest.param(
            f"{BAD}\n<!-- posthygiene-disable-file",
            [],
            None,
            id="unclosed-comment-runs-to-the-end",
        ),
        pytest.param(
            f"<!-- see posthygiene-disable in the README -->\n{BAD}",
            ["2:10 HTM001"],
            "<!-- see posthygiene-disable in the README -->\n<p><span>x</span></p>",
            id="mention-inside-a-comment",
        ),
    ],
)
def test_suppression(html: str, expected: list[str], fixed: str | None) -> None:
    assert lint(RULES, html) == expected
    assert fix(RULES, html) == (html if fixed is None else fixed)


def test_comment_in_markdown_code_is_not_a_directive() -> None:
    post = f"```html\n{NEXT}\n```\n{BAD}\n\n`{NEXT}`\n{BAD}\n"
    assert lint(RULES, post, markdown=True) == ["4:10 HTM001", "7:10 HTM001"]


def test_codes_of_rules_that_did_not_run_are_not_judged() -> None:
    html = f"<!-- posthygiene-disable-next-line AFF001 -->\n{BAD}"
    assert lint([empty_attribute, unused_suppression], html) == ["2:10 HTM001"]


def test_unused_messages_name_the_directive_and_codes() -> None:
    html = "<!-- posthygiene-disable-next-line HTM001, AFF001 -->\n" + BAD
    (found,) = diagnostics(RULES, html)
    assert found.message == "Unused code AFF001 in `posthygiene-disable-next-line`"
    (whole,) = diagnostics(RULES, f"{NEXT}\n<p>x</p>")
    assert whole.message == "Unused suppression `posthygiene-disable-next-line HTM001`"


def test_per_file_ignores_turn_rules_off_by_glob() -> None:
    config = {"per-file-ignores": {"*.html": ["HTM"]}}
    assert lint(RULES, BAD, config) == []
    assert lint(RULES, BAD, {"per-file-ignores": {"drafts/*": ["ALL"]}}) == ["1:10 HTM001"]
    # A suppression for a rule turned off for the file is not judged either.
    assert lint(RULES, f"{NEXT}\n{BAD}", config) == []
