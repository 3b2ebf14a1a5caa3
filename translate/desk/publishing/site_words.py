"""The public site's own words in both languages, and dates written the way each language writes them."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date

SITE_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
LANG_NAMES = {"vi": "Tiếng Việt", "en": "English"}

WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "site_name": "Văn hoá Sáng tạo",
        "tagline": "Tin và bài về đời sống văn hoá, sáng tạo của thành phố — song ngữ Việt · Anh",
        "home": "Trang chủ",
        "sections": "Chuyên mục",
        "latest": "Mới nhất",
        "more_in": "Xem tất cả",
        "no_articles": "Chưa có bài viết nào trong chuyên mục này.",
        "no_articles_home": "Chưa có bài viết nào được đăng.",
        "previous": "Trang trước",
        "next": "Trang sau",
        "page_of": "Trang {page} / {pages}",
        "read_in": "Read in English",
        "switch_label": "English version",
        "published": "Đăng ngày",
        "updated": "Cập nhật",
        "feed": "Nguồn tin Atom",
        "skip": "Bỏ qua, đến nội dung chính",
        "footer": "Mỗi bài viết được đăng đồng thời bằng tiếng Việt và tiếng Anh.",
        "pagination": "Phân trang",
        "breadcrumb": "Đường dẫn",
    },
    "en": {
        "site_name": "Creative Culture",
        "tagline": "News and stories from the city's cultural and creative life — in Vietnamese and English",
        "home": "Home",
        "sections": "Sections",
        "latest": "Latest",
        "more_in": "See all",
        "no_articles": "No articles in this section yet.",
        "no_articles_home": "Nothing has been published yet.",
        "previous": "Previous page",
        "next": "Next page",
        "page_of": "Page {page} of {pages}",
        "read_in": "Đọc bằng tiếng Việt",
        "switch_label": "Phiên bản tiếng Việt",
        "published": "Published",
        "updated": "Updated",
        "feed": "Atom feed",
        "skip": "Skip to the main content",
        "footer": "Every article is published in Vietnamese and English at the same time.",
        "pagination": "Pagination",
        "breadcrumb": "Breadcrumb",
    },
}


def local_date(value: datetime, lang: str) -> str:
    return _local_date(value, lang)


@lru_cache(maxsize=4096)
def _local_date(value: datetime, lang: str) -> str:
    """A stored naive-UTC time as a long date in the city's time zone ("3 tháng 12, 2026" / "December 3, 2026")."""
    local = value.replace(tzinfo=UTC).astimezone(SITE_TZ)
    return format_date(local.date(), format="long", locale=lang)


def iso_utc(value: datetime) -> str:
    return value.replace(tzinfo=UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
