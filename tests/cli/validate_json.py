#!/usr/bin/python3
"""validate_json.py TASKSEXT SCHEMA - runs every command with --json (badge
as it is) on the examples and the fixtures, and validates each output
against the JSON Schema in the repository (cli/tasksext.schema.json), with
the python3-jsonschema package (scripts/install-deps installs it). Also
checks that the schema refuses outputs that break the contract, so the
test cannot pass with a schema that accepts anything."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import jsonschema

program, schema_path = os.path.abspath(sys.argv[1]), sys.argv[2]
source = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

RUNS = [
    ["progress", "examples", "--json"],
    ["progress", "tests/cli/fixtures/wide", "--json", "--count", "all"],
    ["ready", "examples", "--json"],
    ["ready", "tests/fixtures/deps", "--json"],
    ["blocked", "examples", "--json"],
    ["blocked", "tests/fixtures/deps", "--json", "--transitive"],
    ["blocked", "tests/cli/fixtures/stuck", "--json", "--status", "~=blocked"],
    ["critical-path", "examples", "--json"],
    ["critical-path", "tests/fixtures/deps", "--json"],
    ["conflicts", "examples", "--json"],
    ["conflicts", "tests/fixtures", "--json"],
    ["issues", "tests/fixtures", "--json"],
    ["check", "tests/fixtures/deps/issues", "--json"],
    ["check", "examples", "--json", "--fail-on", "info"],
    ["graph", "--root", "examples", "--json"],
    ["graph", "--root", "tests/fixtures/deps", "--json"],
    ["next", "examples", "--json"],
    ["next", "tests/cli/fixtures/stuck", "--json", "--status", "~=blocked"],
    ["next", "tests/cli/fixtures/done", "--json"],
    ["badge", "examples"],
    ["badge", "tests/cli/fixtures/done"],
    ["sql", "SELECT spec, id, ready FROM tasks(:root)", "--root", "examples", "--json"],
    ["burndown", "--root", "examples/history.git", "--json"],
    ["burndown", "002-search", "--root", "examples/history.git", "--json"],
    ["done", "--root", "examples/history.git", "--since", "2026-03-01", "--json"],
    ["done", "--root", "examples/history.git", "--since", "2026-03-13", "--json"],
]

failures = 0
checked = 0


def validate(args, text, where):
    global failures, checked
    try:
        document = json.loads(text)
    except ValueError as error:
        print(f"FAIL {' '.join(args)}: not JSON: {error}", file=sys.stderr)
        failures += 1
        return None
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    for error in errors[:5]:
        print(f"FAIL {' '.join(args)} ({where}): {error.message} at {list(error.path)}",
              file=sys.stderr)
    failures += bool(errors)
    checked += 1
    return document


for args in RUNS:
    run = subprocess.run([program] + args, cwd=source, capture_output=True, text=True)
    if run.returncode not in (0, 1) or (run.returncode == 1 and args[0] not in ("next", "check")):
        print(f"FAIL {' '.join(args)}: exit {run.returncode}: {run.stderr}", file=sys.stderr)
        failures += 1
        continue
    document = validate(args, run.stdout, "output")
    if document is not None and args[0] != "badge" and document.get("schema_version") != 1:
        print(f"FAIL {' '.join(args)}: no schema_version 1", file=sys.stderr)
        failures += 1

# mark writes: on a copy.
with tempfile.TemporaryDirectory() as work:
    shutil.copytree(os.path.join(source, "examples"), os.path.join(work, "examples"))
    args = ["mark", "T005", "done", "--spec", "002-search", "--root", "examples", "--json"]
    run = subprocess.run([program] + args, cwd=work, capture_output=True, text=True)
    if run.returncode != 0:
        print(f"FAIL {' '.join(args)}: exit {run.returncode}: {run.stderr}", file=sys.stderr)
        failures += 1
    else:
        validate(args, run.stdout, "output")

# The schema has teeth: outputs that break the contract are refused.
broken = [
    {"schema_version": 1, "command": "progress", "roots": ["x"], "counts": "counted",
     "specs": [], "total": {"total": 1, "done": 0, "cancelled": 0, "open": 1, "optional": 0,
                            "optional_done": 0, "percent": "0%"}},
    {"schema_version": 1, "command": "ready", "roots": ["x"], "tasks": [
        {"spec": "s", "id": "T1", "step": 3, "wave": 1, "title": "t", "status": "todo",
         "level": 0, "file": "f", "line": 1}]},
    {"schema_version": 2, "command": "issues", "roots": ["x"], "issues": []},
    {"command": "issues", "roots": ["x"], "issues": []},
    {"schema_version": 1, "command": "next", "roots": ["x"], "state": "ready", "task": None},
    {"schemaVersion": 1, "label": "tasks", "message": "42 of 80", "color": "green"},
    {"schema_version": 1, "command": "burndown", "roots": ["r"], "spec": "all", "forecast": None,
     "days": [{"day": "2026-03-01", "tasks": 3, "done": 1, "cancelled": 0}]},
    {"schema_version": 1, "command": "done", "roots": ["r"], "since": "7d", "tasks": []},
]
for document in broken:
    if validator.is_valid(document):
        print(f"FAIL the schema accepts a broken output: {json.dumps(document)}", file=sys.stderr)
        failures += 1

print(f"json schema: {checked} outputs checked, {len(broken)} broken ones refused, "
      f"{failures} failures")
sys.exit(1 if failures else 0)
