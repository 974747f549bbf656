from __future__ import annotations

import pytest

from linter.affiliate import affiliate_link, foreign_id, link_info, links, registry_for
from linter.document import Document
from linter.errors import ConfigError
from linter.networks import builtin_registry
from linter.rel import missing_rel_tokens
from linter.source import Source
from linter.tokens import StartTag, tokenize
from tests.helpers import settings


def a_tag(html: str) -> StartTag:
    return next(t for t in tokenize(html) if isinstance(t, StartTag))


@pytest.mark.parametrize(
    ("table", "message"),
    [
        pytest.param({"autolink-policy": "drop"}, "autolink-policy: expected one of", id="policy"),
        pytest.param({"own-ids": {"nosuch": ["x"]}}, "unknown affiliate program", id="program"),
        pytest.param({"own-ids": {"amazon": []}}, "expected at least one id", id="empty-ids"),
        pytest.param({"own-ids": {"amazon": "x-20"}}, "expected a list of strings", id="type"),
        pytest.param(
            {"extra-hosts": {"mine": ["not a host"]}}, "is not a valid host name", id="host"
        ),
        pytest.param(
            {"extra-hosts": {"mine": ["https://go.example.com/"]}}, "valid host name", id="url"
        ),
        pytest.param(
            {"extra-id-params": {"nosuch": ["ref"]}}, "unknown network 'nosuch'", id="params-key"
        ),
        pytest.param(
            {"extra-destination-params": {"skimlinks": ["a=b"]}},
            "is not a valid parameter name",
            id="param-name",
        ),
        pytest.param({"own-id": {}}, "unknown option 'own-id'", id="typo"),
    ],
)
def test_bad_settings_are_config_errors(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        settings({"affiliate": table})


def test_default_settings_use_the_shipped_registry() -> None:
    assert registry_for(settings()) is builtin_registry()
    extra = {"affiliate": {"extra-hosts": {"skimlinks": ["go.example.com"]}}}
    assert registry_for(settings(extra)) is registry_for(settings(extra))


def test_extra_hosts_extend_a_shipped_network() -> None:
    config = settings({"affiliate": {"extra-hosts": {"skimlinks": ["go.example.com"]}}})
    info = link_info(a_tag('<a href="https://go.example.com/?id=1X2&amp;url=x">'), config)
    assert info is not None
    assert (info.network.key, info.affiliate_id) == ("skimlinks", "1X2")
    assert link_info(a_tag('<a href="https://go.example.com/">'), settings()) is None


def test_own_ids_are_per_program() -> None:
    config = settings({"affiliate": {"own-ids": {"amazon": ["mine-20"]}}})
    mine = affiliate_link(a_tag('<a href="https://amazon.com/?tag=mine-20">'), config)
    short = affiliate_link(a_tag('<a href="https://amzn.to/x">'), config)
    other = affiliate_link(a_tag('<a href="https://www.amazon.de/?tag=other-21">'), config)
    assert mine is not None
    assert short is not None
    assert other is not None
    assert not foreign_id(mine, config)
    assert not foreign_id(short, config), "no readable id"
    assert foreign_id(other, config)
    assert not foreign_id(other, settings()), "silent without own-ids"


@pytest.mark.parametrize(
    ("html", "config", "tokens"),
    [
        pytest.param('<a href="https://amzn.to/x">', {}, ["sponsored"], id="affiliate"),
        pytest.param(
            '<a href="https://amzn.to/x" target=_blank>', {}, ["noopener", "sponsored"], id="both"
        ),
        pytest.param('<a href="/x" target="_blank">', {}, ["noopener"], id="not-affiliate"),
        pytest.param(
            '<a href="https://amzn.to/x" rel="noreferrer sponsored" target=_blank>',
            {},
            [],
            id="already-there",
        ),
        pytest.param(
            '<a href="https://amzn.to/x" target=_blank>',
            {"ignore": ["AFF002"]},
            ["noopener"],
            id="aff002-off",
        ),
    ],
)
def test_missing_rel_tokens(html: str, config: dict[str, object], tokens: list[str]) -> None:
    doc = Document(Source("post.html", html))
    chosen = settings(config)
    tag = next(doc.start_tags("a"))
    assert missing_rel_tokens(tag, chosen, links(doc, chosen)) == tokens
