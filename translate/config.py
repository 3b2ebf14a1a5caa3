"""Settings read from ``SONGNGU_*`` environment variables.

Read on each call rather than once at import so tests and the CLI can change the
environment without reloading modules.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_path

ENGINES = ("auto", "ctranslate2", "transformers")
DEVICES = ("auto", "cpu", "cuda")


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


def _public_url(raw: str | None) -> str | None:
    from urllib.parse import urlsplit

    from translate.errors import SongnguError

    value = (raw or "").strip().rstrip("/")
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SongnguError(f"SONGNGU_PUBLIC_URL must be an http:// or https:// address with a host; got {raw!r}")
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
    )
