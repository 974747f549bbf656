"""The `rel` attribute: its tokens, and one edit that adds every token the rules want."""

from __future__ import annotations

from functools import cache

from linter.affiliate import Links
from linter.config import Settings
from linter.document import Document, format_attribute_value
from linter.model import Edit
from linter.registry import select_rules
from linter.tokens import StartTag

_SPACE = "\t\n\f\r "


def rel_tokens(tag: StartTag) -> list[str]:
    """The link types in `rel`, lower-cased, in order."""
    value = tag.get("rel")
    return [token.lower() for token in value.split()] if value else []


def opens_new_context(tag: StartTag) -> bool:
    target = tag.get("target")
    return target is not None and target.strip().lower() == "_blank"


def needs_noopener(tag: StartTag) -> bool:
    """A link that opens a new browsing context and still hands it `window.opener`.

    `noreferrer` implies `noopener`; an explicit `opener` token is the author's choice.
    A link without `href` navigates nowhere, so its target does not matter.
    """
    if tag.attr("href") is None or not opens_new_context(tag):
        return False
    return not set(rel_tokens(tag)) & {"noopener", "noreferrer", "opener"}


def missing_rel_tokens(tag: StartTag, settings: Settings, classified: Links) -> list[str]:
    """Every token that some rule wants in this link's `rel` and that is not there yet.

    Rules that add to `rel` all build their edit from this list, so when several apply
    to one link a single edit serves them all, and whichever is applied first settles it.
    `classified` is the document's `links`, so the href is classified once for all rules.
    """
    present = set(rel_tokens(tag))
    wanted: list[str] = []
    if needs_noopener(tag) and _selected("LNK001", settings.selected, settings.ignore):
        wanted.append("noopener")
    if "sponsored" not in present and _wants_sponsored(tag, settings, classified):
        wanted.append("sponsored")
    return wanted


def _wants_sponsored(tag: StartTag, settings: Settings, classified: Links) -> bool:
    """An affiliate link, while AFF002 (affiliate-link-not-sponsored) is selected."""
    selected = _selected("AFF002", settings.selected, settings.ignore)
    return selected and classified.affiliate(tag) is not None


@cache
def _selected(code: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    """Whether the rule `code` runs: a rule that is off adds nothing to other rules' edits."""
    return any(rule.code == code for rule in select_rules(select, ignore))


def rel_edit(doc: Document, tag: StartTag, tokens: list[str]) -> Edit:
    """Add `tokens` to the tag's `rel`, keeping its other tokens, quoting and position."""
    attribute = tag.attr("rel")
    if attribute is None:
        return Edit.insert(tag.insert_at, " rel=" + format_attribute_value(" ".join(tokens)))
    if not attribute.has_value or not attribute.raw_value.strip(_SPACE):
        return Edit(
            attribute.start, attribute.end, "rel=" + format_attribute_value(" ".join(tokens))
        )
    if attribute.quote:
        raw = attribute.raw_value
        end = attribute.value_start + len(raw.rstrip(_SPACE))
        return Edit.insert(end, " " + " ".join(tokens))
    value = attribute.value + " " + " ".join(tokens)
    return Edit(attribute.start, attribute.end, "rel=" + format_attribute_value(value))
