#!/usr/bin/env python3
"""Check cloudql's embedded provider documents (StackQL's provider format).

Loads provider.yaml and every service document it points at, and checks that:

  * every document parses, with no duplicate mapping keys, no non-string keys (an unquoted
    `200:`) and no value YAML would silently turn into a date or a boolean where a string is
    meant (an unquoted `2024-04-03`, an enum value `On`);
  * every `$ref` resolves: `#/...` JSON pointers (RFC 6901: `~1` is `/`, `~0` is `~`) inside a
    service document, and the `azure/v00.00.00000/services/x.yaml` service refs in provider.yaml;
  * every path key carries `?api-version=<version>`, the same version as the document's
    `info.version`, and no operation declares `api-version` as a parameter;
  * every `{x}` in a path template has an `in: path` parameter named `x` with `required: true`
    in every operation of that path, and no operation has a path parameter the template lacks;
  * every method of every `x-stackQL-resources` entry points at an operation that exists, its
    `response.openAPIDocKey` names a declared response, and its `objectKey` reaches an array;
  * every `sqlVerbs` entry points at a method of the same resource;
  * the row schema of every resource is flat and each top-level field carries `type` and
    `description` itself (what DESCRIBE shows), and a field's description agrees with the
    schema it references through `allOf`;
  * optionally, a StackQL documentation page (the seed, e.g. user_sessions.md) matches what the
    documents say: the resource id, its fields (name, type, description) and its methods (order,
    required parameters, SQL verb, description).

Exits 0 when everything holds, 1 with one line per problem otherwise, 2 on bad usage.

Usage:
  scripts/check_providers.py [--registry DIR] [--seed FILE ...] [--no-seed]
"""

from __future__ import annotations

import argparse
import datetime
import html
import re
import sys
from pathlib import Path
from typing import Any, Iterator

import yaml

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
SQL_VERBS = ("select", "insert", "update", "replace", "delete")
SCRIPT_DIR = Path(__file__).resolve().parent
DEFAULT_REGISTRY = SCRIPT_DIR.parent / "Sources" / "CloudQL" / "Resources" / "providers" / "src"
# The shared folder sits beside the repository (../shared), wherever the clone is.
DEFAULT_SEEDS = [Path(__file__).resolve().parent.parent.parent / "shared/seed/user_sessions.md"]


# --------------------------------------------------------------------------------------------
# Loading


class _StrictLoader(yaml.SafeLoader):
    """A SafeLoader that refuses duplicate keys in a mapping (PyYAML keeps the last silently)."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    loader.flatten_mapping(node)
    mapping: dict = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping", node.start_mark,
                f"found duplicate key {key!r}", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=deep)
    return mapping


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class Report:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.notes: list[str] = []

    def error(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def note(self, message: str) -> None:
        self.notes.append(message)


def load_yaml(path: Path, report: Report) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except FileNotFoundError:
        report.error(str(path), "file not found")
    except yaml.YAMLError as exc:
        report.error(str(path), f"does not parse as YAML: {exc}")
    return None


# --------------------------------------------------------------------------------------------
# Helpers


def walk(node: Any, where: str = "") -> Iterator[tuple[str, Any]]:
    """Every node with its location, as a JSON-pointer-like path."""
    yield where or "/", node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, f"{where}/{escape(str(key))}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{where}/{index}")


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def resolve_pointer(doc: Any, ref: str) -> tuple[bool, Any]:
    """Resolve a same-document `#/...` JSON pointer; (False, reason) when it does not."""
    if not ref.startswith("#/"):
        return False, "is not a same-document JSON pointer starting with '#/'"
    node = doc
    walked = "#"
    for raw in ref[2:].split("/"):
        token = unescape(raw)
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return False, f"stops at {walked!r}: no {token!r} there"
        walked += "/" + raw
    return True, node


def deref(doc: Any, node: Any, limit: int = 32) -> Any:
    """Follow a chain of `$ref`s; None when one does not resolve."""
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and limit > 0:
        ok, node = resolve_pointer(doc, node["$ref"])
        if not ok:
            return None
        limit -= 1
    return node


def merged_properties(doc: Any, schema: Any, depth: int = 0) -> dict:
    """A schema's properties, including those of its `allOf` members."""
    schema = deref(doc, schema)
    if not isinstance(schema, dict) or depth > 16:
        return {}
    props: dict = {}
    for member in schema.get("allOf") or []:
        props.update(merged_properties(doc, member, depth + 1))
    own = schema.get("properties")
    if isinstance(own, dict):
        props.update(own)
    return props


