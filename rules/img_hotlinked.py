"""IMG003: an image loaded from another site's host (and maybe dodging its Referer check)."""

from __future__ import annotations

from collections.abc import Iterator

from linter.config import Settings
from linter.document import Document
from linter.hotlink import Hotlink, hotlink, hotlink_message
from linter.model import Finding, Severity
from linter.registry import rule
from linter.tokens import StartTag
from linter.urls import AttributeUrl, attribute_urls, plain_url


@rule("IMG003", summary="Image hotlinked from another site", severity=Severity.WARNING)
def img_hotlinked(doc: Document, settings: Settings) -> Iterator[Finding]:
    """## What it does
    Flags an `<img>` whose `src` (or a `srcset` candidate) loads from a host that is not
    one of the site's own. An image with `referrerpolicy="no-referrer"` is reported as an
    error: that attribute is how copied posts get around an image host's Referer check
    (the anti-leech protection of Weibo's `sinaimg.cn`, for one). Images from hosts known
    to refuse other sites' requests (`sinaimg.cn`, `upload-images.jianshu.io`,
    `mmbiz.qpic.cn`) are errors too: they show as broken images.

    ## Why is this bad?
    The other site decides whether the image stays, changes or turns into a "no
    hotlinking" placeholder, and every reader's visit is reported to it. Hosts with a
    Referer check break the image outright; `no-referrer` makes it work by hiding where
    the request comes from, against the owner's wish. Copy the image to the site instead.

    ## Example
    ```html
    <img src="https://n.sinaimg.cn/tech/f11f.png" referrerpolicy="no-referrer" alt="Chart">
    ```

    Use instead:
    ```html
    <img src="/images/f11f.png" alt="Chart">
    ```

    ## Options
    `site-hosts` (top level): the site's own hosts; subdomains count as the host.
    `[tool.posthygiene.images]`:
    - `allowed-hosts`: other hosts that may serve images (the site's CDN or image bed).
    - `extend-referer-checking-hosts`: more hosts known to refuse foreign requests.

    While `site-hosts` is empty the rule cannot tell the site's own CDN from someone
    else's, so it reports only the sure cases: `referrerpolicy="no-referrer"` and hosts
    known to check the Referer. Set `site-hosts` to hear about every foreign image.
    """
    for tag in doc.start_tags("img"):
        found = _first_hotlink(doc, tag, settings)
        if found is None:
            continue
        url, hot = found
        no_referrer = (tag.get("referrerpolicy") or "").strip().lower() == "no-referrer"
        sure = no_referrer or hot.referer_checked
        if not settings.site_hosts and not sure:
            continue
        if url is None:  # the plain `src`: its span is worked out only now
            url = next(attribute_urls(doc.masked, tag, ("src",)))
        yield Finding(
            *url.source_span,
            hotlink_message("Image", hot, no_referrer=no_referrer),
            severity=Severity.ERROR if sure else None,
        )


def _first_hotlink(
    doc: Document, tag: StartTag, settings: Settings
) -> tuple[AttributeUrl | None, Hotlink] | None:
    """The first hotlinked URL (`src`, then each `srcset` candidate) and its host; the URL
    is None when it is the `src` as spelt (most images: nothing to decode)."""
    for name in ("src", "srcset"):
        attribute = tag.attr(name)
        if attribute is None or not _may_be_absolute(attribute.raw_value):
            continue
        plain = plain_url(attribute.raw_value) if name == "src" else None
        if plain is not None:
            found = hotlink(plain, settings)
            if found is not None:
                return None, found
            continue
        for url in attribute_urls(doc.masked, tag, (name,)):
            found = hotlink(url.url, settings)
            if found is not None:
                return url, found
    return None


def _may_be_absolute(raw: str) -> bool:
    return "/" in raw
