from __future__ import annotations

import pytest

from rules.img_alt_not_descriptive import img_alt_not_descriptive as rule
from tests.helpers import diagnostics, fix, lint

SRC = "https://n.sinaimg.cn/w550h277/20210412/f11f-knqqqmu9888353.png"


@pytest.mark.parametrize(
    ("html", "expected", "fixed"),
    [
        pytest.param('<img src="a.png" alt="A red bicycle">', [], None, id="description"),
        pytest.param('<img src="a.png" alt="">', [], None, id="decorative"),
        pytest.param(
            '<img src="a.png" alt="Image of the new logo design">',
            [],
            None,
            id="sentence-with-placeholder-word",
        ),
        pytest.param(f'<img src="{SRC}" alt="{SRC}">', ["1:75"], None, id="own-url"),
        pytest.param(
            '<img src="x.png" alt="https://example.com/y.png">', ["1:18"], None, id="other-url"
        ),
        pytest.param(
            '<img src="/p/IMG_1234.jpg" alt="IMG_1234.jpg">', ["1:28"], None, id="own-file-name"
        ),
        pytest.param(
            '<img src="/p/a.jpg" alt="f11f-knqqqmu9888353.png">', ["1:21"], None, id="file-name"
        ),
        pytest.param('<img src="/p/a.jpg" alt="DSC01234">', ["1:21"], None, id="camera-name"),
        pytest.param("<img src='/p/a.jpg' alt='image'>", ["1:21"], None, id="placeholder"),
        pytest.param('<img src="/p/a.jpg" alt="Photo 3">', ["1:21"], None, id="numbered"),
        pytest.param('<img src="/p/a.jpg" alt="图片">', ["1:21"], None, id="chinese-placeholder"),
        pytest.param('<img src="/p/a.jpg" alt="截图">', ["1:21"], None, id="chinese-screenshot"),
        pytest.param(
            '<img src="/p/a.jpg" alt="image" title="Our team in 2019">',
            ["1:21"],
            None,
            id="title-only-with-unsafe-fixes",
        ),
    ],
)
def test_img_alt_not_descriptive(html: str, expected: list[str], fixed: str | None) -> None:
    assert lint(rule, html) == expected
    assert fix(rule, html) == (html if fixed is None else fixed)


@pytest.mark.parametrize(
    ("html", "fixed"),
    [
        pytest.param(
            '<img src="/p/a.jpg" alt="image" title="Our team in 2019">',
            '<img src="/p/a.jpg" alt="Our team in 2019" title="Our team in 2019">',
            id="from-title",
        ),
        pytest.param(
            "<figure><img src='/a/IMG_1.jpg' alt='IMG_1.jpg'>"
            "<figcaption>Sunrise &amp; <em>fog</em></figcaption></figure>",
            "<figure><img src='/a/IMG_1.jpg' alt='Sunrise &amp; fog'>"
            "<figcaption>Sunrise &amp; <em>fog</em></figcaption></figure>",
            id="from-caption-keeps-quotes-and-escapes",
        ),
    ],
)
def test_unsafe_fix_uses_text_on_the_page(html: str, fixed: str) -> None:
    assert fix(rule, html) == html
    assert fix(rule, html, unsafe=True) == fixed


def test_a_placeholder_caption_is_no_better() -> None:
    html = "<figure><img src='/a/1.png' alt='图片1'><figcaption>图1</figcaption></figure>"
    [found] = diagnostics(rule, html)
    assert found.fix is None


def test_no_fix_without_better_text() -> None:
    [found] = diagnostics(rule, '<img src="/p/a.jpg" alt="photo">')
    assert found.fix is None
    assert "placeholder" in found.message
