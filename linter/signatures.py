"""Signs that a link was inserted by an auto-linker or routed through an affiliate network."""

from __future__ import annotations

from linter.affiliate import Links
from linter.networks import LinkInfo
from linter.tokens import StartTag

# VigLink's "Convert" turns plain-text URLs into `<a class="vglnk" ... rel="nofollow">` links
# (seen in public GitHub code copied from such pages).
_INSERTING_CLASSES = ("vglnk",)


def inserted_mark(tag: StartTag) -> str | None:
    """An attribute that only an auto-linker puts on the links it inserts."""
    if tag.get("data-link") == "1":
        return 'data-link="1"'
    classes = (tag.get("class") or "").split()
    for name in _INSERTING_CLASSES:
        if name in classes:
            return f'class="{name}"'
    return None


def autolinker_signature(tag: StartTag, classified: Links) -> str | None:
    """Why this `<a>` looks machine-made, or None when nothing shows it.

    An auto-linker's own mark counts, and so does an href through an affiliate network or
    a tracking redirect: people rarely type those by hand.
    """
    mark = inserted_mark(tag)
    if mark is not None:
        return mark
    info = classified.info(tag)
    if info is None or not info.network.kind.redirect:
        return None
    return f"an href through {info.network.name}"


def autolink_evidence(tag: StartTag, classified: Links) -> tuple[str, LinkInfo | None] | None:
    """Proof that an auto-linker inserted this `<a>`, with what its href goes through.

    Stricter than `autolinker_signature`: a paid or tracked href alone does not tell who
    inserted the link, and `data-link="1"` counts only on such an href.
    """
    mark = inserted_mark(tag)
    if mark is None:
        return None
    info = classified.info(tag)
    if mark == 'data-link="1"' and (info is None or not info.network.kind.redirect):
        return None
    return mark, info
