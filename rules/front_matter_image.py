"""IMG004: a front-matter image (`cover`, `thumbnail`, ...) hotlinked from another site."""

from __future__ import annotations

from collections.abc import Iterator

from linter.config import Settings
from linter.document import Document
from linter.front_matter import front_matter_values
from linter.hotlink import ImageOptions, hotlink, hotlink_message
from linter.model import Finding, Severity
from linter.registry import rule
from linter.urls import browser_url


@rule(
    "IMG004",
    summary="Front-matter image hotlinked from another site",
    severity=Severity.WARNING,
)
def front_matter_image_hotlinked(doc: Document, settings: Settings) -> Iterator[Finding]:
    """## What it does
    Flags image URLs in the front matter (`headimg`, `thumbnail`, `cover`, `image`,
    `images`, `banner`, `featured_image`, `og_image`, `photos` and similar keys, in YAML
    or TOML, quoted or not, nested or in lists) that load from a host that is not one of
    the site's own, as IMG003 does for `<img>`. The finding sits on the value itself.
    Images on hosts known to refuse other sites' requests (`sinaimg.cn` and the like)
    are errors.

    ## Why is this bad?
    Themes show these images on index pages, in link previews and as the post's header,
    usually without any `referrerpolicy`, so an image from a host with a Referer check
    shows up broken everywhere, and any other foreign host decides what the post's
    cover shows.

    ## Example
    ```html
    ---
    title: Ant Group
    thumbnail: 'https://n.sinaimg.cn/tech/f11f.png'
    ---
    ```

    Use instead:
    ```html
    ---
    title: Ant Group
    thumbnail: '/images/f11f.png'
    ---
    ```

    ## Options
    `site-hosts` (top level) and `[tool.posthygiene.images]` `allowed-hosts` and
    `extend-referer-checking-hosts`, as for IMG003; `extend-front-matter-keys` adds keys
    that hold images. While `site-hosts` is empty only hosts known to check the Referer
    are reported. The front matter is never edited.
    """
    if doc.front_matter is None:
        return
    options = settings.section(ImageOptions)
    for entry in front_matter_values(doc.text, doc.front_matter):
        if not options.is_image_key(entry.key):
            continue
        hot = hotlink(browser_url(entry.value), settings)
        if hot is None or not (settings.site_hosts or hot.referer_checked):
            continue
        yield Finding(
            entry.start,
            entry.end,
            hotlink_message(f"Front-matter `{entry.key}` image", hot),
            severity=Severity.ERROR if hot.referer_checked else None,
        )
