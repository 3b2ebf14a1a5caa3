"""The bilingual static site: every page, feed and the sitemap, rendered from :class:`SiteArticle` values.

Pages link to each other with relative URLs, so the same files work under any
web server, under the desk's ``/site/`` preview and from a folder; only what must
be absolute (canonical and ``hreflang`` links, the sitemap, the feeds) uses the
public base URL. The renderer writes nothing: it yields ``(path, bytes)`` pairs and
the release code decides where they go (see ``releases.py``).

Layout (``S`` a section folder, ``slug`` an article's slug in that language)::

    index.html                      language choice, sends readers to vi/
    sitemap.xml                     every page with its xhtml:link alternates
    assets/site.css                 the only stylesheet; no outside assets
    vi/index.html  en/index.html    home pages
    vi/feed.xml    en/feed.xml      Atom, newest articles of the language
    vi/S/index.html, vi/S/page/N.html, vi/S/feed.xml    a section, paginated, its feed
    vi/S/slug.html                  an article (and en/… likewise)

Articles are files, not folders with an ``index.html``: a release is a hard-link
copy of the previous one, and on this kind of disk every folder created (and later
pruned) costs far more than a link, so the tree keeps a few dozen folders however
many articles there are.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

import lxml.html
from feedgen.feed import FeedGenerator
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from translate.desk.documents import CATEGORIES, LANGS, Category
from translate.desk.publishing.loader import SiteArticle, newest_first
from translate.desk.publishing.site_words import LANG_NAMES, WORDS, iso_utc, local_date
from translate.desk.publishing.slugs import section_slug

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STYLESHEET = HERE / "site.css"
FAVICON = HERE / "favicon.svg"
PAGE_SIZE = 12
HOME_LATEST = 7
HOME_PER_SECTION = 3
FEED_SIZE = 20
DEFAULT_LANG = "vi"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
BY_SLUG = {c.slug: c for c in CATEGORIES}


def make_environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "xml"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, auto_reload=False)
    env.filters["date"] = local_date
    env.filters["iso"] = iso_utc
    return env


ENV = make_environment()


def aware(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC)


def section_of(slug: str) -> Category:
    return BY_SLUG.get(slug) or CATEGORIES[-1]


def article_path(article: SiteArticle, lang: str) -> str:
    """The article's URL relative to the site root ("vi/am-thuc/pho-ha-noi.html")."""
    return f"{lang}/{section_slug(section_of(article.section), lang)}/{article.slugs[lang]}.html"


def section_path(category: Category, lang: str, page: int = 1) -> str:
    base = f"{lang}/{section_slug(category, lang)}/"
    return base if page == 1 else f"{base}page/{page}.html"


def file_of(url_path: str) -> str:
    return url_path + "index.html" if url_path.endswith("/") or not url_path else url_path


def body_with_images(article: SiteArticle, lang: str, root: str) -> str:
    """The body with each media-store image pointed at the site's copy and given this language's alt text.

    An ``<img>`` that is neither in the media store nor an absolute http(s) address
    (a path from the old site, say) would be a broken picture on every page: it is
    dropped, and its figure keeps its caption.
    """
    html = article.texts[lang].body_html
    if "<img" not in html:
        return html
    by_sha = {img.sha256: img for img in article.images}
    wrapper = lxml.html.fragment_fromstring(html, create_parent="div")
    for img in list(wrapper.iter("img")):
        found = by_sha.get(img.get("data-media", ""))
        if found is not None:
            img.set("src", f"{root}media/{found.filename}")
            img.set("alt", found.alt.get(lang) or found.alt.get(DEFAULT_LANG) or "")
        elif not img.get("src", "").startswith(("https://", "http://")):
            img.drop_tree()
    return (wrapper.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in wrapper)