def schema_type(doc: Any, schema: Any) -> str | None:
    schema = deref(doc, schema)
    if not isinstance(schema, dict):
        return None
    if isinstance(schema.get("type"), str):
        return schema["type"]
    for member in schema.get("allOf") or []:
        found = schema_type(doc, member)
        if found:
            return found
    return None


def display_type(field: dict) -> str:
    """The type DESCRIBE shows for a field, read the simple way (no $ref/allOf resolution)."""
    if isinstance(field.get("type"), str):
        return field["type"]
    if field.get("properties"):
        return "object"
    if field.get("items") is not None:
        return "array"
    return "string"


def path_template(key: str) -> tuple[str, str]:
    template, _, query = key.partition("?")
    return template, query


def lower_sorted(names: list[str]) -> list[str]:
    return sorted(names, key=lambda name: name.lower())


# --------------------------------------------------------------------------------------------
# Generic document checks


def check_scalars(doc: Any, where: str, report: Report) -> None:
    """Keys must be strings; dates and times are never meant (they come from unquoted values)."""
    for location, node in walk(doc):
        if isinstance(node, dict):
            for key in node:
                if not isinstance(key, str):
                    report.error(where, f"{location}: key {key!r} is a {type(key).__name__}, "
                                        "not a string (quote it)")
        elif isinstance(node, (datetime.date, datetime.datetime)):
            report.error(where, f"{location}: {node!r} was read as a date; quote it")


def check_refs(doc: Any, where: str, report: Report) -> int:
    count = 0
    for location, node in walk(doc):
        if not isinstance(node, dict) or "$ref" not in node:
            continue
        ref = node["$ref"]
        count += 1
        if not isinstance(ref, str):
            report.error(where, f"{location}: $ref is {ref!r}, not a string")
            continue
        ok, reason = resolve_pointer(doc, ref)
        if not ok:
            report.error(where, f"{location}: $ref {ref!r} does not resolve: {reason}")
    return count


def check_schemas(doc: Any, where: str, report: Report) -> None:
    """Enum values match their type; allOf-wrapped fields agree with what they reference."""
    for location, node in walk(doc):
        if not isinstance(node, dict):
            continue
        if isinstance(node.get("enum"), list) and node.get("type") == "string":
            for value in node["enum"]:
                if not isinstance(value, str):
                    report.error(where, f"{location}: enum value {value!r} is a "
                                        f"{type(value).__name__}, not a string (quote it)")
        members = node.get("allOf")
        if isinstance(members, list) and len(members) == 1 and isinstance(node.get("description"), str):
            target = deref(doc, members[0])
            if isinstance(target, dict) and isinstance(target.get("description"), str) \
                    and target["description"] != node["description"]:
                report.error(where, f"{location}: description {node['description']!r} differs from "
                                    f"the referenced schema's {target['description']!r}; readers that "
                                    "resolve the reference and readers that do not would disagree")
            declared, referenced = node.get("type"), schema_type(doc, members[0])
            if declared and referenced and declared != referenced:
                report.error(where, f"{location}: type {declared!r} differs from the referenced "
                                    f"schema's {referenced!r}")


# --------------------------------------------------------------------------------------------
# Service documents


