"""The shared rel helpers: which tokens a link still needs, for the rules that are on."""

from __future__ import annotations

import pytest

from linter.document import Document
from linter.rel import missing_rel_tokens
from linter.source import Source
from linter.tokens import StartTag
from tests.helpers import settings


def first_link(html: str) -> StartTag:
    return next(Document(Source("post.html", html)).start_tags("a"))


@pytest.mark.parametrize(
    ("html", "config", "tokens"),
    [
        ('<a href="/x" target="_blank">x</a>', None, ["noopener"]),
        ('<a href="/x" target="_blank" rel="noopener">x</a>', None, []),
        ('<a href="/x">x</a>', None, []),
        ('<a href="/x" target="_blank">x</a>', {"ignore": ["LNK001"]}, []),
        ('<a href="/x" target="_blank">x</a>', {"select": ["URL"]}, []),
    ],
)
def test_missing_rel_tokens(html: str, config: dict[str, object] | None, tokens: list[str]) -> None:
    assert missing_rel_tokens(first_link(html), settings(config)) == tokens
