"""Realistic synthetic posts for scaling runs: `python -m bench.generate N FOLDER`.

Each post comes from its own seeded random generator, so post 17 is the same whether 1,000
or 100,000 posts are made, and the same files come out on every machine. The posts mix the
layouts posthygiene meets on real sites (a Hexo post with its HTML body on one line, a
Markdown post with code blocks, a WordPress HTML export, a feed digest), English and Chinese
text, and the junk the rules look for: `<span style>`, auto-linker `data-link="1"` links
through affiliate redirectors (some splitting a word), `utm_` parameters, `target=_blank`
without `rel`, URLs as alt text, hot-linked images, empty `class`/`title` attributes.
They carry about as many findings per megabyte as the seed's own Hexo posts in
../shared/corpus/rsshub-page (the junkiest real posts there), several times the corpus average.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
from pathlib import Path

STAMP = "generated.json"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


WORDS = _words(
    "the of and to in is that for it with as was on be by this are or from at an not have "
    "but which they has you had can more one were will all their been new about would there "
    "also other when than into its some time only first most these over after two any such "
    "people used make like just year many well way because then where much even between "
    "system device battery screen camera update software release support feature version "
    "model performance display memory storage network security privacy developer browser "
    "kernel driver server cloud service platform company market price launch report test "
    "review design power chip processor graphics laptop phone tablet window linux android "
    "apple google microsoft amazon engineer research study player game console store "
    "customer product quality speed upgrade install download setting option default user"
)
CJK_PHRASES = _words(
    "近日 消息 显示 发布 公司 表示 用户 可以 已经 目前 这款 产品 支持 功能 系统 更新 "
    "手机 电脑 芯片 处理器 性能 显卡 内存 存储 屏幕 电池 续航 充电 价格 官方 宣布 "
    "市场 研究 人员 发现 漏洞 安全 补丁 微软 谷歌 苹果 小米 华为 京东 淘宝 网友 "
    "评测 体验 设计 外观 配置 参数 开发者 版本 测试 上线 服务 平台 数据 隐私 网络 "
    "未来 计划 推出 新品 售价 起步 预计 今年 明年 全球 中国 美国 欧洲 团队 项目"
)
CJK_PUNCT = ("，", "，", "，", "。", "、", "：", "；")
# (brand, letters after it): an auto-linker wrapped the brand inside a longer word.
SPLIT_WORDS = (
    ("OPPO", "rtunity"),
    ("iPad", "OS"),
    ("AMD", "GPU"),
    ("Redmi", "Book"),
    ("Intel", "ligence"),
    ("Sony", "a"),
    ("Dell", "ivery"),
)
AFFILIATE = (
    "https://c.duomai.com/track.php?site_id=242986&euid=&t=https://oppo.jd.com/",
    "https://c.duomai.com/track.php?site_id=242986&euid=&t=https://www.microsoftstore.com.cn/",
    "https://p.pvxt.net/c?u=https%3A%2F%2Fitem.jd.com%2F100012043978.html",
    "https://go.redirectingat.com/?id=111346X1569483&url=https://www.amazon.com/dp/B09V3HN1KC",
    "https://www.anrdoezrs.net/links/9041919/type/dlg/https://www.bestbuy.com/site/a",
    "https://amzn.to/3xYzAbC",
)
HOSTS = (
    "https://www.theverge.com",
    "https://www.engadget.com",
    "https://arstechnica.com",
    "https://www.cnbeta.com",
    "https://www.ithome.com",
    "https://github.com",
    "https://en.wikipedia.org",
)
IMAGE_HOSTS = (
    "https://n.sinaimg.cn/tech/crawl/27/w550h277/2021",
    "https://static.cnbetacdn.com/article/2022",
    "https://img.ithome.com/newsuploadfiles/2023",
    "https://cdn.vox-cdn.com/thumbor/uploads/chorus_asset/file",
)
UTM = (
    "utm_source=feed&utm_medium=rss&utm_campaign=feed",
    "utm_source=twitter&utm_medium=social",
    "utm_campaign=newsletter&utm_content=sales",
)
CODE_LINES = (
    "def handler(event, context):",
    '    return {"status": 200, "body": "<span>ok</span>"}',
    "for (int i = 0; i < n; i++) { total += values[i]; }",
    'curl -s "https://example.com/api?utm_source=cli" | jq .',
    'echo "<a href=\\"x\\" target=\\"_blank\\">link</a>" > index.html',
    "SELECT id, title FROM posts WHERE published = 1;",
    "git commit -m 'Fix the <img> alt text'",
)


class Post:
    """Builds one post from its own random generator."""

    def __init__(self, index: int, seed: int) -> None:
        self.index = index
        self.rng = random.Random(f"{seed}:{index}")
        self.cjk = self.rng.random() < 0.5

    # -- text -----------------------------------------------------------------------------

    def sentence(self) -> str:
        rng = self.rng
        if self.cjk:
            parts = [rng.choice(CJK_PHRASES) for _ in range(rng.randint(6, 20))]
            for position in range(2, len(parts), rng.randint(3, 6)):
                parts[position] += rng.choice(CJK_PUNCT)
            if rng.random() < 0.3:
                parts.insert(rng.randrange(len(parts)), rng.choice(WORDS).capitalize())
            return "".join(parts) + "。"
        words = [rng.choice(WORDS) for _ in range(rng.randint(6, 22))]
        return " ".join(words).capitalize() + rng.choice((".", ".", ".", "?", "!"))

    def url(self) -> str:
        rng = self.rng
        path = "/".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3)))
        url = f"{rng.choice(HOSTS)}/{rng.randint(2015, 2024)}/{path}-{rng.randint(1, 99999)}"
        if rng.random() < 0.25:
            url += "?" + rng.choice(UTM)
        return url

    def image_url(self) -> str:
        rng = self.rng
        return f"{rng.choice(IMAGE_HOSTS)}/{rng.randint(100, 9999)}/{rng.getrandbits(48):x}.png"

    # -- inline junk ----------------------------------------------------------------------

    def link(self, text: str) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.08:
            return f'<a data-link="1" href="{_attr(rng.choice(AFFILIATE))}">{text}</a>'
        target = ' target="_blank"' if rng.random() < 0.4 else ""
        rel = ' rel="noopener"' if target and rng.random() < 0.5 else ""
        title = " title" if rng.random() < 0.05 else ""
        return f'<a href="{_attr(self.url())}"{target}{rel}{title}>{text}</a>'

    def inline(self, sentence: str) -> str:
        """A sentence with, sometimes, a link, a split word, emphasis or an empty span."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.25:
            cut, size = self.span(sentence)
            return sentence[:cut] + self.link(sentence[cut : cut + size]) + sentence[cut + size :]
        if roll < 0.265:
            brand, rest = rng.choice(SPLIT_WORDS)
            href = _attr(rng.choice(AFFILIATE))
            return f'{sentence} Using <a data-link="1" href="{href}">{brand}</a>{rest} now.'
        if roll < 0.28 and self.cjk:
            href = _attr(AFFILIATE[0])
            return f'{sentence}向<a data-link="1" href="{href}">京东</a>方发货。'
        if roll < 0.45:
            cut, size = self.span(sentence)
            strong = sentence[cut : cut + size]
            return f"{sentence[:cut]}<strong>{strong}</strong>{sentence[cut + size :]}"
        return sentence

    def span(self, sentence: str) -> tuple[int, int]:
        """Where to put inline markup: a few characters (Chinese) or whole words (English)."""
        rng = self.rng
        if self.cjk:
            return rng.randrange(len(sentence) - 1), rng.randint(2, 6)
        spaces = [i + 1 for i, char in enumerate(sentence) if char == " "]
        start = rng.choice([0, *spaces])
        stops = [i for i in spaces if i > start + 1] or [len(sentence)]
        return start, stops[min(len(stops) - 1, rng.randint(0, 2))] - 1 - start

    def image(self) -> str:
        rng = self.rng
        src = self.image_url()
        roll = rng.random()
        if roll < 0.3:
            alt = src  # the URL as alt text
        elif roll < 0.5:
            alt = src.rsplit("/", 1)[1]  # the file name
        elif roll < 0.6:
            alt = ""
        else:
            alt = self.sentence()[:40]
        extra = ' class="transparent" referrerpolicy="no-referrer"' if rng.random() < 0.5 else ""
        title = " title" if rng.random() < 0.2 else ""
        return f'<img src="{src}"{title} alt="{_attr(alt)}"{extra}>'

    def paragraph(self) -> str:
        rng = self.rng
        glue = "" if self.cjk else " "
        body = glue.join(self.inline(self.sentence()) for _ in range(rng.randint(1, 5)))
        roll = rng.random()
        if roll < 0.2:
            body = f"<span style>{body}</span>"
        elif roll < 0.35:
            body = f'<span style="color: #333;">{body}</span>'
        elif roll < 0.4:
            body = f"<span>{body}</span>"
        elif roll < 0.43:
            body = f'<font class="">{body}</font>'
        if rng.random() < 0.12:
            body += self.image()
        return f"<p>{body}</p>"

    def paragraphs(self) -> int:
        return max(1, min(400, int(self.rng.lognormvariate(3.27, 0.9))))

    # -- whole posts ----------------------------------------------------------------------

    def front_matter(self) -> str:
        rng = self.rng
        title = self.sentence()[:40].replace("'", "")
        categories = "".join(f"\n - {rng.choice(CJK_PHRASES)}" for _ in range(3))
        date = f"{rng.randint(2018, 2023)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        image = self.image_url()
        return (
            f"---\ntitle: '{title}'\ncategories: {categories}\nheadimg: '{image}'\n"
            f"author: cnBeta\ncomments: false\ndate: {date}\nthumbnail: '{image}'\n---\n"
        )

    def hexo(self) -> str:
        """The seed's layout: front matter, then the whole body's HTML on one line."""
        body = "".join(self.paragraph() for _ in range(self.paragraphs()))
        return f"\n{self.front_matter()}\n<div>   \n{body}</div>\n"

    def markdown(self) -> str:
        rng = self.rng
        blocks: list[str] = []
        for _ in range(self.paragraphs()):
            roll = rng.random()
            if roll < 0.08:
                blocks.append(f"## {self.sentence()[:50]}")
            elif roll < 0.16:
                language = rng.choice(("python", "html", "bash", "sql", ""))
                code = "\n".join(rng.choice(CODE_LINES) for _ in range(rng.randint(2, 10)))
                blocks.append(f"```{language}\n{code}\n```")
            elif roll < 0.2:
                blocks.append("\n".join("    " + rng.choice(CODE_LINES) for _ in range(3)))
            elif roll < 0.5:
                blocks.append(self.paragraph())
            elif roll < 0.6:
                blocks.append(
                    f"<figure>{self.image()}<figcaption>{self.sentence()}</figcaption></figure>"
                )
            else:
                text = self.inline(self.sentence())
                if rng.random() < 0.3:
                    text += f" Run `<span style>` or `pip install {rng.choice(WORDS)}`."
                if rng.random() < 0.2:
                    text += f" [{rng.choice(WORDS)}]({self.url()})"
                blocks.append(text)
        return self.front_matter() + "\n" + "\n\n".join(blocks) + "\n"

    def wordpress(self) -> str:
        rng = self.rng
        parts: list[str] = []
        for _ in range(self.paragraphs()):
            if rng.random() < 0.1:
                code = "\n".join(rng.choice(CODE_LINES) for _ in range(rng.randint(3, 12)))
                code = code.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                parts.append(f'<pre class="brush: cpp; title: ; notranslate">{code}</pre>')
            else:
                parts.append(self.paragraph())
        return "<html><body>" + "\n".join(parts) + "\n<!-- related posts -->\n</body></html>\n"

    def digest(self) -> str:
        rng = self.rng
        items: list[str] = [f"# Source:{rng.choice(WORDS)}, URL:{self.url()}, language:en-US\n"]
        for _ in range(max(1, self.paragraphs() // 4)):
            url = self.url()
            body = "\n\n".join(self.paragraph() for _ in range(rng.randint(1, 6)))
            items.append(
                f"## {self.sentence()[:60]}\n - [{url}]({url})\n - RSS feed: {url}\n"
                f" - date published: 2023-03-06 20:08:15+00:00\n\n<div>\n{body}\n</div>\n"
            )
        return "\n".join(items)

    def render(self) -> tuple[str, str]:
        """(relative path, text) of the post."""
        roll = self.rng.random()
        year = 2015 + self.index % 10
        if roll < 0.4:
            return f"posts/{year}/hexo-{self.index:06d}.md", self.hexo()
        if roll < 0.7:
            return f"posts/{year}/post-{self.index:06d}.md", self.markdown()
        if roll < 0.85:
            return f"html/{year}/page-{self.index:06d}.html", self.wordpress()
        return f"digests/{year}/digest-{self.index:06d}.md", self.digest()


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;")


def generate(count: int, folder: Path, seed: int = 1) -> Path:
    """Write `count` posts under `folder` (reused when already generated with these inputs)."""
    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    stamp = {"generator": code, "count": count, "seed": seed}
    stamp_file = folder / STAMP
    if stamp_file.is_file() and json.loads(stamp_file.read_text()) == stamp:
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    made: set[Path] = set()
    for index in range(count):
        relative, text = Post(index, seed).render()
        path = folder / relative
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_text(text, encoding="utf-8", newline="")
    stamp_file.write_text(json.dumps(stamp))
    return folder


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__)
    parser.add_argument("count", type=int, help="how many posts")
    parser.add_argument("folder", type=Path, help="where to write them (replaced)")
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args(argv)
    generate(arguments.count, arguments.folder, arguments.seed)


if __name__ == "__main__":
    main()