def resolved_parameters(doc: Any, where: str, location: str, raw: Any, report: Report) -> list[dict]:
    params: list[dict] = []
    if raw is None:
        return params
    if not isinstance(raw, list):
        report.error(where, f"{location}: parameters is not a list")
        return params
    for index, item in enumerate(raw):
        param = deref(doc, item)
        if not isinstance(param, dict):
            report.error(where, f"{location}/parameters/{index}: does not resolve to a parameter")
            continue
        params.append(param)
    return params


def check_operation(doc: Any, where: str, key: str, verb: str, operation: Any,
                    path_level: list[dict], api_version: str, op_ids: dict, report: Report) -> None:
    location = f"paths[{key!r}].{verb}"
    if not isinstance(operation, dict):
        report.error(where, f"{location}: is not a mapping")
        return
    op_id = operation.get("operationId")
    if not isinstance(op_id, str) or not op_id:
        report.error(where, f"{location}: has no operationId")
    elif op_id in op_ids:
        report.error(where, f"{location}: operationId {op_id!r} already used by {op_ids[op_id]}")
    else:
        op_ids[op_id] = location
    if not isinstance(operation.get("description"), str) or not operation["description"].strip():
        report.error(where, f"{location}: has no description")

    params = path_level + resolved_parameters(doc, where, location, operation.get("parameters"), report)
    seen: set[tuple[str, str]] = set()
    for param in params:
        name, place = param.get("name"), param.get("in")
        label = f"{location}: parameter {name!r}"
        if not isinstance(name, str) or place not in ("path", "query", "header", "cookie"):
            report.error(where, f"{label}: needs a string name and in: path|query|header|cookie")
            continue
        if (name, place) in seen:
            report.error(where, f"{label}: declared twice (in: {place})")
        seen.add((name, place))
        if name.lower() == "api-version":
            report.error(where, f"{label}: api-version is literal in the path key "
                                f"(?api-version={api_version}); do not declare it")
        if not isinstance(param.get("description"), str) or not param["description"].strip():
            report.error(where, f"{label}: has no description")
        if not isinstance(param.get("schema"), dict) or not schema_type(doc, param["schema"]):
            report.error(where, f"{label}: has no schema with a type")
        if "required" in param and not isinstance(param["required"], bool):
            report.error(where, f"{label}: required is {param['required']!r}, not a boolean")

    template, _ = path_template(key)
    variables = re.findall(r"\{([^{}]+)\}", template)
    path_params = {p.get("name"): p for p in params if p.get("in") == "path"}
    for variable in variables:
        param = path_params.get(variable)
        if param is None:
            report.error(where, f"{location}: path variable {{{variable}}} has no 'in: path' parameter")
        elif param.get("required") is not True:
            report.error(where, f"{location}: path parameter {variable!r} is not 'required: true'")
    for name in path_params:
        if name not in variables:
            report.error(where, f"{location}: path parameter {name!r} is not in the path template")

    body = operation.get("requestBody")
    if body is not None:
        body = deref(doc, body)
        schema = body.get("content", {}).get("application/json", {}).get("schema") \
            if isinstance(body, dict) else None
        if schema is None or deref(doc, schema) is None:
            report.error(where, f"{location}: requestBody has no resolvable application/json schema")
        if isinstance(body, dict) and "required" in body and not isinstance(body["required"], bool):
            report.error(where, f"{location}: requestBody.required is not a boolean")

    responses = operation.get("responses")
    if not isinstance(responses, dict) or not responses:
        report.error(where, f"{location}: has no responses")
    else:
        if not any(code.startswith("2") for code in responses if isinstance(code, str)):
            report.error(where, f"{location}: declares no 2xx response")
        if "default" not in responses:
            report.error(where, f"{location}: declares no 'default' (error) response")


