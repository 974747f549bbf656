"""URL001: query parameters that only track the reader (`utm_source`, `fbclid`, ...)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from linter.config import Settings
from linter.document import Document
from linter.model import Edit, Finding, Fix, Severity
from linter.query import find_query, removal_spans
from linter.registry import FixAvailability, option_section, rule
from linter.tracking import ARCHIVE_HOSTS, SIGNING_NAMES, TrackingParameters
from linter.urls import URL_ATTRIBUTES, AttributeUrl, attribute_urls, host_of, site_name


@option_section("tracking")
@dataclass(frozen=True, slots=True)
class TrackingOptions:
    """`[tool.posthygiene.tracking]`: parameter names to add to or keep out of the list."""

    extend_parameters: tuple[str, ...] = ()
    allow_parameters: tuple[str, ...] = ()


@cache
def _parameters(options: TrackingOptions) -> TrackingParameters:
    return TrackingParameters(options.extend_parameters, options.allow_parameters)


@rule(
    "URL001",
    summary="URL carries tracking parameters",
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
)
def tracking_parameter(doc: Document, settings: Settings) -> Iterator[Finding]:
    """## What it does
    Flags URLs in links (`a`, `area`) and embedded resources (`img`, `source`, `iframe`,
    `video`, `audio`, `embed`, `track`, `script`, including every `srcset` candidate) whose
    query carries tracking parameters: `utm_*`, `fbclid`, `gclid`, `dclid`, `msclkid`,
    `mc_eid`, `mc_cid`, `spm`, `_hsenc`, `_hsmi`, `igshid` and the like, plus a few generic
    names only on the sites that use them for tracking (`si` on YouTube, `spm_id_from` on
    Bilibili, `ref_src` on Twitter/X). Archive links (`web.archive.org`) are left alone:
    their query belongs to the archived page.

    ## Why is this bad?
    Campaign and click identifiers follow readers from site to site, credit the visit to
    someone else's campaign, and make one page look like many. They are never needed to
    reach the page.

    ## Example
    ```html
    <a href="https://example.com/post?utm_source=feed&amp;id=7&amp;fbclid=IwAR0#top">post</a>
    ```

    Use instead:
    ```html
    <a href="https://example.com/post?id=7#top">post</a>
    ```

    ## Fix safety
    Safe: the fix deletes each tracking parameter with one separator next to it, straight
    from the attribute's bytes. Every other parameter keeps its order and spelling
    (`&amp;` stays `&amp;`, a raw `&` stays raw, percent-escapes stay), the fragment stays,
    and no `?` or `&` is left dangling. It is unsafe when the URL also carries a signature
    (`signature`, `sig`, `token`, `hmac`, `X-Amz-*`), which may cover the whole query,
    and when nothing would be left of the URL (`href="?utm_source=feed"`), or when the
    parameter runs over a line break (a feed item cut off inside the attribute, whose
    quote closes somewhere further down the post).

    ## Options
    `[tool.posthygiene.tracking]`:
    - `extend-parameters`: more names to strip; a trailing `*` makes a prefix (`"ref_*"`).
    - `allow-parameters`: names never to strip, even from the built-in list.
    Names compare case-insensitively.
    """
    masked = doc.masked
    if "?" not in masked:
        return  # no attribute value has a query (the pre-check reads raw values)
    parameters = _parameters(settings.section(TrackingOptions))
    may_track = parameters.may_track
    for tag in doc.start_tags(*URL_ATTRIBUTES):
        if masked.find("?", tag.start, tag.end) < 0:
            continue  # the common case: no query in this tag at all
        names = URL_ATTRIBUTES[tag.name]
        for name in names:  # the common case first: no URL here may track
            attribute = tag.attr(name)
            if (
                attribute is not None
                and "?" in attribute.raw_value
                and may_track(attribute.raw_value)
            ):
                break
        else:
            continue
        for found in attribute_urls(doc.masked, tag, names, hint=may_track):
            finding = _tracking_finding(found, parameters)
            if finding is not None:
                yield finding


def _tracking_finding(found: AttributeUrl, parameters: TrackingParameters) -> Finding | None:
    query = find_query(found.value.text, found.start, found.end)
    if query is None:
        return None
    host = host_of(found.url)
    if host in ARCHIVE_HOSTS:
        return None
    site = site_name(host)
    names = parameters.tracking_names((p.name for p in query.parameters), site)
    if not names:
        return None
    spans = removal_spans(query, lambda p: parameters.is_tracking(p.name, site))
    edits = [Edit.delete(*found.value.source_span(start, end)) for start, end in spans]
    shown = ", ".join(f"`{name}`" for name in dict.fromkeys(names))
    title = f"Remove {shown}"
    signed = any(_signs(p.name) for p in query.parameters)
    emptied = sum(end - start for start, end in spans) == found.end - found.start
    cut_off = any("\n" in found.value.text[start:end] for start, end in spans)
    risky = signed or emptied or cut_off
    fix = Fix.unsafe(title, *edits) if risky else Fix.safe(title, *edits)
    plural = "s" if len(names) > 1 else ""
    where = f"<{found.tag.name} {found.attribute.name}>"
    message = f"URL in {where} carries tracking parameter{plural} {shown}"
    return Finding(*found.source_span, message, fix)


def _signs(name: str) -> bool:
    lowered = name.lower()
    return lowered in SIGNING_NAMES or lowered.startswith("x-amz-")
