"""Errors a user can act on.

Every error the CLI or API reports derives from :class:`SongnguError`, so callers
can print a one-line message instead of a traceback.
"""


class SongnguError(Exception):
    """Base of every error with a message meant for the user."""

    code = "error"


class UnknownPairError(SongnguError):
    code = "unknown_pair"


class ModelNotFoundError(SongnguError):
    code = "model_not_found"


class ModelFetchError(SongnguError):
    code = "model_fetch_failed"


class InputError(SongnguError):
    """The input itself is unusable: empty, wrong encoding, too large, malformed."""

    code = "bad_input"


class TooLargeError(InputError):
    """The input is over a size limit (the message names it); the API answers 413."""

    code = "too_large"


class EngineError(SongnguError):
    code = "engine_error"
