"""songngu's web layer: the Flask app factory, browser sign-in and the REST API.

Thin on purpose: it parses requests, knows who is asking, calls
:class:`translate.desk.Desk`, and renders. Rules (roles, states, locking) live in
the Desk so the CLI, the API and the browser all meet the same ones.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("songngu")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+unknown"
