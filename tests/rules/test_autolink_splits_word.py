from __future__ import annotations

import pytest

from rules.autolink_splits_word import autolink_splits_word as rule
from tests.helpers import diagnostics, fix, lint

SIG = 'data-link="1" href="https://c.duomai.com/track.php?site_id=1&euid=&t=https://x.jd.com/"'


@pytest.mark.parametrize(
    ("html", "expected", "fixed"),
    [
        pytest.param(f"an <a {SIG}>OPPO</a> phone", [], None, id="whole-word"),
        pytest.param(f"<a {SIG}>GPU</a>s", [], None, id="plural-inflection"),
        pytest.param(f"<a {SIG}>box</a>es", [], None, id="es-inflection"),
        pytest.param(f"<a {SIG}>Apple</a>'s", [], None, id="possessive"),
        pytest.param(f"<a {SIG}>Apple</a>’s", [], None, id="curly-possessive"),
        pytest.param(f"如果<a {SIG}>英特尔</a>工程师", [], None, id="chinese-adjacency"),
        pytest.param(f"<a {SIG}>OPPO</a>手机", [], None, id="latin-then-cjk"),
        pytest.param(f"<a {SIG}>OPPO</a>&nbsp;rtunity", [], None, id="nbsp-separates"),
        pytest.param(f"<a {SIG}>OPPO</a>-based", [], None, id="hyphen-separates"),
        pytest.param(f"<a {SIG}>OPPO</a><br>rtunity", [], None, id="br-separates"),
        pytest.param(f"<p><a {SIG}>OPPO</a></p><p>rtunity</p>", [], None, id="block-boundary"),
        pytest.param(f"<pre><a {SIG}>OPPO</a>rtunity</pre>", [], None, id="preformatted"),
        pytest.param(
            '<em>The Verge</em><a href="/x">claims</a> it', [], None, id="hand-made-lost-space"
        ),
        pytest.param('see<a href="/x">Based.Cooking</a>', [], None, id="hand-made-domain"),
        pytest.param('<a href="/x">a tour</a>s', [], None, id="hand-made-several-words"),
        pytest.param('Encrypt<a href="/x">announced</a>', [], None, id="hand-made-name"),
        pytest.param(
            f"as an <a {SIG}>OPPO</a>rtunity", ["1:7"], "as an opportunity", id="seed-case"
        ),
        pytest.param(
            f"<p><a {SIG}>OPPO</a>rtunity knocks.</p>",
            ["1:4"],
            "<p>Opportunity knocks.</p>",
            id="sentence-start",
        ),
        pytest.param(
            f"Done. <a {SIG}>OPPO</a>rtunity", ["1:7"], "Done. Opportunity", id="after-period"
        ),
        pytest.param(
            f"an <span><a {SIG}>OPPO</a></span><span>rtunity</span>",
            ["1:10"],
            "an <span>oppo</span><span>rtunity</span>",
            id="across-inline-tags",
        ),
        pytest.param(
            f"an <a {SIG}>OPPO</a><!-- x -->rtunity",
            ["1:4"],
            "an oppo<!-- x -->rtunity",
            id="across-comment",
        ),
        pytest.param(f"pine<a {SIG}>Apple</a>", ["1:5"], "pineapple", id="left-split"),
        pytest.param(
            f"THE BIG <a {SIG}>oppo</a>RTUNITY NOW",
            ["1:9"],
            "THE BIG OPPORTUNITY NOW",
            id="upper-case-text",
        ),
        pytest.param(
            f"the new <a {SIG}>iPad</a>OS release",
            ["1:9"],
            "the new iPadOS release",
            id="mixed-case-kept",
        ),
        pytest.param(
            "an <A\r\n DATA-LINK=1 HREF=x>OPPO</A>rtunity",
            ["1:4"],
            "an opportunity",
            id="uppercase-multiline-unquoted",
        ),
        pytest.param(
            f"an <a {SIG}>AT&amp;T</a>rtunity", ["1:4"], "an at&amp;trtunity", id="entity-text"
        ),
        pytest.param(
            f"an <a {SIG}><b>OPPO</b></a>rtunity",
            ["1:4"],
            "an <b>oppo</b>rtunity",
            id="inline-child",
        ),
    ],
)
def test_autolink_splits_word(html: str, expected: list[str], fixed: str | None) -> None:
    assert lint(rule, html) == expected
    assert fix(rule, html) == (html if fixed is None else fixed)


@pytest.mark.parametrize(
    "html",
    [
        pytest.param('an <a href="https://oppo.com/">OPPO</a>rtunity', id="no-signature"),
        pytest.param(f'an <a id="x" {SIG}>OPPO</a>rtunity', id="fragment-target"),
    ],
)
def test_fix_is_unsafe_without_signature(html: str) -> None:
    assert lint(rule, html) == ["1:4"]
    assert fix(rule, html) == html
    assert fix(rule, html, unsafe=True) == "an opportunity"


def test_message_names_the_word() -> None:
    [found] = diagnostics(rule, f"an <a {SIG}>OPPO</a>rtunity")
    assert "`OPPOrtunity`" in found.message
    assert found.fix is not None
    assert "opportunity" not in found.message