def check_paths(doc: Any, where: str, api_version: str, report: Report) -> int:
    paths = doc.get("paths")
    if not isinstance(paths, dict) or not paths:
        report.error(where, "has no paths")
        return 0
    op_ids: dict[str, str] = {}
    operations = 0
    for key, item in paths.items():
        template, query = path_template(key)
        if not template.startswith("/"):
            report.error(where, f"paths[{key!r}]: does not start with '/'")
        match = re.fullmatch(r"api-version=([^&=]+)", query)
        if not match:
            report.error(where, f"paths[{key!r}]: does not end in '?api-version=<version>'")
        elif match.group(1) != api_version:
            report.error(where, f"paths[{key!r}]: api-version {match.group(1)!r} is not the "
                                f"document's info.version {api_version!r}")
        if template != template.strip() or "//" in template or template.endswith("/"):
            report.error(where, f"paths[{key!r}]: stray whitespace or slash in the path")
        if not isinstance(item, dict):
            report.error(where, f"paths[{key!r}]: is not a mapping")
            continue
        path_level = resolved_parameters(doc, where, f"paths[{key!r}]", item.get("parameters"), report)
        verbs = [verb for verb in item if verb in HTTP_METHODS]
        if not verbs:
            report.error(where, f"paths[{key!r}]: has no operations")
        for verb in verbs:
            operations += 1
            check_operation(doc, where, key, verb, item[verb], path_level, api_version, op_ids, report)
        for other in item:
            if other not in HTTP_METHODS and other not in ("parameters", "summary", "description", "servers") \
                    and not str(other).startswith("x-"):
                report.error(where, f"paths[{key!r}]: unexpected key {other!r}")
    return operations


def method_operation(doc: Any, method: dict) -> tuple[str | None, dict | None, str]:
    """(HTTP verb, operation, path key) of a stackQL method, or Nones when it does not resolve."""
    ref = (method.get("operation") or {}).get("$ref") if isinstance(method.get("operation"), dict) else None
    if not isinstance(ref, str) or not ref.startswith("#/paths/"):
        return None, None, ""
    tokens = ref[len("#/paths/"):].split("/")
    if len(tokens) != 2:
        return None, None, ""
    key, verb = unescape(tokens[0]), unescape(tokens[1])
    ok, operation = resolve_pointer(doc, ref)
    if not ok or verb not in HTTP_METHODS or not isinstance(operation, dict):
        return None, None, key
    return verb, operation, key


def response_schema(doc: Any, operation: dict, code: str, media: str) -> Any:
    response = deref(doc, (operation.get("responses") or {}).get(code))
    if not isinstance(response, dict):
        return None
    return (response.get("content") or {}).get(media, {}).get("schema")


def row_schema(doc: Any, operation: dict, response: dict) -> tuple[Any, str | None]:
    """The schema of one result row, or (None, reason)."""
    code = response.get("openAPIDocKey")
    media = response.get("mediaType", "application/json")
    schema = deref(doc, response_schema(doc, operation, code, media))
    if schema is None:
        return None, f"response {code!r} has no {media} schema"
    object_key = response.get("objectKey")
    if object_key:
        for key in [k for k in object_key.split(".") if k != "$"]:
            props = merged_properties(doc, schema)
            if key not in props:
                return None, f"objectKey {object_key!r}: the response schema has no {key!r}"
            schema = deref(doc, props[key])
        if not isinstance(schema, dict) or schema_type(doc, schema) != "array":
            return None, f"objectKey {object_key!r} does not reach an array"
        schema = deref(doc, schema.get("items"))
        if schema is None:
            return None, f"objectKey {object_key!r}: the array has no resolvable items"
    return schema, None


