"""The shared rel helpers: which tokens a link still needs, for the rules that are on."""

from __future__ import annotations

import pytest

from linter.affiliate import links
from linter.document import Document
from linter.rel import missing_rel_tokens
from linter.source import Source
from tests.helpers import settings


def missing(html: str, config: dict[str, object] | None) -> list[str]:
    doc = Document(Source("post.html", html))
    chosen = settings(config)
    return missing_rel_tokens(next(doc.start_tags("a")), chosen, links(doc, chosen))


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
    assert missing(html, config) == tokens