@dataclass
class Site:
    """All live articles with the base URL: what every page of a release is computed from."""

    articles: list[SiteArticle]
    base_url: str

    def __post_init__(self) -> None:
        self.articles = newest_first(self.articles)
        self.base_url = self.base_url.rstrip("/") + "/"
        self.by_section: dict[str, list[SiteArticle]] = {c.slug: [] for c in CATEGORIES}
        for article in self.articles:
            self.by_section.setdefault(article.section, []).append(article)

    def absolute(self, path: str) -> str:
        return self.base_url + path

    def pages_in(self, section: str) -> int:
        return max(1, math.ceil(len(self.by_section.get(section, [])) / PAGE_SIZE))

    # --- what one page needs -----------------------------------------------------------------

    def render(self, template: str, *, lang: str, path: str, paths: dict[str, str], **extra) -> bytes:
        """One HTML page; ``paths`` names this page in each language (for the switcher and hreflang)."""
        root = "../" * (file_of(path).count("/"))
        other = "en" if lang == "vi" else "vi"
        alternates = [(code, self.absolute(paths[code])) for code in LANGS]
        alternates.append(("x-default", self.absolute(paths[DEFAULT_LANG])))
        nav = [(c, root + section_path(c, lang), c.label(lang)) for c in CATEGORIES]
        html = ENV.get_template(template).render(
            lang=lang, other=other, root=root, w=WORDS[lang], lang_names=LANG_NAMES,
            canonical=self.absolute(paths[lang]), alternates=alternates, switch_url=root + paths[other],
            nav=nav, home_url=root + f"{lang}/", css_url=root + "assets/site.css",
            icon_url=root + "assets/favicon.svg",
            feed_url=root + f"{lang}/feed.xml", link=lambda a: root + article_path(a, lang), **extra)
        return html.encode("utf-8")

    def article_page(self, article: SiteArticle, lang: str) -> tuple[str, bytes]:
        paths = {code: article_path(article, code) for code in LANGS}
        path = paths[lang]
        root = "../" * path.count("/")
        category = section_of(article.section)
        body = Markup(body_with_images(article, lang, root))  # noqa: S704 -- sanitised when published
        data = self.render("article.html", lang=lang, path=path, paths=paths, article=article,
                           text=article.texts[lang], body=body, category=category,
                           section_url=root + section_path(category, lang),
                           section_feed=root + section_path(category, lang) + "feed.xml")
        return file_of(path), data

    def section_page(self, category: Category, lang: str, page: int) -> tuple[str, bytes]:
        items = self.by_section.get(category.slug, [])
        pages = self.pages_in(category.slug)
        paths = {code: section_path(category, code, page) for code in LANGS}
        root = "../" * paths[lang].count("/")
        data = self.render(
            "section.html", lang=lang, path=paths[lang], paths=paths, category=category,
            items=items[(page - 1) * PAGE_SIZE: page * PAGE_SIZE], page=page, pages=pages,
            prev_url=root + section_path(category, lang, page - 1) if page > 1 else None,
            next_url=root + section_path(category, lang, page + 1) if page < pages else None,
            section_feed=root + section_path(category, lang) + "feed.xml")
        return file_of(paths[lang]), data

    def home_page(self, lang: str) -> tuple[str, bytes]:
        paths = {code: f"{code}/" for code in LANGS}
        latest = self.articles[:HOME_LATEST]
        shown = {a.doc_id for a in latest}
        blocks = []
        for c in CATEGORIES:
            rest = [a for a in self.by_section.get(c.slug, []) if a.doc_id not in shown][:HOME_PER_SECTION]
            if rest:
                blocks.append((c, "../" + section_path(c, lang), rest))
        data = self.render("home.html", lang=lang, path=paths[lang], paths=paths, latest=latest, blocks=blocks,
                           nav_label=lambda a: section_of(a.section).label(lang))
        return file_of(paths[lang]), data

    def root_page(self) -> tuple[str, bytes]:
        html = ENV.get_template("root.html").render(w=WORDS, lang_names=LANG_NAMES, css_url="assets/site.css",
                                                    icon_url="assets/favicon.svg",
                                                    default=DEFAULT_LANG)
        return "index.html", html.encode("utf-8")

    # --- feeds and sitemap -------------------------------------------------------------------

    def feed(self, lang: str, category: Category | None = None) -> tuple[str, bytes]:
        """Atom for the language (or one of its sections), written by feedgen; dates from the articles."""
        items = self.articles if category is None else self.by_section.get(category.slug, [])
        items = items[:FEED_SIZE]
        page = f"{lang}/" if category is None else section_path(category, lang)
        words = WORDS[lang]
        fg = FeedGenerator()
        fg.id(self.absolute(page))
        title = words["site_name"] if category is None else f"{category.label(lang)} — {words['site_name']}"
        fg.title(title)
        fg.subtitle(words["tagline"])
        fg.language(lang)
        fg.author({"name": words["site_name"]})
        fg.link(href=self.absolute(page), rel="alternate", hreflang=lang, type="text/html")
        fg.link(href=self.absolute(page + "feed.xml"), rel="self", type="application/atom+xml")
        newest = max((a.updated_at for a in items), default=None)
        fg.updated(aware(newest) if newest else datetime(2000, 1, 1, tzinfo=UTC))
        for article in reversed(items):  # feedgen puts the last added first
            text = article.texts[lang]
            url = self.absolute(article_path(article, lang))
            entry = fg.add_entry()
            entry.id(url)
            entry.title(text.title)
            entry.link(href=url, rel="alternate", hreflang=lang, type="text/html")
            if text.summary:
                entry.summary(text.summary)
            entry.content(body_with_images(article, lang, self.base_url), type="html")
            entry.published(aware(article.first_published_at))
            entry.updated(aware(article.updated_at))
            entry.category(term=article.section, label=section_of(article.section).label(lang))
        return page + "feed.xml", fg.atom_str(pretty=True)

    def sitemap(self) -> tuple[str, bytes]:
        """Every home, section and article page, each with its xhtml:link alternates (and x-default).

        Written as text (every value escaped) rather than through an element tree: with a
        thousand articles it is the largest file a publication rewrites, and this is several
        times faster; the tests parse it with lxml.
        """
        entries: list[tuple[dict[str, str], str | None]] = []
        newest = max((a.updated_at for a in self.articles), default=None)
        entries.append(({lang: f"{lang}/" for lang in LANGS}, iso_utc(newest) if newest else None))
        for c in CATEGORIES:
            items = self.by_section.get(c.slug, [])
            entries.append(({lang: section_path(c, lang) for lang in LANGS},
                            iso_utc(max(a.updated_at for a in items)) if items else None))
        for article in self.articles:
            entries.append(({lang: article_path(article, lang) for lang in LANGS}, iso_utc(article.updated_at)))
        lines = ["<?xml version='1.0' encoding='UTF-8'?>",
                 f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">']
        for paths, lastmod in entries:
            hrefs = {code: xml_escape(self.absolute(paths[code]), {'"': "&quot;"}) for code in LANGS}
            links = "".join(f'\n    <xhtml:link rel="alternate" hreflang="{code}" href="{hrefs[code]}"/>'
                            for code in LANGS)
            links += f'\n    <xhtml:link rel="alternate" hreflang="x-default" href="{hrefs[DEFAULT_LANG]}"/>'
            mod = f"\n    <lastmod>{lastmod}</lastmod>" if lastmod else ""
            lines.extend(f"  <url>\n    <loc>{hrefs[lang]}</loc>{mod}{links}\n  </url>" for lang in LANGS)
        lines.append("</urlset>\n")
        return "sitemap.xml", "\n".join(lines).encode("utf-8")

    # --- which pages -------------------------------------------------------------------------

    def section_pages(self, section: str) -> Iterator[tuple[str, bytes]]:
        category = section_of(section)
        for lang in LANGS:
            for page in range(1, self.pages_in(section) + 1):
                yield self.section_page(category, lang, page)
            yield self.feed(lang, category)

    def shared_pages(self) -> Iterator[tuple[str, bytes]]:
        """What every publication changes: the homes, the language feeds, the sitemap, the root page."""
        for lang in LANGS:
            yield self.home_page(lang)
            yield self.feed(lang)
        yield self.sitemap()
        yield self.root_page()

    def all_pages(self) -> Iterator[tuple[str, bytes]]:
        yield "assets/site.css", STYLESHEET.read_bytes()
        yield "assets/favicon.svg", FAVICON.read_bytes()
        for article in self.articles:
            for lang in LANGS:
                yield self.article_page(article, lang)
        for c in CATEGORIES:
            yield from self.section_pages(c.slug)
        yield from self.shared_pages()

    def affected_pages(self, doc_ids: Iterable[int], sections: Iterable[str]) -> Iterator[tuple[str, bytes]]:
        """Only what one publication or withdrawal changes: its two pages, its section, the shared pages."""
        wanted = set(doc_ids)
        for article in self.articles:
            if article.doc_id in wanted:
                for lang in LANGS:  # both languages, one after the other
                    yield self.article_page(article, lang)
        for section in sorted(set(sections)):
            yield from self.section_pages(section)
        yield from self.shared_pages()


def section_page_dirs(section: str) -> list[str]:
    """The paginated folders of a section, cleared before its pages are written again (it may have shrunk)."""
    return [section_path(section_of(section), lang) + "page" for lang in LANGS]


def article_files(article: SiteArticle) -> list[str]:
    return [article_path(article, lang) for lang in LANGS]
