"""The API reference page (Swagger UI), served from this server only.

apiflask's own page loads Swagger UI from a public CDN and starts it with an
inline script; both break under our Content-Security-Policy (``script-src
'self'``) and would let a third party run script on our origin. Here the
Swagger UI files come from the installed ``flask-swagger-ui`` package and the
page starts it with a script file of ours. The page takes over apiflask's
``openapi.docs`` endpoint, so its path (``docs_path``) and name stay as they were.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    current_app,
    render_template_string,
    send_from_directory,
    url_for,
)

DOCS_PATH = "/api/v1/docs"
# Only the files the page needs; nothing else of the package is reachable.
ASSETS = frozenset({"swagger-ui.css", "index.css", "swagger-ui-bundle.js", "favicon-16x16.png", "favicon-32x32.png"})

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <title>{{ title }} {{ version }} - API reference</title>
  <link rel="stylesheet" href="{{ url_for('api_docs.asset', filename='index.css') }}">
  <link rel="stylesheet" href="{{ url_for('api_docs.asset', filename='swagger-ui.css') }}">
  <link rel="icon" type="image/png" sizes="32x32" href="{{ url_for('api_docs.asset', filename='favicon-32x32.png') }}">
</head>
<body>
  <div id="swagger-ui" data-spec-url="{{ spec_url }}"></div>
  <script src="{{ url_for('api_docs.asset', filename='swagger-ui-bundle.js') }}"></script>
  <script src="{{ url_for('api_docs.start_script') }}"></script>
</body>
</html>
"""

# validatorUrl: null, or Swagger UI would show a badge image fetched from swagger.io.
# BaseLayout without the standalone preset: the preset's top bar draws its logo with an
# inline <style>, which the policy blocks; the bar (a box to load other specs) is not needed.
START_SCRIPT = """window.addEventListener("load", function () {
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.specUrl,
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
});
"""

bp = Blueprint("api_docs", __name__)


def swagger_ui_dir() -> Path:
    return Path(str(files("flask_swagger_ui") / "dist"))


def page() -> str:
    """Stands in for apiflask's ``openapi.docs`` view, so ``url_for('openapi.docs')`` still finds it."""
    return render_template_string(PAGE, title=current_app.title, version=current_app.version,
                                  spec_url=url_for("openapi.spec"))


@bp.get(f"{DOCS_PATH}/start.js")
def start_script() -> Response:
    return Response(START_SCRIPT, mimetype="text/javascript")


@bp.get(f"{DOCS_PATH}/assets/<filename>")
def asset(filename: str) -> Response:
    if filename not in ASSETS:
        abort(404)
    return send_from_directory(swagger_ui_dir(), filename, max_age=86400)


def init_app(app: Flask) -> None:
    """Serve Swagger UI's files, and put our page in place of apiflask's at its ``docs_path``."""
    if "openapi.docs" not in app.view_functions:
        raise RuntimeError("create the APIFlask app with docs_path set: its page is replaced here")
    app.view_functions["openapi.docs"] = page
    app.register_blueprint(bp)
