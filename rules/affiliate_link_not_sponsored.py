"""AFF002: an affiliate link whose `rel` lacks `sponsored`."""

from __future__ import annotations

from collections.abc import Iterator

from linter.affiliate import links
from linter.config import Settings
from linter.document import Document
from linter.model import Finding, Fix, Severity
from linter.registry import FixAvailability, rule
from linter.rel import missing_rel_tokens, rel_edit, rel_tokens


@rule(
    "AFF002",
    summary='Affiliate link without rel="sponsored"',
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
)
def affiliate_link_not_sponsored(doc: Document, settings: Settings) -> Iterator[Finding]:
    """## What it does
    Flags an `<a>` whose href goes through an affiliate network (a redirect such as
    Skimlinks, CJ, Impact or Duomai, a shop URL with an affiliate id such as Amazon's
    `tag=`, or an affiliate short link such as `amzn.to`) when its `rel` lacks `sponsored`.
    The networks come from the registry shipped with posthygiene
    (`linter/data/networks.toml`) plus those in your settings.

    ## Why is this bad?
    Google asks for `rel="sponsored"` on every paid link, however it was made; a missing
    one can count against the whole site. Readers, and the FTC, expect paid links to be
    marked. Feed-imported posts carry thousands of such links their author never chose.

    ## Example
    ```html
    <a href="https://go.redirectingat.com/?id=123X456&amp;url=https%3A%2F%2Fshop.example%2F">the lens</a>
    ```

    Use instead:
    ```html
    <a href="https://go.redirectingat.com/?id=123X456&amp;url=https%3A%2F%2Fshop.example%2F" rel="sponsored">the lens</a>
    ```

    ## Fix safety
    Safe: the fix adds the token `sponsored` to `rel` (creating the attribute when there is
    none) and keeps the other tokens, the quoting and the attribute order; the link and its
    text stay. When LNK001 also wants a token on the same link, the one edit adds both.

    ## Options
    `[tool.posthygiene.affiliate] extra-hosts = {mynetwork = ["go.example.com"]}` adds
    networks; `extra-id-params` and `extra-destination-params` name their parameters.
    """
    classified = links(doc, settings)
    for tag in doc.start_tags("a"):
        info = classified.affiliate(tag)
        if info is None or "sponsored" in rel_tokens(tag):
            continue
        tokens = missing_rel_tokens(tag, settings, classified)
        if "sponsored" not in tokens:
            tokens.append("sponsored")
        yield Finding(
            tag.start,
            tag.end,
            f'Affiliate link through {info.network.name} lacks rel="sponsored"',
            Fix.safe(f"Add `{' '.join(tokens)}` to rel", rel_edit(doc, tag, tokens)),
        )
