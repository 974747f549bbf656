"""IMG002: alt text that says nothing: a URL, a file name, or a placeholder word."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from linter.config import Settings
from linter.document import Document, format_attribute_value
from linter.model import Edit, Finding, Fix, Severity
from linter.registry import FixAvailability, rule
from linter.tokens import StartTag

_URL = re.compile(r"(?:[a-z][a-z0-9+.-]*:|//|www\.)\S*$", re.IGNORECASE)
_FILE_NAME = re.compile(
    r"[^\s/\\]+\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic|ico)$", re.IGNORECASE
)
_CAMERA_NAME = re.compile(r"(?:img|dsc|dscn|dcim|pxl|mvimg|screenshot)[_ -]?\d[\d_ -]*$", re.I)
PLACEHOLDERS = frozenset(
    {
        *"image img photo photograph picture pic screenshot graphic figure thumbnail".split(),
        *"banner untitled placeholder alt icon logo".split(),
        *"图片 图像 截图 配图 照片 插图 图 示意图".split(),
        *("screen shot", "alt text", "no alt"),
    }
)
_TRAILING_NUMBER = re.compile(r"[\s_#-]*\d+$")


def why_not_descriptive(alt: str, src: str) -> str | None:
    """Why this alt text describes nothing, or None when it may be a real description."""
    text = alt.strip()
    if not text:
        return None
    if src and text == src.strip():
        return "is the image's own URL"
    if _URL.match(text):
        return "is a URL"
    name = unquote(urlsplit(src.strip()).path.rsplit("/", 1)[-1]) if src else ""
    if name and text.lower() == name.lower():
        return "is the image's file name"
    if _FILE_NAME.fullmatch(text) or _CAMERA_NAME.fullmatch(text):
        return "is a file name"
    if _TRAILING_NUMBER.sub("", text).lower() in PLACEHOLDERS:
        return "is a placeholder word"
    return None


def better_text(doc: Document, tag: StartTag) -> str | None:
    """Text on the page that describes the image: its title, or its figure's caption."""
    title = (tag.get("title") or "").strip()
    if title and why_not_descriptive(title, tag.get("src") or "") is None:
        return title
    figure = doc.enclosing(tag, "figure")
    caption = None if figure is None else doc.first_child(figure, "figcaption")
    if caption is None:
        return None
    text = " ".join(doc.inner_text(caption).split())
    return text if why_not_descriptive(text, tag.get("src") or "") is None else None


@rule(
    "IMG002",
    summary="Alt text that describes nothing",
    severity=Severity.WARNING,
    fix=FixAvailability.SOMETIMES,
)
def img_alt_not_descriptive(doc: Document, settings: Settings) -> Iterator[Finding]:
    """## What it does
    Flags image alt text that is a URL, the image's own address or file name
    (`IMG_1234.jpg`, `f11f-knqqqmu9888353.png`), or a placeholder word such as "image",
    "photo", "screenshot", "图片" or "截图".

    ## Why is this bad?
    Screen readers read the alt text aloud: a URL or a file name is noise, and
    "image" tells a listener nothing the element did not already say. Feed importers and
    CMS uploads fill `alt` with exactly these when nobody wrote a description.

    ## Example
    ```html
    <figure><img src="/a/IMG_1234.jpg" alt="IMG_1234.jpg"><figcaption>Sunrise over the bay</figcaption></figure>
    ```

    Use instead:
    ```html
    <figure><img src="/a/IMG_1234.jpg" alt="Sunrise over the bay"><figcaption>Sunrise over the bay</figcaption></figure>
    ```

    ## Fix safety
    Unsafe, and offered only when the page already holds better text: the image's
    `title`, or the caption of the `<figure>` it sits in. A caption does not always
    describe the picture, so a person should review the result. Otherwise there is no
    fix: only a person can write alt text.
    """
    for tag in doc.start_tags("img"):
        alt = tag.attr("alt")
        if alt is None:
            continue
        reason = why_not_descriptive(alt.value, tag.get("src") or "")
        if reason is None:
            continue
        shown = alt.value if len(alt.value) <= 60 else alt.value[:57] + "..."
        fix = None
        replacement = better_text(doc, tag)
        if replacement is not None:
            value = format_attribute_value(replacement, alt.quote or '"')
            fix = Fix.unsafe(
                f"Use `{replacement}` as alt text", Edit(alt.start, alt.end, f"alt={value}")
            )
        yield Finding(alt.start, alt.end, f"Alt text `{shown}` {reason}", fix)