def check_resources(doc: Any, where: str, provider: str, service: str, report: Report) -> dict:
    resources = (doc.get("components") or {}).get("x-stackQL-resources")
    summary: dict[str, list[str]] = {}
    if not isinstance(resources, dict) or not resources:
        report.error(where, "has no components.x-stackQL-resources")
        return summary
    for name, resource in resources.items():
        base = f"x-stackQL-resources.{name}"
        if not isinstance(resource, dict):
            report.error(where, f"{base}: is not a mapping")
            continue
        expected_id = f"{provider}.{service}.{name}"
        if resource.get("id") != expected_id:
            report.error(where, f"{base}: id is {resource.get('id')!r}, expected {expected_id!r}")
        if resource.get("name") != name:
            report.error(where, f"{base}: name is {resource.get('name')!r}, expected {name!r}")
        if not resource.get("title"):
            report.error(where, f"{base}: has no title")
        methods = resource.get("methods")
        if not isinstance(methods, dict) or not methods:
            report.error(where, f"{base}: has no methods")
            continue
        summary[name] = list(methods)
        for method_name, method in methods.items():
            label = f"{base}.methods.{method_name}"
            if not isinstance(method, dict):
                report.error(where, f"{label}: is not a mapping")
                continue
            verb, operation, key = method_operation(doc, method)
            if operation is None:
                ref = (method.get("operation") or {}).get("$ref") if isinstance(method.get("operation"), dict) else None
                report.error(where, f"{label}: operation.$ref {ref!r} does not name an operation "
                                    "('#/paths/<escaped path key>/<http verb>')")
                continue
            response = method.get("response")
            if not isinstance(response, dict):
                report.error(where, f"{label}: has no response mapping")
                continue
            if response.get("mediaType") != "application/json":
                report.error(where, f"{label}: response.mediaType is {response.get('mediaType')!r}")
            code = response.get("openAPIDocKey")
            if not isinstance(code, str) or code not in (operation.get("responses") or {}):
                report.error(where, f"{label}: response.openAPIDocKey {code!r} is not a declared "
                                    f"response of {verb.upper()} {key}")
            elif response.get("objectKey") is not None:
                _, reason = row_schema(doc, operation, response)
                if reason:
                    report.error(where, f"{label}: {reason}")

        verbs = resource.get("sqlVerbs")
        if not isinstance(verbs, dict):
            report.error(where, f"{base}: has no sqlVerbs mapping")
            continue
        for sql_verb in verbs:
            if sql_verb not in SQL_VERBS:
                report.error(where, f"{base}.sqlVerbs: unknown verb {sql_verb!r}")
        placed: dict[str, str] = {}
        for sql_verb in SQL_VERBS:
            entries = verbs.get(sql_verb)
            if not isinstance(entries, list):
                report.error(where, f"{base}.sqlVerbs.{sql_verb}: missing or not a list (use [])")
                continue
            for index, entry in enumerate(entries):
                ref = entry.get("$ref") if isinstance(entry, dict) else None
                prefix = f"#/components/x-stackQL-resources/{escape(name)}/methods/"
                if not isinstance(ref, str) or not ref.startswith(prefix):
                    report.error(where, f"{base}.sqlVerbs.{sql_verb}[{index}]: {ref!r} does not point "
                                        f"at a method of {name!r} ({prefix}<method>)")
                    continue
                target = unescape(ref[len(prefix):])
                if target not in methods:
                    report.error(where, f"{base}.sqlVerbs.{sql_verb}[{index}]: no method {target!r}")
                    continue
                if target in placed:
                    report.error(where, f"{base}.sqlVerbs.{sql_verb}[{index}]: method {target!r} is "
                                        f"already listed under {placed[target]}")
                placed[target] = sql_verb
        for sql_verb in ("select",):
            for entry in verbs.get(sql_verb) or []:
                target = unescape(str((entry or {}).get("$ref", "")).rsplit("/", 1)[-1])
                method = methods.get(target)
                if not isinstance(method, dict):
                    continue
                _, operation, _ = method_operation(doc, method)
                if operation is None or not isinstance(method.get("response"), dict):
                    continue
                schema, reason = row_schema(doc, operation, method["response"])
                if reason:
                    report.error(where, f"{base}.methods.{target}: a SELECT method needs a row schema: {reason}")
                    continue
                check_row_schema(doc, where, f"{base}.methods.{target} row schema", schema, report)
    return summary


