"""Tracking parameters: which query parameters only follow the reader, and a cheap pre-check.

The global list is drawn from the lists ClearURLs (`globalRules`), AdGuard's URL tracking
filter and uBlock Origin's privacy filters strip everywhere; the per-site names are generic
words that mean tracking only on the sites listed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

GLOBAL_PREFIXES = ("utm_", "mtm_", "hsa_", "bsft_")
GLOBAL_NAMES = frozenset(
    """
    fbclid gclid gclsrc dclid gbraid wbraid msclkid yclid ysclid ymclid twclid ttclid
    srsltid igshid mc_eid mc_cid mc_tc mkt_tok _hsenc _hsmi __hssc __hstc __hsfp
    hsctatracking spm _ga _gl fb_action_ids fb_action_types fb_ref fb_source
    fb_comment_id action_object_map action_type_map action_ref_map _openstat oly_anon_id
    oly_enc_id rb_clickid s_cid vero_conv vero_id wickedid ml_subscriber
    ml_subscriber_hash cmpid _branch_match_id _branch_referrer _kx wt_mc xtor guccounter
    guce_referrer guce_referrer_sig __twitter_impression gps_adid cx_click pk_campaign
    pk_kwd pk_source pk_medium pk_content pk_cid pk_vid itm_source itm_medium itm_campaign
    itm_content itm_term
    """.split()
)
# Generic names that are tracking only on these sites (keyed by the registrable domain's
# name without its public suffix, so `amazon` covers amazon.com and amazon.co.uk).
_ALIBABA = frozenset(
    {"scm", "pvid", "abbucket", "ut_sk", "sp_tk", "share_crt_v", "utparam", "trackinfo"}
)
SITE_NAMES: dict[str, frozenset[str]] = {
    "bilibili": frozenset(
        [
            "spm_id_from",
            "vd_source",
            "share_source",
            "share_medium",
            "share_plat",
            "share_session_id",
            "share_tag",
            "share_from",
            "from_source",
            "unique_k",
        ]
    ),
    "youtube": frozenset({"si", "pp"}),
    "youtu": frozenset({"si", "pp"}),
    "twitter": frozenset({"s", "t", "ref_src", "ref_url"}),
    "x": frozenset({"s", "t", "ref_src", "ref_url"}),
    "taobao": _ALIBABA,
    "tmall": _ALIBABA,
    "aliexpress": frozenset({"scm", "btsid", "ws_ab_test", "gps-id", "algo_pvid", "algo_expid"}),
    "linkedin": frozenset({"trk", "trackingid", "refid"}),
    "instagram": frozenset({"igsh", "ig_rid"}),
    "amazon": frozenset({"pd_rd_w", "pd_rd_wg", "pd_rd_r", "pd_rd_i", "pf_rd_p", "pf_rd_r"}),
}
# A parameter that signs the URL: the signature may cover the query, so removing anything
# could break the link.
SIGNING_NAMES = frozenset({"signature", "sig", "token", "hmac", "x-amz-signature"})
# Archives keep another site's URL, tracking and all, in their own; never touch those.
ARCHIVE_HOSTS = frozenset({"web.archive.org", "archive.org", "archive.ph", "archive.today"})


_Trie = dict[str, "_Trie"]


def alternation(words: Iterable[str]) -> str:
    """A pattern for exactly one of `words`, factored by shared prefixes.

    `re` tries the branches of `a|b|c` one after the other; as a tree (`u(?:tm_|...)`)
    text that starts with none of the words is turned away after a letter or two.
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _branches(trie)


def _branches(node: _Trie) -> str:
    branches = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


_SITE_HINT = re.compile(rf"(?:^|[/.]){alternation(SITE_NAMES)}\.", re.IGNORECASE)


@dataclass(frozen=True)
class TrackingParameters:
    """The parameter names to strip: defaults plus `extend`, minus `allow`.

    A name ending in `*` is a prefix (`"ref_*"`). Names compare case-insensitively.
    """

    extend: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()

    @cached_property
    def _names(self) -> frozenset[str]:
        extra = {name.lower() for name in self.extend if not name.endswith("*")}
        return (GLOBAL_NAMES | extra) - self._allowed

    @cached_property
    def _prefixes(self) -> tuple[str, ...]:
        extra = [name[:-1].lower() for name in self.extend if name.endswith("*")]
        return (*GLOBAL_PREFIXES, *extra)

    @cached_property
    def _allowed(self) -> frozenset[str]:
        return frozenset(name.lower() for name in self.allow)

    @cached_property
    def _name_hint(self) -> re.Pattern[str]:
        """A parameter that starts like a tracking name, or one spelt with escapes or tabs."""
        names = alternation({*self._names, *self._prefixes})
        return re.compile(rf"[?&;](?:{names}|[^=&#]*[%\t\n\r])", re.IGNORECASE)

    def may_track(self, raw: str) -> bool:
        """A cheap test on a raw attribute value: False means no tracking parameter."""
        question = raw.find("?")
        if question < 0:
            return False
        if self._name_hint.search(raw, question) is not None:
            return True
        return _SITE_HINT.search(raw, 0, question) is not None

    def is_tracking(self, name: str, site: str) -> bool:
        lowered = name.lower()
        if lowered in self._allowed:
            return False
        if lowered in self._names or lowered.startswith(self._prefixes):
            return True
        return lowered in SITE_NAMES.get(site, ())

    def tracking_names(self, names: Iterable[str], site: str) -> list[str]:
        return [name for name in names if self.is_tracking(name, site)]
