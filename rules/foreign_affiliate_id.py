"""AFF005: an affiliate link that pays someone else's id."""

from __future__ import annotations

from collections.abc import Iterator

from linter.affiliate import foreign_id, links, options
from linter.config import Settings
from linter.document import Document
from linter.model import Finding, Severity
from linter.registry import FixAvailability, rule
from linter.wordsplit import unwrap_fix


@rule(
    "AFF005",
    summary="Affiliate link with someone else's id",
    severity=Severity.ERROR,
    fix=FixAvailability.SOMETIMES,
)
def foreign_affiliate_id(doc: Document, settings: Settings) -> Iterator[Finding]:
    """## What it does
    Once you have listed your own affiliate ids, flags every affiliate link that carries
    an id that is not one of them: an Amazon `tag=`, a Duomai `site_id=`, a CJ publisher
    id, and so on. Links whose id cannot be read (short links, opaque JD or Taobao links)
    are not reported. Without `own-ids` the rule is silent: the tool cannot know whose ids
    they are, and a blogger's own links must never vanish on a plain `--fix`.

    ## Why is this bad?
    A post copied from another site keeps that site's affiliate ids: every purchase a
    reader makes through it pays the original publisher, not the blog's owner.

    ## Example
    With your own Amazon tag configured:
    ```toml
    [tool.posthygiene.affiliate]
    own-ids = { amazon = ["mytag-20"] }
    ```

    ```html
    <a href="https://www.amazon.com/dp/B0C8VH1LQ8?tag=someoneelse-20">this drive</a>
    ```

    Use instead:
    ```html
    this drive
    ```

    (the text alone, as the fix leaves it) or a link with your own id:
    ```html
    <a href="https://www.amazon.com/dp/B0C8VH1LQ8?tag=mytag-20">this drive</a>
    ```

    ## Fix safety
    Unsafe: the fix removes the link and keeps its text (in the word's own case when the
    link cuts a word); the reader loses a link that may have been useful. Not offered
    for a link whose end tag is missing.

    ## Options
    `[tool.posthygiene.affiliate] own-ids = {amazon = ["mytag-20"], duomai = ["123456"]}`:
    your ids per affiliate program (the `program`, else the `key`, of a network in
    `linter/data/networks.toml`, or a network of `extra-hosts`).
    """
    if not options(settings).own_ids:
        return
    classified = links(doc, settings)
    for tag in doc.start_tags("a"):
        info = classified.affiliate(tag)
        if info is None or not foreign_id(info, settings):
            continue
        end = tag.end if tag.end_tag is None else tag.end_tag.end
        yield Finding(
            tag.start,
            end,
            f"Affiliate link pays {info.network.name} id `{info.affiliate_id}`, "
            "not one of your ids",
            unwrap_fix(doc, tag, safe=False),
        )