def check_row_schema(doc: Any, where: str, label: str, schema: dict, report: Report) -> None:
    if "allOf" in schema:
        report.error(where, f"{label}: uses allOf at the top level; write the fields flat")
    props = schema.get("properties")
    if not isinstance(props, dict) or not props:
        report.error(where, f"{label}: has no top-level properties")
        return
    for field, node in props.items():
        if not isinstance(node, dict):
            report.error(where, f"{label}: field {field!r} is not a mapping")
            continue
        if not isinstance(node.get("type"), str):
            report.error(where, f"{label}: field {field!r} has no 'type' of its own")
        if not isinstance(node.get("description"), str) or not node["description"].strip():
            report.error(where, f"{label}: field {field!r} has no 'description' of its own")


def check_service(path: Path, provider: str, service: str, report: Report) -> tuple[Any, dict, int]:
    where = str(path)
    doc = load_yaml(path, report)
    if not isinstance(doc, dict):
        if doc is not None:
            report.error(where, "is not a mapping")
        return None, {}, 0
    check_scalars(doc, where, report)
    if not str(doc.get("openapi", "")).startswith("3."):
        report.error(where, f"openapi is {doc.get('openapi')!r}, expected 3.x")
    info = doc.get("info") or {}
    api_version = info.get("version")
    if not isinstance(api_version, str) or not api_version:
        report.error(where, f"info.version is {api_version!r}, not a string")
        api_version = str(api_version)
    for field in ("title", "description"):
        if not isinstance(info.get(field), str) or not info[field]:
            report.error(where, f"info.{field} is missing")
    servers = doc.get("servers")
    if not isinstance(servers, list) or not servers or not all(isinstance(s, dict) and s.get("url") for s in servers):
        report.error(where, "servers must list at least one {url: ...}")
    check_refs(doc, where, report)
    check_schemas(doc, where, report)
    operations = check_paths(doc, where, api_version, report)
    resources = check_resources(doc, where, provider, service, report)
    return doc, resources, operations


# --------------------------------------------------------------------------------------------
# provider.yaml


def check_provider(provider_path: Path, registry: Path, report: Report) -> dict[str, tuple[Any, dict]]:
    where = str(provider_path)
    provider = load_yaml(provider_path, report)
    services: dict[str, tuple[Any, dict]] = {}
    if not isinstance(provider, dict):
        if provider is not None:
            report.error(where, "is not a mapping")
        return services
    check_scalars(provider, where, report)
    name, version = provider.get("name"), provider.get("version")
    if provider.get("id") != name or not isinstance(name, str):
        report.error(where, f"id {provider.get('id')!r} and name {name!r} must be the same string")
    if not isinstance(version, str) or provider_path.parent.name != version:
        report.error(where, f"version {version!r} does not match its directory {provider_path.parent.name!r}")
    if provider_path.parent.parent.name != name:
        report.error(where, f"name {name!r} does not match its directory {provider_path.parent.parent.name!r}")
    auth = ((provider.get("config") or {}).get("auth") or {}).get("type")
    if not isinstance(auth, str) or not auth:
        report.error(where, "config.auth.type is missing")
    entries = provider.get("providerServices")
    if not isinstance(entries, dict) or not entries:
        report.error(where, "has no providerServices")
        return services
    referenced: set[Path] = set()
    for service, entry in entries.items():
        label = f"providerServices.{service}"
        if not isinstance(entry, dict):
            report.error(where, f"{label}: is not a mapping")
            continue
        if entry.get("name") != service:
            report.error(where, f"{label}: name is {entry.get('name')!r}")
        if entry.get("id") != f"{service}:{version}":
            report.error(where, f"{label}: id is {entry.get('id')!r}, expected {service}:{version}")
        if entry.get("version") != version:
            report.error(where, f"{label}: version is {entry.get('version')!r}, expected {version!r}")
        for field in ("title", "description"):
            if not isinstance(entry.get(field), str) or not entry[field]:
                report.error(where, f"{label}: has no {field}")
        if not isinstance(entry.get("preferred"), bool):
            report.error(where, f"{label}: preferred is not a boolean")
        ref = (entry.get("service") or {}).get("$ref") if isinstance(entry.get("service"), dict) else None
        expected = f"{name}/{version}/services/{service}.yaml"
        if ref != expected:
            report.error(where, f"{label}: service.$ref is {ref!r}, expected {expected!r}")
        if not isinstance(ref, str):
            continue
        target = (registry / ref).resolve()
        referenced.add(target)
        if not target.is_file():
            report.error(where, f"{label}: service.$ref {ref!r} does not resolve: no file {target}")
            continue
        doc, resources, _ = check_service(target, name, service, report)
        services[service] = (doc, resources)
    services_dir = provider_path.parent / "services"
    for orphan in sorted(services_dir.glob("*.yaml")):
        if orphan.resolve() not in referenced:
            report.error(str(orphan), "is not referenced from provider.yaml")
    return services


