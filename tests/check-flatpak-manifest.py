#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest of Target Ledger.

Usage: check-flatpak-manifest.py MANIFEST.json

Checks that the manifest parses as JSON, names the right application and
command, asks for exactly the sandbox holes the application needs (and none
of the broad ones), pins every source it fetches (a checksum or a commit, of
the right form, over https; other sources only the project's own files), and
builds the application itself with meson as the last module.  Prints each
problem found and exits 1 if there are any, 0 otherwise.

   check-flatpak-manifest.py --self-test MANIFEST.json

checks that the checker finds what it must in broken copies of MANIFEST.
"""

import copy
import json
import re
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

# Source types fetched from the network, and the key(s) that pin them, with
# the form a real pin has (a checksum or a commit hash, not "TODO").
PINS = {
    "archive": ("sha256", "sha512"),
    "file": ("sha256", "sha512"),
    "extra-data": ("sha256",),
    "git": ("commit",),
    "bzr": ("revision",),
    "svn": ("revision",),
}
PIN_FORMS = {
    "sha256": re.compile(r"[0-9a-f]{64}"),
    "sha512": re.compile(r"[0-9a-f]{128}"),
    "commit": re.compile(r"[0-9a-f]{40}"),
    "revision": re.compile(r"\S+"),
}

# Source types that name only files of the project itself: nothing to pin.
LOCAL_TYPES = {"dir", "patch", "script", "inline", "shell"}


def iter_modules(modules, problems, where="modules"):
    """Yield (name, module) for every module, depth first, in build order."""
    if not isinstance(modules, list):
        problems.append(f"{where} is not a list")
        return
    for index, module in enumerate(modules):
        if isinstance(module, str):
            # Another manifest file: its sources could not be checked here.
            problems.append(f"{where}[{index}] {module!r} is a separate file; "
                            "inline it so that its sources are checked")
            continue
        if not isinstance(module, dict):
            problems.append(f"{where}[{index}] is not an object")
            continue
        name = module.get("name", f"{where}[{index}]")
        # Nested modules are built before their parent.
        if "modules" in module:
            yield from iter_modules(module["modules"], problems, f"module {name}: modules")
        yield name, module


def check_source(name, index, source, problems):
    """Every source is the project's own or fetched with a pin."""
    kind = source.get("type")
    what = source.get("url") or source.get("path") or f"source {index}"
    remote = "url" in source or kind in ("git", "bzr", "svn", "extra-data")

    if kind in LOCAL_TYPES or (kind in ("archive", "file") and not remote):
        if "url" in source:
            problems.append(f"module {name}: {kind} source {what} has a url")
        return
    if kind not in PINS:
        problems.append(f"module {name}: source {what} has type {kind!r}, "
                        "which cannot be checked for a pin")
        return
    url = source.get("url", "")
    if not url.startswith("https://"):
        problems.append(f"module {name}: {kind} source {what} is not fetched over https")
    pins = PINS[kind]
    if not any(source.get(key) for key in pins):
        problems.append(
            f"module {name}: {kind} source {what} is not pinned "
            f"(needs {' or '.join(pins)})"
        )
    for key in pins:
        value = source.get(key)
        if value and not (isinstance(value, str) and PIN_FORMS[key].fullmatch(value)):
            problems.append(f"module {name}: {kind} source {what} has a malformed {key}")


def check_sources(name, module, problems):
    sources = module.get("sources", [])
    if not isinstance(sources, list):
        problems.append(f"module {name}: sources is not a list")
        return
    if not sources:
        problems.append(f"module {name}: has no sources")
    for index, source in enumerate(sources):
        if isinstance(source, str):
            problems.append(f"module {name}: source {index} {source!r} is a separate file; "
                            "inline it so that it is checked")
        elif not isinstance(source, dict):
            problems.append(f"module {name}: source {index} is not an object")
        else:
            check_source(name, index, source, problems)


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


def self_test(manifest):
    """The checker passes the manifest and finds each flaw put into a copy."""
    url = "https://example.org/x.tar.gz"
    flawed_sources = {
        "an archive without a checksum": {"type": "archive", "url": url},
        "a malformed checksum": {"type": "archive", "url": url, "sha256": "TODO"},
        "a git branch": {"type": "git", "url": "https://example.org/x.git", "branch": "main"},
        "a git tag without its commit": {"type": "git", "url": "https://example.org/x.git",
                                         "tag": "v1"},
        "plain http": {"type": "archive", "url": "http://example.org/x.tar.gz",
                       "sha256": "0" * 64},
        "an unknown source type": {"type": "svn2", "url": url},
        "a separate sources file": "x-sources.json",
    }
    broken = {}
    for what, source in flawed_sources.items():
        broken[what] = copy.deepcopy(manifest)
        broken[what]["modules"].insert(0, {"name": "x", "sources": [source]})
    broken["a separate module file"] = copy.deepcopy(manifest)
    broken["a separate module file"]["modules"].insert(0, "x.json")
    broken["a network hole"] = copy.deepcopy(manifest)
    broken["a network hole"]["finish-args"].append("--share=network")

    failures = ["the manifest itself fails"] if check(manifest) else []
    failures += [f"a manifest with {what} passes" for what, m in broken.items() if not check(m)]
    for failure in failures:
        print(f"self-test: {failure}")
    print("self-test: " + ("FAILED" if failures else "OK"))
    return 1 if failures else 0


def main(argv):
    testing = len(argv) == 3 and argv[1] == "--self-test"
    if len(argv) != 2 and not testing:
        print(f"usage: {argv[0]} [--self-test] MANIFEST.json", file=sys.stderr)
        return 1
    path = argv[-1]
    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except OSError as e:
        print(f"{path}: cannot read: {e.strerror}")
        return 1
    except json.JSONDecodeError as e:
        print(f"{path}: not valid JSON: {e}")
        return 1

    if testing:
        return self_test(manifest)
    problems = check(manifest)
    for problem in problems:
        print(f"{path}: {problem}")
    if problems:
        return 1
    print(f"{path}: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
