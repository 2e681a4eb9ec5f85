"""The hand-written OpenAPI document: valid, complete, and every example fits its schema."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .document import SEEDS, examples, load, operations, resolve

DOCUMENTED = {
    ("post", "/sessions"): "createSession",
    ("get", "/sessions/{id}"): "retrieveSession",
    ("post", "/sessions/{id}/end"): "endSession",
    ("get", "/sessions/{id}/transcript"): "retrieveSessionTranscript",
    ("get", "/sessions/{id}/recordings"): "listSessionRecordings",
    ("get", "/recordings/{id}"): "retrieveRecording",
    ("get", "/recordings/{recording_id}/audio"): "downloadRecordingAudio",
    ("get", "/recordings/{id}/download"): "downloadRecordingLegacy",
    ("post", "/sessions/{id}/analysis"): "createSessionAnalysis",
    ("get", "/analyses/{id}"): "retrieveAnalysis",
    ("get", "/analysis/{id}"): "retrieveAnalysisLegacy",
}
DEPRECATED = {"downloadRecordingLegacy", "retrieveAnalysisLegacy"}
CREDIT_CONSUMING = {"createSession", "createSessionAnalysis"}


def test_document_is_valid_openapi_3_1() -> None:
    document = load()
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_server_is_the_v1_base_url() -> None:
    assert [s["url"] for s in load()["servers"]] == ["https://api.kallglot.com/v1"]


def test_every_documented_operation_is_present_and_described() -> None:
    found = {(method, path): op for method, path, op in operations()}
    assert set(found) == set(DOCUMENTED)
    for key, operation_id in DOCUMENTED.items():
        op = found[key]
        assert op["operationId"] == operation_id
        assert op["tags"] and op["summary"] and op["description"], operation_id
        assert op.get("deprecated", False) == (operation_id in DEPRECATED), operation_id


def test_undocumented_endpoints_stay_out_and_are_explained() -> None:
    description = load()["info"]["description"]
    for path in ("/agents", "/sessions/{id}/dial"):
        assert path in description
        assert path not in load()["paths"]


def test_security_accepts_bearer_and_x_api_key() -> None:
    schemes = load()["components"]["securitySchemes"]
    assert schemes["bearerAuth"] == {**schemes["bearerAuth"], "type": "http", "scheme": "bearer"}
    assert (schemes["apiKeyHeader"]["in"], schemes["apiKeyHeader"]["name"]) == ("header", "X-API-Key")
    assert {next(iter(s)) for s in load()["security"]} == {"bearerAuth", "apiKeyHeader"}


def test_every_post_takes_an_idempotency_key() -> None:
    for method, path, op in operations():
        if method == "post":
            names = [resolve(p)["name"] for p in op.get("parameters", [])]
            assert "Idempotency-Key" in names, path


@pytest.mark.parametrize(("method", "path"), sorted(DOCUMENTED))
def test_success_responses_carry_request_id_and_rate_limit_headers(method: str, path: str) -> None:
    op = load()["paths"][path][method]
    for status, response in op["responses"].items():
        if not status.startswith("2"):
            continue
        headers = resolve(response).get("headers", {})
        assert "X-Request-ID" in headers, (path, status)
        if op["operationId"] == "downloadRecordingLegacy":
            continue
        assert {"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"} <= set(headers), (path, status)
        if op["operationId"] in CREDIT_CONSUMING:
            assert {"X-API-Credits-Remaining", "X-API-Credits-Used"} <= set(headers), (path, status)


def test_create_session_succeeds_with_200_or_201_and_analysis_with_202() -> None:
    paths = load()["paths"]
    assert {"200", "201"} <= set(paths["/sessions"]["post"]["responses"])
    assert "202" in paths["/sessions/{id}/analysis"]["post"]["responses"]


def test_documented_error_statuses_are_reusable_responses_with_the_envelope() -> None:
    responses = load()["components"]["responses"]
    by_status = {
        "400": "BadRequest", "401": "Unauthorized", "402": "PaymentRequired", "403": "Forbidden",
        "404": "NotFound", "409": "Conflict", "422": "UnprocessableEntity", "429": "TooManyRequests",
        "500": "InternalServerError", "502": "BadGateway", "503": "ServiceUnavailable",
    }  # fmt: skip
    for name in by_status.values():
        schema = responses[name]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/ErrorResponse"}
    for name in ("TooManyRequests", "Conflict"):
        assert "Retry-After" in responses[name]["headers"]
    detail = load()["components"]["schemas"]["ErrorDetail"]
    assert sorted(detail["required"]) == ["code", "message", "type"]
    assert set(detail["properties"]) == {"type", "code", "message", "param", "request_id", "retry_after", "doc_url"}
    create = load()["paths"]["/sessions"]["post"]["responses"]
    assert {status: create[status]["$ref"].rsplit("/", 1)[1] for status in by_status if status in create} == {
        status: name for status, name in by_status.items() if status != "404"
    }


def test_error_examples_and_descriptions_name_the_documented_codes() -> None:
    # A code the pages name without a JSON body sits in its response's description, not in an invented example.
    errors = [v["error"] for _, _, v in examples() if isinstance(v, dict) and isinstance(v.get("error"), dict)]
    in_examples = {error["code"] for error in errors}
    assert {"invalid_request", "invalid_api_key", "insufficient_api_credits", "rate_limit_exceeded"} <= in_examples
    responses = load()["components"]["responses"]
    named = {
        "BadRequest": "idempotency_mismatch",
        "Forbidden": "organization_inactive",
        "Conflict": "idempotency_conflict",
        "AnalysisBadRequest": "transcript_not_available",
    }
    for name, code in named.items():
        assert f"`{code}`" in responses[name]["description"], name


def test_list_envelope_and_pagination_parameters() -> None:
    components = load()["components"]
    assert components["schemas"]["RecordingList"]["properties"]["object"] == {"type": "string", "const": "list"}
    limit = components["parameters"]["Limit"]["schema"]
    assert (limit["minimum"], limit["maximum"], limit["default"]) == (1, 100, 20)
    op = load()["paths"]["/sessions/{id}/recordings"]["get"]
    names = {resolve(p)["name"] for p in op["parameters"]}
    assert {"limit", "starting_after", "ending_before"} <= names


STREAM_MESSAGES = {
    "AudioInputMessage": "audio.input", "PingMessage": "ping", "SessionEndMessage": "session.end",
    "SessionReadyEvent": "session.ready", "TranscriptPartialEvent": "transcript.partial",
    "TranscriptFinalEvent": "transcript.final", "AudioOutputEvent": "audio.output",
    "SessionEndedEvent": "session.ended", "ErrorEvent": "error", "SessionErrorEvent": "session.error",
    "PongEvent": "pong",
}  # fmt: skip


def test_stream_messages_are_schemas_with_a_type_const() -> None:
    schemas = load()["components"]["schemas"]
    for name, type_value in STREAM_MESSAGES.items():
        assert schemas[name]["properties"]["type"]["const"] == type_value, name
        assert "type" in schemas[name]["required"], name
    audio = schemas["AudioInputMessage"]
    assert set(audio["properties"]) == {"type", "sequence", "timestamp_ms", "speaker", "audio"}
    assert set(schemas["StreamAudioInput"]["properties"]) == {"encoding", "sample_rate_hz", "payload"}
    stream = load()["x-kallglot-stream"]
    assert stream["token"]["lifetime-seconds"] == 300
    assert set(stream["client-messages"]) | set(stream["server-messages"]) == set(STREAM_MESSAGES.values())


WEBHOOK_TYPES = {
    "session.created", "session.started", "session.ended", "transcript.ready", "transcript.segment",
    "recording.ready", "recording.failed", "analysis.complete", "analysis.failed",
    "session.provider.connected", "session.provider.disconnected",
}  # fmt: skip


def test_webhooks_cover_every_documented_event_with_a_signature_header() -> None:
    document = load()
    assert set(document["webhooks"]) == WEBHOOK_TYPES
    assert set(document["components"]["schemas"]["WebhookEventType"]["enum"]) == WEBHOOK_TYPES
    for name, item in document["webhooks"].items():
        post = resolve(item)["post"]
        headers = {resolve(p)["name"] for p in post["parameters"]}
        assert "Kallglot-Signature" in headers, name
        envelope = resolve(post["requestBody"]["content"]["application/json"]["schema"])
        assert {"id", "type", "api_version", "created_at", "data"} <= set(envelope["properties"]), name


def test_objects_stay_open_to_unknown_fields() -> None:
    closed = [
        name
        for name, schema in load()["components"]["schemas"].items()
        if schema.get("additionalProperties") is False and name != "AudioInputMessage"
    ]
    assert closed == []


def _validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    resource = Resource.from_contents(load(), default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource("urn:kallglot", resource)
    if "$ref" in schema:
        schema = {"$ref": "urn:kallglot" + schema["$ref"]}
    return jsonschema.Draft202012Validator(schema, registry=registry)


ALL_EXAMPLES = list(examples())


def test_the_document_has_examples_for_every_operation() -> None:
    assert len(ALL_EXAMPLES) > 40
    operations_with_examples = {where.split("/")[2] for where, _, _ in ALL_EXAMPLES if where.startswith("#/paths/")}
    assert {"~1sessions", "~1sessions~1{id}", "~1sessions~1{id}~1end", "~1sessions~1{id}~1transcript"} <= (
        operations_with_examples
    )
    assert {"~1sessions~1{id}~1recordings", "~1recordings~1{id}", "~1sessions~1{id}~1analysis"} <= (
        operations_with_examples
    )


@pytest.mark.parametrize(("where", "schema", "value"), ALL_EXAMPLES, ids=[w for w, _, _ in ALL_EXAMPLES])
def test_every_example_validates_against_its_schema(where: str, schema: dict[str, Any], value: Any) -> None:
    errors = sorted(_validator(schema).iter_errors(value), key=str)
    assert errors == [], [e.message for e in errors]


def test_an_invalid_example_would_be_caught() -> None:
    schema = {"$ref": "#/components/schemas/Session"}
    assert list(_validator(schema).iter_errors({"id": "sess_1", "object": "recording", "status": "active"}))


def _seed_json_objects() -> list[tuple[str, Any]]:
    found = []
    decoder = json.JSONDecoder()
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        position = 0
        while (position := text.find("{", position)) != -1:
            try:
                value, end = decoder.raw_decode(text, position)
            except json.JSONDecodeError:
                position += 1
                continue
            found.append((seed.name, value))
            position = end
    return found


@pytest.mark.skipif(
    not SEEDS.is_dir(),
    reason="the Kallglot documentation pages the spec's examples were copied from are not available here, "
    "so the examples can't be compared with the docs",
)
def test_every_json_example_of_the_seed_pages_sits_in_the_document() -> None:
    in_document = [value for _, _, value in ALL_EXAMPLES]
    seeds = _seed_json_objects()
    assert len(seeds) >= 10
    missing = [(name, value) for name, value in seeds if value not in in_document]
    assert missing == []


def test_no_yaml_slip_turned_text_into_a_key() -> None:
    # In a flow mapping, a comma inside unquoted text starts a new key: {description: a, b} has a key "b".
    def stray(node: Any, path: str) -> list[str]:
        if isinstance(node, dict):
            found = [f"{path}/{k}" for k, v in node.items() if v is None and " " in str(k)]
            return found + [p for k, v in node.items() for p in stray(v, f"{path}/{k}")]
        if isinstance(node, list):
            return [p for i, v in enumerate(node) for p in stray(v, f"{path}/{i}")]
        return []

    assert stray(load(), "#") == []


def test_webhook_operations_have_unique_ids_no_api_key_and_a_tag() -> None:
    document = load()
    ids = []
    for name, item in document["webhooks"].items():
        post = resolve(item)["post"]
        ids.append(post["operationId"])
        assert post["security"] == [], name
        assert post["tags"] == ["webhooks"], name
    later = document["components"]["pathItems"]["LaterWebhookEvent"]["post"]
    ids.append(later["operationId"])
    assert later["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/WebhookEvent"
    }
    rest = [op["operationId"] for _, _, op in operations()]
    assert len(set(ids + rest)) == len(ids + rest)


def test_webhook_data_requires_no_field_a_page_does_not_show() -> None:
    schemas = load()["components"]["schemas"]
    shown = {"id", "object", "status", "duration"}  # session.ended's data on the webhooks page
    session_data = resolve(schemas["SessionWebhookEvent"]["properties"]["data"])
    assert set(session_data["required"]) <= shown
    for envelope in ("TranscriptWebhookEvent", "TranscriptSegmentWebhookEvent", "RecordingWebhookEvent",
                     "AnalysisWebhookEvent"):  # fmt: skip
        data = resolve(schemas[envelope]["properties"]["data"])
        assert data.get("required", []) == [], envelope
        assert data["additionalProperties"] is True and data["x-inferred"] is True, envelope


@pytest.mark.parametrize(
    ("union", "direction"), [("StreamClientMessage", "client-messages"), ("StreamServerMessage", "server-messages")]
)
def test_stream_messages_are_unions_discriminated_on_type(union: str, direction: str) -> None:
    document = load()
    schema = document["components"]["schemas"][union]
    table = document["x-kallglot-stream"][direction]
    assert [option["$ref"] for option in schema["oneOf"]] == list(table.values())
    assert schema["discriminator"] == {"propertyName": "type", "mapping": table}
    for type_value, ref in table.items():
        assert resolve({"$ref": ref})["properties"]["type"]["const"] == type_value
    # The unions are reachable from the document's structure (the stream handshake), not only from strings.
    connect = document["components"]["pathItems"]["StreamConnection"]["get"]
    body = connect["requestBody"]["content"]["application/json"]["schema"]
    frames = connect["responses"]["101"]["content"]["application/json"]["schema"]
    assert {body["$ref"], frames["$ref"]} == {"#/components/schemas/StreamClientMessage",
                                              "#/components/schemas/StreamServerMessage"}  # fmt: skip


def test_an_analysis_without_a_transcript_is_a_documented_400() -> None:
    responses = load()["paths"]["/sessions/{id}/analysis"]["post"]["responses"]
    bad_request = resolve(responses["400"])
    assert "transcript_not_available" in bad_request["description"]
    assert bad_request["x-inferred"] is True
    assert bad_request["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorResponse"}


def test_examples_no_page_has_are_gone() -> None:
    document = load()
    assert "ListEnvelope" not in document["components"]["schemas"]
    assert "examples" not in document["components"]["responses"]["AnalysisRetrieved"]["content"]["application/json"]
    transcript = document["paths"]["/sessions/{id}/transcript"]["get"]["responses"]["200"]
    assert "older_segments" not in transcript["content"]["application/json"]["examples"]
    recording = document["paths"]["/recordings/{id}"]["get"]["responses"]["200"]["content"]["application/json"]
    assert all("expires_at" not in example["value"] for example in recording["examples"].values())
    for example in document["components"]["schemas"]["AudioInputMessage"]["examples"]:
        assert example["timestamp_ms"] >= 10**12  # milliseconds since the epoch, not seconds


def test_wav_audio_is_marked_as_the_mocks() -> None:
    content = load()["paths"]["/recordings/{recording_id}/audio"]["get"]["responses"]["200"]["content"]
    assert content["audio/mpeg"].get("x-inferred") is None
    assert content["audio/wav"]["x-inferred"] is True and "mock" in content["audio/wav"]["x-inferred-reason"]
