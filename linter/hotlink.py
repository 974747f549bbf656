"""Whether an image URL is hotlinked from someone else's host, shared by IMG003 and IMG004."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from linter.config import Settings, derived
from linter.registry import option_section
from linter.urls import host_of, scheme_of

# Image hosts known to refuse requests whose Referer names another site (anti-leech):
# the Weibo image bed since April 2019, Jianshu's uploads, WeChat article images.
REFERER_CHECKING_HOSTS = ("sinaimg.cn", "upload-images.jianshu.io", "mmbiz.qpic.cn")

FRONT_MATTER_IMAGE_KEYS = frozenset(
    """
    headimg thumbnail thumb cover cover_image image images img banner banner_img
    featured_image featuredimage feature_image og_image ogimage photos photo hero
    hero_image header_image top_img index_img teaser overlay_image social_image
    twitter_image
    """.split()
)


@option_section("images")
@dataclass(frozen=True, slots=True)
class ImageOptions:
    """`[tool.posthygiene.images]`: hosts that may serve the site's images."""

    allowed_hosts: tuple[str, ...] = ()
    extend_referer_checking_hosts: tuple[str, ...] = ()
    extend_front_matter_keys: tuple[str, ...] = ()

    def is_image_key(self, key: str) -> bool:
        extra = {_normal_key(extra) for extra in self.extend_front_matter_keys}
        return _normal_key(key) in FRONT_MATTER_IMAGE_KEYS | extra


def _normal_key(key: str) -> str:
    return key.lower().replace("-", "_")


@dataclass(frozen=True, slots=True)
class Hotlink:
    host: str
    referer_checked: bool  # the host refuses requests from other sites


def matches_host(host: str, hosts: frozenset[str]) -> bool:
    """`host` is one of `hosts` or below one (`example.com` covers `img.example.com`)."""
    while host:
        if host in hosts:
            return True
        host = host.partition(".")[2]
    return False


@cache
def host_set(patterns: tuple[str, ...]) -> frozenset[str]:
    """Host names as `matches_host` wants them: lower case, no outer dots."""
    return frozenset(pattern.lower().strip(".") for pattern in patterns)


def hotlink(url: str, settings: Settings) -> Hotlink | None:
    """The foreign host an absolute image URL loads from, or None for the site's own."""
    if scheme_of(url) not in ("http", "https") and not url.startswith("//"):
        return None
    host = host_of(url)
    own, checking = derived(settings, _host_sets)
    if not host or matches_host(host, own):
        return None
    return Hotlink(host, matches_host(host, checking))


def _host_sets(settings: Settings) -> tuple[frozenset[str], frozenset[str]]:
    """The site's own hosts, and the hosts that check the Referer."""
    options = settings.section(ImageOptions)
    own = host_set((*settings.site_hosts, *options.allowed_hosts))
    checking = host_set((*REFERER_CHECKING_HOSTS, *options.extend_referer_checking_hosts))
    return own, checking


def hotlink_message(what: str, found: Hotlink, *, no_referrer: bool = False) -> str:
    if no_referrer:
        return (
            f'{what} hotlinked from {found.host} with referrerpolicy="no-referrer", '
            "which hides the page from the host's Referer check"
        )
    if found.referer_checked:
        return f"{what} hotlinked from {found.host}, which refuses requests from other sites"
    return f"{what} hotlinked from {found.host}, which is not one of the site's hosts"
