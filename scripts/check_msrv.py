#!/usr/bin/env python3
"""Fails if a workspace crate declares a `rust-version` lower than one of its dependencies'.

Reads `cargo metadata --format-version 1` (all features, the lockfile's versions), walks each
workspace member's normal and build dependencies (and, for the member itself, its
dev-dependencies: `cargo test` must build too), and compares every `rust-version` found with the
member's own. Prints the highest requirement and who sets it.

Usage: python3 scripts/check_msrv.py
"""
import json
import subprocess
import sys


def version(text):
    return tuple(int(part) for part in text.split("."))


def main():
    metadata = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--all-features", "--locked"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    packages = {p["id"]: p for p in metadata["packages"]}
    nodes = {n["id"]: n for n in metadata["resolve"]["nodes"]}
    failures = []
    for member in metadata["workspace_members"]:
        package = packages[member]
        ours = package.get("rust_version")
        if ours is None:
            failures.append(f"{package['name']}: no rust-version")
            continue
        highest = ((0,), None)
        seen = set()
        stack = [(member, True)]
        while stack:
            node_id, is_member = stack.pop()
            if node_id in seen:
                continue
            seen.add(node_id)
            for dep in nodes[node_id]["deps"]:
                kinds = {k["kind"] for k in dep["dep_kinds"]}
                if kinds & {None, "build"} or (is_member and "dev" in kinds):
                    stack.append((dep["pkg"], False))
            if node_id != member:
                needed = packages[node_id].get("rust_version")
                if needed and version(needed) > highest[0]:
                    highest = (version(needed), packages[node_id])
        need, who = highest
        name = package["name"]
        if who is None:
            print(f"{name}: rust-version {ours}; no dependency declares one")
        elif version(ours) < need:
            failures.append(
                f"{name}: rust-version {ours}, but {who['name']} {who['version']} "
                f"needs {who['rust_version']}"
            )
        else:
            print(
                f"{name}: rust-version {ours} >= {who['rust_version']} "
                f"(the highest, {who['name']} {who['version']})"
            )
    for failure in failures:
        print(f"error: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
