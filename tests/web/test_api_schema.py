"""schemathesis sends every operation what its OpenAPI schema allows and what it does not
(as Sở Nội vụ, who may change any plan and task): the API never answers 500, and every answer
has a status and a body its schema documents, so clients generated from it can read them."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import Case, GenerationMode
from schemathesis.checks import (
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from tests.web.server import Server

EXAMPLES_PER_OPERATION = 20
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


def test_every_answer_is_one_the_schema_documents(server: Server) -> None:
    schema = schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    headers = server.headers("chuyen-vien.snv")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 30  # every CLI command has its endpoint
    failures = []
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=EXAMPLES_PER_OPERATION,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            def call(case: Case) -> None:
                case.call_and_validate(base_url=server.url, headers=headers, checks=CHECKS)

            try:
                call()
            except Unsatisfiable:
                assert mode is GenerationMode.NEGATIVE, operation.label  # no input to get wrong
            except (AssertionError, BaseExceptionGroup) as failure:
                # schemathesis' Failure(Group) names the case and how to reproduce it with curl
                failures.append(f"{operation.label} ({mode}): {failure!r}")
    assert not failures, "\n\n".join(failures)
