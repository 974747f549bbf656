"""Hypothesis strategies for blog posts: messy HTML, Markdown, and the junk the rules hunt.

A post is a list of pieces joined together. Pieces are prose (Latin and CJK words,
entities, every kind of line break), well-formed and broken markup, the constructs the
rules look for (empty attributes, bare wrappers, auto-linked word splits, tracking and
affiliate links, `target=_blank`, `javascript:` links, images with junk alt text), and
Markdown (front matter, fenced and indented code, inline code). A post may be cut off at
any point, as feed archivers cut them.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

LATIN = ["the", "opportunity", "Book", "OS", "rtunity", "GPU", "an", "Apple", "iPad", "e", "s", "x"]
CJK = ["京东", "方", "向", "中文", "测试", "小米", "。", "，", "にほんご"]
ENTITIES = [
    "&amp;",
    "&nbsp;",
    "&#39;",
    "&#x4e2d;",
    "&lt;",
    "&gt;",
    "&quot;",
    "&am",
    "&",
    "&#",
    "&copy",
]
BREAKS = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", " ", "\t", "  "]
NAMES = ["p", "div", "span", "font", "a", "b", "i", "em", "strong", "code", "pre", "ul", "li"]
NAMES += ["h2", "blockquote", "table", "tr", "td", "section", "kbd", "u", "small", "sup"]
VOIDS = ["br", "img", "hr", "wbr"]
RAW = ["script", "style", "textarea", "title"]

HREFS = [
    "https://c.duomai.com/track.php?site_id=1&euid=&t=https%3A%2F%2Foppo.jd.com%2F",
    "https://union-click.jd.com/jdc?e=&p=AyIGZRhbHQ",
    "https://www.amazon.com/dp/B0?tag=blog-20",
    "https://example.com/post?utm_source=feed&utm_medium=rss&id=3",
    "https://example.com/?utm_campaign=x",
    "https://s.click.taobao.com/t?e=m",
    "https://go.skimresources.com/?id=1&url=https%3A%2F%2Fshop.example%2F",
    "https://shop.pvxt.net/c/1/2/3?u=https://shop.example/",
    "javascript:void(0)",
    " JavaScript:alert(1)",
    "mailto:sarah.re@example.com",
    "/local/path.html",
    "#anchor",
    "https://example.com/a b",
    "",
]
ALTS = [
    None,
    "",
    "IMG_1234.jpg",
    "https://img.example.com/a/b.png",
    "screenshot-2023-01-01.png",
    "A cat on a mat",
    "图片",
    "photo.JPEG",
]
SRCS = ["a.png", "/img/IMG_1234.jpg", "https://img.example.com/a/b.png?x=1&amp;y=2", ""]


@st.composite
def attribute(draw: st.DrawFn) -> str:
    """One attribute as it may appear in a start tag, quoted any way or not at all."""
    name = draw(
        st.sampled_from(
            [
                *("style", "class", "id", "title", "lang", "dir", "href", "target", "rel"),
                *("data-link", "alt", "src", "name", "onclick", "STYLE", "Class"),
            ]
        )
    )
    value = draw(
        st.one_of(
            st.none(),
            st.sampled_from(["", " ", "1", "_blank", "nofollow", "color:red", "x y", 'a"b', "c'd"]),
            st.sampled_from(HREFS),
            st.text(alphabet="ab <>&;=\"'\n", max_size=6),
        )
    )
    if value is None:
        return name
    quote = draw(st.sampled_from(['"', "'", ""]))
    if quote and quote in value:
        quote = "'" if quote == '"' else '"'
        if quote in value:
            quote = ""
    if not quote and (not value or any(c in value for c in " \t\n>\"'=<`")):
        quote = '"' if '"' not in value else "'"
    space = draw(st.sampled_from([" ", "  ", "\n", "\r\n", "\t"]))
    equals = draw(st.sampled_from(["=", " = ", "="]))
    return f"{space}{name}{equals}{quote}{value}{quote}"


@st.composite
def start_tag(draw: st.DrawFn, names: list[str] | None = None) -> str:
    name = draw(st.sampled_from(names or NAMES))
    if draw(st.booleans()):
        name = name.upper()
    attrs = "".join(draw(st.lists(attribute(), max_size=3)))
    slash = draw(st.sampled_from(["", "", "", "/", " /"]))
    return f"<{name}{attrs}{slash}>"


@st.composite
def element(draw: st.DrawFn, depth: int = 0) -> str:
    """A (mostly) well-formed element with prose or other elements inside."""
    name = draw(st.sampled_from(NAMES))
    opening = draw(start_tag([name]))
    inner = draw(st.lists(_inline(depth + 1), max_size=3))
    closing = draw(st.sampled_from([f"</{name}>", f"</{name}>", f"</{name.upper()}>", ""]))
    return opening + "".join(inner) + closing


def _inline(depth: int) -> st.SearchStrategy[str]:
    leaves = [prose(), junk()]
    if depth < 3:
        leaves.append(element(depth))
    return st.one_of(*leaves)


@st.composite
def prose(draw: st.DrawFn) -> str:
    words = draw(
        st.lists(
            st.one_of(
                st.sampled_from(LATIN),
                st.sampled_from(CJK),
                st.sampled_from(ENTITIES),
                st.sampled_from(BREAKS),
                st.text(alphabet="aAéßİ中 .,!?-", max_size=5),
            ),
            min_size=1,
            max_size=6,
        )
    )
    return "".join(words)


@st.composite
def split_link(draw: st.DrawFn) -> str:
    """An auto-linker's link inside a word: `an <a data-link="1" href=…>OPPO</a>rtunity`."""
    left = draw(st.sampled_from(["", "an ", "op", "Op", "AN OP", "向", " "]))
    inside = draw(st.sampled_from(["OPPO", "iPad", "AMD", "Redmi", "京东", "po", "&amp;", "x"]))
    right = draw(
        st.sampled_from(["rtunity", "OS", "GPU", "Book", "s", "方", "", " now", ".", "RTUNITY"])
    )
    attrs = draw(
        st.lists(
            st.sampled_from(
                [
                    *(' data-link="1"', " data-link=1", ' target="_blank"', ' id="x"'),
                    *(" name=n", ' rel="nofollow"', ' rel="sponsored"', " title"),
                ]
            ),
            max_size=3,
        )
    )
    href = draw(st.sampled_from(HREFS))
    wrap = draw(st.sampled_from(["", "span", "b", "font"]))
    link = f'<a{"".join(attrs)} href="{href}">{inside}</a>'
    if wrap:
        link = f"<{wrap}>{link}</{wrap}>"
    return f"{left}{link}{right}"