# --------------------------------------------------------------------------------------------
# Seed page (StackQL's documentation for a resource) against the documents

_CODE = r'<CopyableCode code="([^"]*)" />'
_FIELD_ROW = re.compile(rf"^\| {_CODE} \| `([^`]*)` \| (.*?) \|\s*$")
_METHOD_ROW = re.compile(rf"^\| {_CODE} \| `([^`]*)` \| {_CODE} \| (.*?) \|\s*$")
_ID_ROW = re.compile(rf"<b>Id</b></td><td>{_CODE}")


def parse_seed(text: str) -> tuple[str | None, list[tuple[str, str, str]], list[tuple[str, str, str, str]]]:
    resource_id = None
    fields: list[tuple[str, str, str]] = []
    methods: list[tuple[str, str, str, str]] = []
    section = ""
    for line in text.splitlines():
        if line.startswith("## "):
            section = line[3:].strip().lower()
            continue
        match = _ID_ROW.search(line)
        if match:
            resource_id = match.group(1)
        if section == "fields":
            match = _FIELD_ROW.match(line)
            if match:
                fields.append((match.group(1), match.group(2), html.unescape(match.group(3))))
        elif section == "methods":
            match = _METHOD_ROW.match(line)
            if match:
                methods.append((match.group(1), match.group(2), match.group(3), html.unescape(match.group(4))))
    return resource_id, fields, methods


def row_diff(expected: list[tuple], actual: list[tuple]) -> str:
    lines = []
    for index in range(max(len(expected), len(actual))):
        want = expected[index] if index < len(expected) else None
        got = actual[index] if index < len(actual) else None
        if want != got:
            lines.append(f"    row {index + 1}: seed {want}\n           docs {got}")
    return "\n".join(lines)


