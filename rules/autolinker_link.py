"""AFF004: a link inserted by an auto-linker."""

from __future__ import annotations

from collections.abc import Iterator

from linter.affiliate import links, options
from linter.config import Settings
from linter.document import Document
from linter.model import Finding, Fix, Severity
from linter.networks import LinkInfo
from linter.registry import FixAvailability, rule
from linter.rel import missing_rel_tokens, rel_edit, rel_tokens
from linter.signatures import autolink_evidence
from linter.tokens import StartTag
from linter.wordsplit import unwrap, word_split


@rule(
    "AFF004",
    summary="Link inserted by an auto-linker",
    severity=Severity.WARNING,
    fix=FixAvailability.SOMETIMES,
)
def autolinker_link(doc: Document, settings: Settings) -> Iterator[Finding]:
    """## What it does
    Flags an `<a>` that a keyword auto-linker inserted, known by its signature:
    `data-link="1"` on an href through an affiliate network or a tracking redirect (the
    auto-linker of the cnBeta pipeline, whose links go through Duomai, Impact and CJ), or
    `class="vglnk"` (VigLink's script, which turns plain-text URLs into links).

    ## Why is this bad?
    Nobody chose these links: a script wrapped keywords ("英特尔", "Windows", "SSD") in paid
    links wherever they occurred. Republished, they earn money for the site the post came
    from, clutter the text, and mislead readers about what the author recommends.

    ## Example
    ```html
    <p>对 <a data-link="1" href="https://c.duomai.com/track.php?site_id=242986&amp;euid=&amp;t=https://list.jd.com/" target="_blank">SSD</a> 设备</p>
    ```

    Use instead:
    ```html
    <p>对 SSD 设备</p>
    ```

    ## Fix safety
    With the default policy `unwrap` the fix removes the link and keeps its text; it is
    safe, since the link was inserted by a script, unless the link has an `id` or `name`
    that something may point at. When the link also cuts a word in two (AFF001), the fix
    is exactly AFF001's: the word comes back whole, in its own case. With `mark` the fix
    adds `sponsored` to `rel` (safe); with `keep` the link is only reported.

    ## Options
    `[tool.posthygiene.affiliate] autolink-policy = "unwrap"` (default), `"mark"` or
    `"keep"`.
    """
    classified = links(doc, settings)
    for tag in doc.start_tags("a"):
        evidence = autolink_evidence(tag, classified)
        if evidence is None or tag.end_tag is None:
            continue
        mark, info = evidence
        through = "" if info is None else f" through {info.network.name}"
        yield Finding(
            tag.start,
            tag.end_tag.end,
            f"Link inserted by an auto-linker ({mark}{through})",
            _fix(doc, tag, settings, info),
        )


def _fix(doc: Document, tag: StartTag, settings: Settings, info: LinkInfo | None) -> Fix | None:
    policy = options(settings).autolink_policy
    split = word_split(doc, tag)
    if policy == "unwrap":
        return unwrap(doc, tag, split, safe=True)  # AFF001's very fix when a word is split
    if policy == "keep" or split is not None or "sponsored" in rel_tokens(tag):
        return None
    tokens = missing_rel_tokens(tag, settings, links(doc, settings))
    if "sponsored" not in tokens:
        tokens.append("sponsored")
    return Fix.safe(f"Add `{' '.join(tokens)}` to rel", rel_edit(doc, tag, tokens))
