"""Settings read from ``SONGNGU_*`` environment variables.

Read on each call rather than once at import so tests and the CLI can change the
environment without reloading modules.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_path

ENGINES = ("auto", "ctranslate2", "transformers")
DEVICES = ("auto", "cpu", "cuda")
TERM_STRATEGIES = ("repair", "decode")


@dataclass(frozen=True)
class Settings:
    models_dir: Path
    engine: str
    device: str
    instance: Path
    database_url: str
    beam_size: int
    max_batch_tokens: int
    threads: int
    redis_url: str | None
    job_batch: int
    job_lease_s: int
    # Where users reach the site (SONGNGU_PUBLIC_URL), e.g. "https://desk.example.vn"; None when unset.
    public_url: str | None = None
    # Cookies only over https (SONGNGU_SECURE_COOKIES); on by default when public_url is https.
    secure_cookies: bool = False
    # Reverse proxies in front of the desk that may be trusted for X-Forwarded-For/-Proto/-Host
    # (SONGNGU_TRUSTED_PROXIES, default 0: the headers are ignored, since a client could forge them).
    trusted_proxies: int = 0
    # How a required glossary term the draft lacks gets in (SONGNGU_TERM_STRATEGY): "repair" writes it over
    # the aligned words; "decode" lets the model place it (translate/term_placement.py), repair as fallback.
    term_strategy: str = "repair"
    # The published bilingual site (SONGNGU_SITE_DIR; default <instance>/site, a symlink to its current release).
    site_dir: Path | None = None
    # The site's public base URL (SONGNGU_SITE_URL), e.g. "https://culture.example.vn"; None when unset.
    site_url: str | None = None
    # Where publications and withdrawals are POSTed (SONGNGU_WEBHOOK_URL), signed with SONGNGU_WEBHOOK_SECRET.
    webhook_url: str | None = None
    webhook_secret: str | None = field(default=None, repr=False)
    # Article photos, content-addressed (SONGNGU_MEDIA_DIR; default <instance>/media).
    media_dir: Path | None = None


def default_models_dir() -> Path:
    """Checkpoints live beside the registry (git-ignored) in a source checkout."""
    import models

    return Path(models.__file__).resolve().parent / "checkpoints"


def default_instance() -> Path:
    return user_data_path("songngu", appauthor=False)


def _int(name: str, default: int, minimum: int = 0) -> int:
    from translate.errors import SongnguError

    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise SongnguError(f"{name} must be an integer, got {raw!r}") from exc
    if value < minimum:
        raise SongnguError(f"{name} must be at least {minimum}, got {value}")
    return value


def _public_url(raw: str | None, name: str = "SONGNGU_PUBLIC_URL") -> str | None:
    from urllib.parse import urlsplit

    from translate.errors import SongnguError

    value = (raw or "").strip().rstrip("/")
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SongnguError(f"{name} must be an http:// or https:// address with a host; got {raw!r}")
    return value


def _flag(name: str, default: bool) -> bool:
    from translate.errors import SongnguError

    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    raise SongnguError(f"{name} must be true or false (1/0, yes/no, on/off); got {raw!r}")


def _webhook(env) -> dict:
    """The CMS webhook: an http(s) URL kept exactly as given, and the secret that must come with it."""
    from urllib.parse import urlsplit

    from translate.errors import SongnguError

    url = (env.get("SONGNGU_WEBHOOK_URL") or "").strip() or None
    secret = (env.get("SONGNGU_WEBHOOK_SECRET") or "").strip() or None
    if url is not None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SongnguError(f"SONGNGU_WEBHOOK_URL must be an http:// or https:// address with a host; got {url!r}")
        if secret is None or len(secret) < 16:
            raise SongnguError("SONGNGU_WEBHOOK_SECRET must be set (16 characters or more) when "
                               "SONGNGU_WEBHOOK_URL is: every delivery is signed with it")
    return {"webhook_url": url, "webhook_secret": secret}


def load_settings() -> Settings:
    from translate.errors import SongnguError

    env = os.environ
    engine = env.get("SONGNGU_ENGINE", "auto").strip().lower() or "auto"
    if engine not in ENGINES:
        raise SongnguError(f"SONGNGU_ENGINE must be one of {', '.join(ENGINES)}; got {engine!r}")
    device = env.get("SONGNGU_DEVICE", "auto").strip().lower() or "auto"
    if device not in DEVICES:
        raise SongnguError(f"SONGNGU_DEVICE must be one of {', '.join(DEVICES)}; got {device!r}")
    models_dir = Path(env["SONGNGU_MODELS_DIR"]).expanduser() if env.get("SONGNGU_MODELS_DIR") else default_models_dir()
    instance = Path(env["SONGNGU_INSTANCE"]).expanduser() if env.get("SONGNGU_INSTANCE") else default_instance()
    database_url = env.get("SONGNGU_DATABASE_URL") or f"sqlite:///{instance / 'songngu.db'}"
    public_url = _public_url(env.get("SONGNGU_PUBLIC_URL"))
    term_strategy = env.get("SONGNGU_TERM_STRATEGY", "repair").strip().lower() or "repair"
    if term_strategy not in TERM_STRATEGIES:
        raise SongnguError(f"SONGNGU_TERM_STRATEGY must be one of {', '.join(TERM_STRATEGIES)}; got {term_strategy!r}")
    return Settings(
        models_dir=models_dir,
        engine=engine,
        device=device,
        instance=instance,
        database_url=database_url,
        beam_size=_int("SONGNGU_BEAM_SIZE", 4, minimum=1),
        max_batch_tokens=_int("SONGNGU_MAX_BATCH_TOKENS", 2048, minimum=64),
        threads=_int("SONGNGU_THREADS", 0),
        redis_url=env.get("SONGNGU_REDIS_URL", "").strip() or None,
        job_batch=_int("SONGNGU_JOB_BATCH", 16, minimum=1),
        job_lease_s=_int("SONGNGU_JOB_LEASE_S", 120, minimum=1),
        public_url=public_url,
        secure_cookies=_flag("SONGNGU_SECURE_COOKIES", bool(public_url and public_url.startswith("https://"))),
        trusted_proxies=_int("SONGNGU_TRUSTED_PROXIES", 0),
        term_strategy=term_strategy,
        site_dir=Path(env["SONGNGU_SITE_DIR"]).expanduser() if env.get("SONGNGU_SITE_DIR") else instance / "site",
        site_url=_public_url(env.get("SONGNGU_SITE_URL"), "SONGNGU_SITE_URL"),
        media_dir=Path(env["SONGNGU_MEDIA_DIR"]).expanduser() if env.get("SONGNGU_MEDIA_DIR") else instance / "media",
        **_webhook(env),
    )
