#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest of Target Ledger.

Usage: check-flatpak-manifest.py MANIFEST.json

Checks that the manifest parses as JSON, names the right application and
command, asks for exactly the sandbox holes the application needs (and none
of the broad ones), pins every remote source, and builds the application
itself with meson as the last module.  Prints each problem found and exits 1
if there are any, 0 otherwise.
"""

import json
import sys

APP_ID = "io.github.targetledger.TargetLedger"
COMMAND = "target-ledger"

REQUIRED_FINISH_ARGS = [
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
]

# Exact arguments that are never acceptable.
FORBIDDEN_FINISH_ARGS = {
    "--share=network",
    "--socket=session-bus",
    "--socket=system-bus",
    "--socket=session-bus-free-for-all",
    "--socket=x11",
    "--device=all",
    "--filesystem=host",
    "--filesystem=host-os",
    "--filesystem=host-etc",
    "--filesystem=home",
    "--talk-name=org.freedesktop.Flatpak",
}

# Prefixes of arguments that are never acceptable (any suffix such as ":ro").
FORBIDDEN_FINISH_PREFIXES = (
    "--filesystem=host",
    "--filesystem=home",
    "--filesystem=/",
    "--filesystem=~",
    "--device=all",
    "--socket=session-bus",
    "--socket=system-bus",
    "--talk-name=org.freedesktop.Flatpak",
)

# Source types fetched from the network, and the key(s) that pin them.
PINS = {
    "archive": ("sha256", "sha512"),
    "file": ("sha256", "sha512"),
    "git": ("commit",),
    "bzr": ("revision",),
    "svn": ("revision",),
}


def iter_modules(modules, problems, where="modules"):
    """Yield (name, module) for every module, depth first, in build order."""
    if not isinstance(modules, list):
        problems.append(f"{where} is not a list")
        return
    for index, module in enumerate(modules):
        if isinstance(module, str):
            # A reference to another manifest file; cannot be checked here.
            yield module, None
            continue
        if not isinstance(module, dict):
            problems.append(f"{where}[{index}] is not an object")
            continue
        name = module.get("name", f"{where}[{index}]")
        # Nested modules are built before their parent.
        if "modules" in module:
            yield from iter_modules(module["modules"], problems, f"module {name}: modules")
        yield name, module


def check_sources(name, module, problems):
    sources = module.get("sources", [])
    if not isinstance(sources, list):
        problems.append(f"module {name}: sources is not a list")
        return
    for index, source in enumerate(sources):
        if isinstance(source, str):
            continue  # path to a sources file
        if not isinstance(source, dict):
            problems.append(f"module {name}: source {index} is not an object")
            continue
        kind = source.get("type")
        pins = PINS.get(kind)
        if pins is None:
            continue
        if kind == "file" and "url" not in source:
            continue  # local file, nothing to pin
        if not any(source.get(key) for key in pins):
            what = source.get("url") or source.get("path") or f"source {index}"
            problems.append(
                f"module {name}: {kind} source {what} is not pinned "
                f"(needs {' or '.join(pins)})"
            )


def check(manifest):
    problems = []

    if not isinstance(manifest, dict):
        return ["manifest is not a JSON object"]

    app_id = manifest.get("app-id", manifest.get("id"))
    if app_id != APP_ID:
        problems.append(f"app-id is {app_id!r}, expected {APP_ID!r}")

    command = manifest.get("command")
    if command != COMMAND:
        problems.append(f"command is {command!r}, expected {COMMAND!r}")

    finish_args = manifest.get("finish-args", [])
    if not isinstance(finish_args, list) or not all(isinstance(a, str) for a in finish_args):
        problems.append("finish-args is not a list of strings")
        finish_args = []
    for arg in REQUIRED_FINISH_ARGS:
        if arg not in finish_args:
            problems.append(f"finish-args lacks {arg}")
    for arg in finish_args:
        if arg in FORBIDDEN_FINISH_ARGS or arg.startswith(FORBIDDEN_FINISH_PREFIXES):
            problems.append(f"finish-args has forbidden {arg}")

    modules = list(iter_modules(manifest.get("modules", []), problems))
    if not modules:
        problems.append("no modules")
    for name, module in modules:
        if module is not None:
            check_sources(name, module, problems)

    top = manifest.get("modules", [])
    if isinstance(top, list) and top:
        last = top[-1]
        if not isinstance(last, dict):
            problems.append("last module is not an inline object")
        elif last.get("buildsystem") != "meson":
            problems.append(
                f"last module {last.get('name')!r} builds with "
                f"{last.get('buildsystem')!r}, expected 'meson'"
            )

    return problems


def main(argv):
    if len(argv) != 2:
        print(f"usage: {argv[0]} MANIFEST.json", file=sys.stderr)
        return 1
    path = argv[1]
    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except OSError as e:
        print(f"{path}: cannot read: {e.strerror}")
        return 1
    except json.JSONDecodeError as e:
        print(f"{path}: not valid JSON: {e}")
        return 1

    problems = check(manifest)
    for problem in problems:
        print(f"{path}: {problem}")
    if problems:
        return 1
    print(f"{path}: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