def check_seed(seed: Path, services: dict[str, tuple[Any, dict]], provider: str, report: Report) -> None:
    where = str(seed)
    resource_id, seed_fields, seed_methods = parse_seed(seed.read_text(encoding="utf-8"))
    if not resource_id or not seed_fields or not seed_methods:
        report.error(where, "could not read the resource id, Fields table and Methods table")
        return
    parts = resource_id.split(".")
    if len(parts) != 3 or parts[0] != provider or parts[1] not in services:
        report.error(where, f"resource {resource_id!r}: no such service in the documents")
        return
    doc, _ = services[parts[1]]
    resource = ((doc or {}).get("components") or {}).get("x-stackQL-resources", {}).get(parts[2])
    if not isinstance(resource, dict):
        report.error(where, f"resource {resource_id!r}: not in the service document")
        return
    methods = resource.get("methods") or {}
    verbs = resource.get("sqlVerbs") or {}
    verb_of: dict[str, str] = {}
    for sql_verb in SQL_VERBS:
        for entry in verbs.get(sql_verb) or []:
            verb_of.setdefault(str(entry.get("$ref", "")).rsplit("/", 1)[-1], sql_verb.upper())

    # Methods: order, required parameters, SQL verb, description.
    actual_methods = []
    for method_name, method in methods.items():
        _, operation, key = method_operation(doc, method)
        if operation is None:
            return  # already reported
        params = resolved_parameters(doc, where, key, operation.get("parameters"), Report())
        required = lower_sorted([p["name"] for p in params if p.get("required") is True])
        body = deref(doc, operation.get("requestBody"))
        if isinstance(body, dict) and body.get("required") is True:
            required = lower_sorted(required + ["data__*"])
        actual_methods.append((method_name, verb_of.get(method_name, "EXEC"), ", ".join(required),
                               operation.get("description", "")))
    expected_methods = [(name, verb, params, desc) for name, verb, params, desc in seed_methods]
    if actual_methods != expected_methods:
        report.error(where, f"{resource_id} methods (name, SQL verb, required params, description) "
                            "differ from the seed:\n" + row_diff(expected_methods, actual_methods))

    # Fields: from the first SELECT method's row schema, sorted by name.
    select = verbs.get("select") or []
    if not select:
        report.error(where, f"{resource_id}: has no SELECT method to take fields from")
        return
    first = methods.get(str(select[0].get("$ref", "")).rsplit("/", 1)[-1]) or {}
    _, operation, _ = method_operation(doc, first)
    schema, reason = row_schema(doc, operation or {}, first.get("response") or {})
    if reason:
        report.error(where, f"{resource_id}: {reason}")
        return
    actual_fields = sorted(
        ((name, display_type(node), node.get("description", "")) for name, node in
         (schema.get("properties") or {}).items() if isinstance(node, dict)),
        key=lambda row: row[0].lower())
    expected_fields = sorted(seed_fields, key=lambda row: row[0].lower())
    if actual_fields != expected_fields:
        report.error(where, f"{resource_id} fields (name, type, description) differ from the seed:\n"
                            + row_diff(expected_fields, actual_fields))


# --------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--registry", type=Path, default=DEFAULT_REGISTRY,
                        help="the providers/src directory (default: %(default)s)")
    parser.add_argument("--seed", type=Path, action="append", default=None,
                        help="a StackQL resource page to check the documents against (repeatable; "
                             "default: the user_sessions seed when it exists)")
    parser.add_argument("--no-seed", action="store_true", help="skip the seed comparison")
    args = parser.parse_args(argv)

    registry: Path = args.registry.resolve()
    providers = sorted(registry.glob("*/*/provider.yaml"))
    if not providers:
        print(f"error: no */<version>/provider.yaml under {registry}", file=sys.stderr)
        return 2

    report = Report()
    inventory: list[str] = []
    for provider_path in providers:
        services = check_provider(provider_path, registry, report)
        provider_name = provider_path.parent.parent.name
        for service, (_, resources) in services.items():
            for resource, methods in resources.items():
                inventory.append(f"{provider_name}.{service}.{resource}: {', '.join(methods)}")
        if args.no_seed:
            continue
        seeds = args.seed if args.seed is not None else [s for s in DEFAULT_SEEDS if s.is_file()]
        if args.seed is None and not seeds:
            report.note("seed comparison skipped: no seed page found (pass --seed FILE)")
        for seed in seeds:
            if not seed.is_file():
                report.error(str(seed), "seed page not found")
                continue
            check_seed(seed, services, provider_name, report)
            report.note(f"checked against seed {seed}")

    for note in report.notes:
        print(f"note: {note}")
    if report.problems:
        for problem in report.problems:
            print(f"ERROR: {problem}", file=sys.stderr)
        print(f"{len(report.problems)} problem(s) in the provider documents under {registry}", file=sys.stderr)
        return 1
    print(f"OK: {len(providers)} provider(s), {len(inventory)} resource(s) under {registry}")
    for line in inventory:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
