"""Links of the combined document: every id inside a page is prefixed with its slug
("glossary--hukou"), and every link is resolved against its page's URL and mapped to the
prefixed id ("../../glossary/#hukou" -> "#glossary--hukou"), so internal links stay inside
the PDF. External links stay clickable. A link to a page or anchor that the PDF does not
have is a problem (one line naming the page and the link); the PDF then is not written."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from studyguide.outputs.book.extract import PageContent, add_class, tag_of, text_of

FAKE_HOST = "guide.invalid"  # resolves relative links without touching the network
ID_LIST_ATTRS = ("for", "headers", "aria-labelledby", "aria-describedby", "aria-controls")


@dataclass
class LinkStats:
    internal: int = 0
    external: int = 0
    missing_anchors: list[str] = field(default_factory=list)
    missing_pages: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return self.missing_pages + self.missing_anchors


class LinkMapper:
    """Maps a page's hrefs to ids of the combined document."""

    def __init__(self, contents: list[PageContent], site_dir: Path, site_url: str | None):
        self.site_dir = Path(site_dir)
        self.by_path: dict[str, PageContent] = {c.page.url: c for c in contents}
        self.site_url = site_url
        self.stats = LinkStats()

    def target(self, content: PageContent, href: str) -> tuple[str, bool]:
        """(new href, is internal)."""
        resolved = urlsplit(urljoin(f"https://{FAKE_HOST}/{content.page.url}", href))
        if resolved.netloc != FAKE_HOST:
            return href, False
        path = unquote(resolved.path).lstrip("/")
        if path.endswith("index.html"):
            path = path[: -len("index.html")]
        target = self.by_path.get(path) or self.by_path.get(path + "/" if path else path)
        if target is None:
            self._outside(content, href, path)
            if self.site_url:
                return urljoin(self.site_url, path) + (
                    f"#{resolved.fragment}" if resolved.fragment else ""
                ), False
            return href, False
        fragment = unquote(resolved.fragment)
        if fragment and fragment in target.ids:
            return f"#{target.page.slug}--{fragment}", True
        if fragment:
            self.stats.missing_anchors.append(
                f"{content.page.dest}: {href}: no id {fragment!r} on {target.page.dest} (fix the link or the anchor)"
            )
        return f"#page--{target.page.slug}", True

    def _outside(self, content: PageContent, href: str, path: str) -> None:
        """A link to a site path no printed page has: fine for a download (the Anki deck)
        and for a page the site keeps out of the nav on purpose (mkdocs.yml's not_in_nav;
        the strict build rejects any other page outside the nav), which the PDF links on
        the web; a problem for a page missing from the site."""
        if path and not path.endswith((".html", "/")) and (self.site_dir / path).is_file():
            return
        if (self.site_dir / path / "index.html").is_file() or (self.site_dir / path).is_file():
            return
        self.stats.missing_pages.append(
            f"{content.page.dest}: {href}: /{path} is no page of the built site (fix the link)"
        )

    def rewrite(self, content: PageContent) -> None:
        slug = content.page.slug
        for element in content.article.iter():
            tag = tag_of(element)
            if tag is None:
                continue
            if element.get("id"):
                element.set("id", f"{slug}--{element.get('id')}")
            for attr in ID_LIST_ATTRS:
                if element.get(attr):
                    element.set(attr, " ".join(f"{slug}--{i}" for i in element.get(attr).split()))
            if tag == "a" and element.get("href") is not None:
                new, internal = self.target(content, element.get("href").strip())
                element.set("href", new)
                if internal:
                    self.stats.internal += 1
                else:
                    self.stats.external += 1
                    if _same_url(text_of(element), new):
                        add_class(element, "pdf-bare-url")
            if tag == "img" and element.get("src"):
                element.set(
                    "src", urljoin(f"https://{FAKE_HOST}/{content.page.url}", element.get("src"))
                )


def _same_url(text: str, href: str) -> bool:
    def norm(u: str) -> str:
        u = u.strip().lower()
        for prefix in ("https://", "http://", "mailto:", "www."):
            u = u.removeprefix(prefix)
        return u.rstrip("/")

    return bool(text) and norm(text) == norm(href)
