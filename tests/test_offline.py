"""The suite runs with the network blocked (tests/conftest.py); prove the block holds."""

from __future__ import annotations

import socket
import urllib.request

import pytest
import tldextract

from linter import urls
from tests.conftest import NetworkBlockedError


def test_a_connection_fails_loudly() -> None:
    with pytest.raises(NetworkBlockedError, match="never use the network"):
        socket.create_connection(("example.com", 443), timeout=1)


def test_a_raw_socket_cannot_connect() -> None:
    with (
        socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock,
        pytest.raises(NetworkBlockedError),
    ):
        sock.connect(("127.0.0.1", 9))


def test_name_lookups_fail() -> None:
    with pytest.raises(NetworkBlockedError):
        socket.getaddrinfo("example.com", 443)


def test_urlopen_fails_instead_of_being_swallowed() -> None:
    # NetworkBlockedError is no OSError, so urllib cannot turn it into a quiet URLError.
    with pytest.raises(NetworkBlockedError):
        urllib.request.urlopen("https://publicsuffix.org/list/public_suffix_list.dat")


def test_tldextract_with_its_defaults_would_try_the_network() -> None:
    # What linter.urls avoids: a default extractor fetches the suffix list on first use.
    extractor = tldextract.TLDExtract(cache_dir=None)
    with pytest.raises(NetworkBlockedError):
        extractor("www.example.co.uk")


def test_linter_urls_uses_only_the_bundled_suffix_list() -> None:
    urls._extractor.cache_clear()
    urls.registrable_domain.cache_clear()
    assert urls.registrable_domain("c.duomai.com") == "duomai.com"
    assert urls.registrable_domain("img.news.bbc.co.uk") == "bbc.co.uk"
    assert urls.site_name("www.amazon.co.uk") == "amazon"
    assert urls._extractor().suffix_list_urls == ()
