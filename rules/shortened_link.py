"""URL002: a link through a URL shortener, which hides where it goes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from linter.config import Settings
from linter.document import Document
from linter.hotlink import host_set, matches_host
from linter.model import Finding, Severity
from linter.registry import option_section, rule
from linter.tokens import StartTag
from linter.urls import LINK_ATTRIBUTES, attribute_urls, host_of, plain_hrefs

# Services whose links say nothing about their destination, affiliate short links among
# them (amzn.to, geni.us). Brands' own short domains (youtu.be, redd.it) say where they go.
SHORTENERS = frozenset(
    """
    bit.ly bitly.com j.mp t.co tinyurl.com ow.ly buff.ly is.gd v.gd cutt.ly rebrand.ly
    goo.gl shorturl.at tiny.cc rb.gy bl.ink t.ly s.id lnkd.in dlvr.it ift.tt trib.al
    t.cn url.cn dwz.cn 3.cn u.jd.com tb.cn m.tb.cn amzn.to amzn.eu amzn.asia a.co geni.us
    sovrn.co skimmth.is ebay.to shope.ee lzd.co s.click.aliexpress.com adf.ly shorte.st
    clck.ru qr.ae
    """.split()
)


@option_section("shorteners")
@dataclass(frozen=True, slots=True)
class ShortenerOptions:
    """`[tool.posthygiene.shorteners]`: more shortener hosts, or hosts not to report."""

    extend_hosts: tuple[str, ...] = ()
    allow_hosts: tuple[str, ...] = ()


@rule("URL002", summary="Link through a URL shortener", severity=Severity.WARNING)
def shortened_link(doc: Document, settings: Settings) -> Iterator[Finding]:
    """## What it does
    Flags `<a>` and `<area>` links through URL shorteners that hide the destination:
    `bit.ly`, `t.co`, `t.cn`, `dwz.cn`, `tinyurl.com`, `ow.ly`, `buff.ly`, `goo.gl`,
    `is.gd`, and affiliate short links such as `amzn.to` and `geni.us` (subdomains
    included). `t.co` links inside an embedded tweet (`blockquote.twitter-tweet`) are
    left alone: the tweet is quoted as it was.

    ## Why is this bad?
    Readers cannot see where the link goes before they click; the shortener can send
    them anywhere later, or vanish and take every link with it; and short links are a
    common way to slip an affiliate tag into a post. The linter never follows the link
    (it works offline), so it can only ask for the real address.

    ## Example
    ```html
    <a href="https://bit.ly/3xYz">the study</a>
    ```

    Use instead:
    ```html
    <a href="https://example.org/2021/study.html">the study</a>
    ```

    ## Options
    `[tool.posthygiene.shorteners]`:
    - `extend-hosts`: more shortener hosts (a host covers its subdomains).
    - `allow-hosts`: hosts never to report, such as the blog's own short domain.
    """
    options = settings.section(ShortenerOptions)
    hosts = host_set((*SHORTENERS, *options.extend_hosts))
    allowed = host_set(options.allow_hosts)
    hrefs = plain_hrefs(doc)
    plain_hosts: dict[str, bool] = {}  # a post names few hosts, each many times
    for tag in doc.start_tags(*LINK_ATTRIBUTES):
        plain = hrefs.get(tag)
        if plain is not None:
            shortened = plain_hosts.get(plain[1])
            if shortened is None:
                shortened = plain_hosts[plain[1]] = _shortened(plain[1], hosts, allowed)
            if not shortened:
                continue  # the common case, settled without decoding
        for url in attribute_urls(doc.masked, tag, ("href",), hint=_may_be_absolute):
            host = host_of(url.url)
            if not _shortened(host, hosts, allowed):
                continue
            if host == "t.co" and _in_embedded_tweet(tag):
                continue
            yield Finding(
                *url.source_span, f"Link through the shortener {host} hides its destination"
            )


def _shortened(host: str, hosts: frozenset[str], allowed: frozenset[str]) -> bool:
    return matches_host(host, hosts) and not matches_host(host, allowed)


def _may_be_absolute(raw: str) -> bool:
    return "//" in raw or "&" in raw or "\t" in raw or "\n" in raw


def _in_embedded_tweet(tag: StartTag) -> bool:
    return any(
        node.name == "blockquote" and "twitter-tweet" in (node.get("class") or "").split()
        for node in tag.ancestors()
    )
