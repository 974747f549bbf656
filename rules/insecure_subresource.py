"""URL004: images, frames and scripts loaded over plain `http://` (mixed content)."""

from __future__ import annotations

from collections.abc import Iterator

from linter.config import Settings
from linter.document import Document
from linter.model import Edit, Finding, Fix, Severity
from linter.registry import FixAvailability, rule
from linter.tokens import StartTag
from linter.urls import (
    SUBRESOURCE_ATTRIBUTES,
    AttributeUrl,
    attribute_urls,
    plain_url,
    scheme_of,
)

# Mixed content browsers block outright rather than upgrade to https.
BLOCKED = frozenset({"iframe", "script", "embed"})


@rule(
    "URL004",
    summary="Embedded resource loaded over http",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
)
def insecure_subresource(doc: Document, settings: Settings) -> Iterator[Finding]:
    """## What it does
    Flags `http://` URLs that a page loads by itself: `src` of `img`, `iframe`, `script`,
    `source`, `video`, `audio`, `embed` and `track`, every `srcset` candidate of `img`
    and `source`, and `poster` of `video`. Frames, scripts and embeds are errors, since
    browsers block them on an https page.

    ## Why is this bad?
    On a site served over https these are mixed content: browsers upgrade images and
    media to https and drop them if the host cannot serve it, and block scripts and
    frames outright. Where they do load, anyone on the network can see or swap them.

    ## Example
    ```html
    <img src="http://example.com/photo.jpg" alt="Photo">
    ```

    Use instead:
    ```html
    <img src="https://example.com/photo.jpg" alt="Photo">
    ```

    ## Fix safety
    Unsafe: the fix changes only the scheme (`http` becomes `https`, in the same letter
    case; nothing else in the attribute moves), but the linter works offline and cannot
    know whether the host serves the same file over https.
    """
    for tag in doc.start_tags(*SUBRESOURCE_ATTRIBUTES):
        for url in _http_urls(doc, tag):
            yield Finding(
                *url.source_span,
                f"<{tag.name} {url.attribute.name}> loads over http: {url.url[:80]}",
                Fix.unsafe("Use https", _https_edit(url)),
                severity=Severity.ERROR if tag.name in BLOCKED else None,
            )


def _http_urls(doc: Document, tag: StartTag) -> Iterator[AttributeUrl]:
    for name in SUBRESOURCE_ATTRIBUTES[tag.name]:
        attribute = tag.attr(name)
        if attribute is None:
            continue
        plain = None if name == "srcset" else plain_url(attribute.raw_value)
        if plain is not None and scheme_of(plain) != "http":
            continue  # the common case: a URL as spelt, not over http
        for url in attribute_urls(doc.masked, tag, (name,), hint=_may_be_http):
            if scheme_of(url.url) == "http":
                yield url


def _may_be_http(raw: str) -> bool:
    return ":" in raw or "&" in raw


def _https_edit(url: AttributeUrl) -> Edit:
    """Insert `s` just before the scheme's colon, matching the case of the `p` before it."""
    text = url.value.text
    colon = text.index(":", url.start, url.end)
    letter = "S" if text[colon - 1] == "P" else "s"
    return Edit.insert(url.value.offsets[colon], letter)
