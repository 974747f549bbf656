"""AFF003: a link through an affiliate or tracking redirect whose destination is known."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.affiliate import links
from linter.config import Settings
from linter.document import Document, format_attribute_value
from linter.model import Edit, Finding, Fix, Severity
from linter.registry import FixAvailability, rule
from linter.tokens import Attribute

_NEEDS_QUOTES = re.compile(r"[\t\n\f\r \"'=<>`]")


@rule(
    "AFF003",
    summary="Link through a redirect whose destination is known",
    severity=Severity.INFO,
    fix=FixAvailability.ALWAYS,
)
def affiliate_redirect(doc: Document, settings: Settings) -> Iterator[Finding]:
    """## What it does
    Flags an `<a>` whose href is a redirect wrapper (an affiliate network's click URL or a
    tracking redirect) that carries its real destination: Duomai `t=`, Skimlinks `url=`,
    CJ `url=`, Rakuten `murl=`, Impact `u=`, Partnerize `destination:`, Amazon's
    `assoc-redirect` path, and the others in the network registry.

    ## Why is this bad?
    The reader goes through a third party that logs the click, and the link breaks when
    that service goes away. In an imported post the commission also goes to whoever
    wrote the original, not to the blog's owner.

    ## Example
    ```html
    <a href="https://c.duomai.com/track.php?site_id=242986&amp;euid=&amp;t=https%3A%2F%2Foppo.jd.com%2F">OPPO</a>
    ```

    Use instead:
    ```html
    <a href="https://oppo.jd.com/">OPPO</a>
    ```

    ## Fix safety
    Unsafe: the fix replaces the href with the decoded destination (checked to be an
    absolute `http(s)` URL with a host), keeping the attribute's quotes and escaping `&`
    and quotes as the attribute needs; nothing else in the tag changes. It is unsafe
    because it removes the affiliate credit, which may be the owner's own, and because a
    redirect can pick a regional shop the bare destination does not.
    """
    classified = links(doc, settings)
    for tag in doc.start_tags("a"):
        info = classified.info(tag)
        if info is None or info.destination is None:
            continue
        href = tag.attr("href")
        assert href is not None  # only a link with an href is classified
        kind = "affiliate" if info.is_affiliate else "tracking"
        yield Finding(
            href.start,
            href.end,
            f"Link goes through the {info.network.name} {kind} redirect to {info.destination}",
            Fix.unsafe(
                f"Link straight to {info.destination}",
                Edit(href.value_start, href.value_end, attribute_value(href, info.destination)),
            ),
        )


def attribute_value(attribute: Attribute, value: str) -> str:
    """`value` escaped for the attribute's own quoting, as it goes between the quotes."""
    if attribute.quote:
        return format_attribute_value(value, attribute.quote)[1:-1]
    escaped = value.replace("&", "&amp;")
    return format_attribute_value(value) if _NEEDS_QUOTES.search(escaped) else escaped
