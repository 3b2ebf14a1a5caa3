"""Property-based tests of the JSON API from its own OpenAPI description (schemathesis).

Every operation the served ``/api/v1/openapi.json`` describes is called with
generated requests -- valid ones and deliberately invalid ones (wrong types,
missing fields, odd strings, out-of-range numbers) -- as an admin, through the
Flask app directly (WSGI, no network). Whatever arrives, the answer is never a
server error: a 5xx here is a bug.

Bounded so the file runs in about a minute: a few dozen examples per operation
and generation mode (valid requests, then invalid ones). Every operation is
included; the one that starts machine-translation jobs only queues them here
(no worker runs), so it is cheap.

The operations are walked inside one test per mode rather than through
``schemathesis.pytest.from_fixture``, whose subtest reporting does not work with
pytest 9 (it rewrites a node attribute pytest no longer has).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable

from tests.conftest import module_desk
from translate.desk import Desk
from webui.app import create_app

pytestmark = pytest.mark.slow

PASSWORD = "correct horse battery staple"
EXAMPLES_PER_OPERATION = 20


@pytest.fixture(scope="module")
def desk(test_models_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    with module_desk(test_models_dir, tmp_path_factory, "schemathesis") as d:
        yield d


@pytest.fixture(scope="module")
def admin_headers(desk: Desk) -> dict[str, str]:
    """An admin's token, and a few documents so that small generated ids find real rows."""
    admin = desk.accounts.create_user("ada", "admin", PASSWORD)
    editor = desk.accounts.create_user("edith", "editor", PASSWORD)
    for i in range(3):
        desk.documents.create(editor, source_lang="vi", category="events", title=f"Tin số {i}",
                              summary="Tóm tắt & ghi chú.",
                              body_html=f"<p>Phố cổ có <b>nhiều</b> nghề {i}. Mỗi phố một nghề.</p>")
    return {"Authorization": f"Bearer {desk.accounts.create_token(admin.name, label='schemathesis')}"}


@pytest.fixture(scope="module")
def app(desk: Desk) -> Flask:
    return create_app({"TESTING": True, "SECRET_KEY": "test-only"}, desk=desk)


def _server_errors(operation: schemathesis.APIOperation, mode: schemathesis.GenerationMode,
                   headers: dict[str, str]) -> list[str]:
    """Run generated requests against one operation; describe the first one answered with a 5xx, if any."""
    found: list[str] = []

    @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, derandomize=True, database=None,
              phases=(Phase.explicit, Phase.generate), suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(generation_mode=mode))
    def check(case: schemathesis.Case) -> None:
        response = case.call(headers=headers)
        if response.status_code >= 500 and not found:
            found.append(f"{operation.label} ({mode.value}) answered {response.status_code}: "
                         f"{response.text[:300]}\n    {case.as_curl_command()}")

    try:
        check()
    except Unsatisfiable:  # nothing about the operation can be made invalid (no parameters, no body)
        assert mode is schemathesis.GenerationMode.NEGATIVE
    return found


@pytest.mark.parametrize("mode", list(schemathesis.GenerationMode), ids=lambda m: m.value)
def test_no_generated_request_gets_a_server_error(app: Flask, admin_headers: dict[str, str],
                                                  mode: schemathesis.GenerationMode) -> None:
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20  # the whole API, glossary included
    failures = [problem for operation in operations for problem in _server_errors(operation, mode, admin_headers)]
    assert failures == [], "\n".join(failures)