@st.composite
def image(draw: st.DrawFn) -> str:
    alt = draw(st.sampled_from(ALTS))
    src = draw(st.sampled_from(SRCS))
    alt_attr = "" if alt is None else f' alt="{alt}"'
    return f'<img src="{src}"{alt_attr}{draw(st.sampled_from(["", " /", " title", " style"]))}>'


def junk() -> st.SearchStrategy[str]:
    """The constructs rules look for."""
    return st.one_of(
        split_link(),
        image(),
        st.sampled_from(
            [
                "<span style>x</span>",
                '<span style="">y</span>',
                '<p class="" id="">z</p>',
                "<span>bare</span>",
                "<font>old</font>",
                "<span><span>nested</span></span>",
                "<font><span>a</span>b</font>",
                '<a href="https://example.com/?utm_source=x" target="_blank">t</a>',
                '<a href="javascript:void(0)">js</a>',
                '<a target=_blank href="https://example.com/">blank</a>',
                '<a href="https://www.amazon.com/dp/B0?tag=x-20" rel="nofollow">buy</a>',
                "<span lang=''>l</span>",
                '<b title="">t</b>',
            ]
        ),
    )


def broken() -> st.SearchStrategy[str]:
    """Markup that is cut off, unbalanced or not markup at all."""
    return st.one_of(
        st.sampled_from(
            [
                '<a href="mailto:sarah.re',
                "<span",
                "<",
                "< p>",
                "<<",
                "<a<a<a",
                "</",
                "</span",
                "</>",
                "</1>",
                "<!-- unclosed",
                "<!-- <span>commented</span> -->",
                "<!--->",
                "<!---->",
                "<![CDATA[ x <span> ]]>",
                "<![CDATA[ unclosed",
                "<!DOCTYPE html>",
                "<?xml version='1.0'?>",
                "<script>if (a < b) { x = '<span>' }</script>",
                "<script>unclosed <span>",
                "<style>p { color: red }</style>",
                "<textarea><span>raw</span></textarea>",
                "</span>",
                "</p>",
                "</div></div>",
                "<b><i>x</b></i>",
                "<span><i>a</span>b</i>",
                "<a href='x'><a href='y'>nested</a></a>",
                '<p title="a>b">q</p>',
                '<p a="unterminated>x',
                "&#xD800;",
                "&#0;",
                "\x0c",
                "\u2028",
                "\ufeff",
                "`",
            ]
        ),
        start_tag(),
        st.sampled_from(NAMES).map(lambda name: f"</{name}>"),
    )


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    fence = draw(st.sampled_from(["---", "+++"]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    body = draw(st.sampled_from(["title: '<span style>'", 'title = "x"', "", "tags: [a, b]"]))
    close = draw(st.sampled_from([fence, fence, ""]))  # sometimes never closed
    blank = draw(st.sampled_from(["", "\n", " \n"]))
    return f"{blank}{fence}{newline}{body}{newline}{close}{newline}"


@st.composite
def markdown_block(draw: st.DrawFn) -> str:
    inner = draw(st.one_of(junk(), element(), broken(), prose()))
    kind = draw(st.sampled_from(["fence", "tilde", "indent", "inline", "list", "heading", "loose"]))
    if kind == "fence":
        return f"\n```html\n{inner}\n```\n"
    if kind == "tilde":
        return f"\n~~~\n{inner}\n~~~\n"
    if kind == "indent":
        return f"\n\n    {inner}\n\n"
    if kind == "inline":
        ticks = draw(st.sampled_from(["`", "``", "```"]))
        return f"{ticks}{inner}{ticks}"
    if kind == "list":
        return f"\n- {inner}\n"
    if kind == "heading":
        return f"\n## {inner}\n"
    return inner


@dataclass(frozen=True)
class Post:
    text: str
    markdown: bool
    bom: bool

    @property
    def name(self) -> str:
        return "post.md" if self.markdown else "post.html"


@st.composite
def posts(draw: st.DrawFn) -> Post:
    markdown = draw(st.booleans())
    pieces = [front_matter()] if draw(st.booleans()) else []
    body = st.one_of(
        prose(), element(), junk(), broken(), *([markdown_block()] if markdown else [])
    )
    text = "".join(draw(p) for p in pieces) + "".join(draw(st.lists(body, min_size=1, max_size=12)))
    if draw(st.integers(0, 4)) == 0:  # cut off, as feed archivers do
        text = text[: draw(st.integers(0, len(text)))]
    if draw(st.integers(0, 4)) == 0:
        text = text.replace("\n", draw(st.sampled_from(["\r\n", "\r"])))
    return Post(text, markdown, draw(st.integers(0, 9)) == 0)
