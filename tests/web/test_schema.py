"""Property-based API testing with schemathesis over the published OpenAPI spec, in-process (ASGI transport, no
network): no request may cause a 5xx, and every response must match its documented schema."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

EXAMPLES = 30  # per operation


def test_api_never_fails_on_the_server(store_path):
    from kuroshio.web import create_app

    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(str(store_path)))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
        def check(case):  # type: ignore[no-untyped-def]
            case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])

        check()
