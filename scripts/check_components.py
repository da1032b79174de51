#!/usr/bin/env python3
"""Checks that no Leptos component in src/ui is longer than LIMIT lines.

A component is a `fn` marked `#[component]`. Its length is its body: the
lines from the `{` that opens it to the `}` that closes it, both counted.
The signature and its prop doc comments are not counted, so documenting a
prop costs nothing; a body over the limit is a screen doing too much, and
splits into smaller components named for what they show. Comments and
string literals are skipped when matching braces.

Usage: scripts/check_components.py [SRC_DIR]      check a tree (default: src)
       scripts/check_components.py --self-test    prove the check catches a
                                                  long component
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_modules import strip_code  # noqa: E402

# The most lines a component's body may have.
LIMIT = 100

# Components allowed over the limit for now, as "file::Name": reason.
# Each entry says why; the list is meant to be empty.
ALLOWED: dict[str, str] = {}


@dataclass
class Component:
    file: str  # relative to src/
    name: str
    line: int  # 1-based line of `fn`
    length: int  # lines in the body

    @property
    def key(self) -> str:
        return f"{self.file}::{self.name}"


COMPONENT_RE = re.compile(r"#\[\s*component\s*\]")
FN_RE = re.compile(r"\bfn\s+([A-Za-z_][A-Za-z0-9_]*)")


def components_in(rel: str, text: str) -> list[Component]:
    """Every `#[component]` fn in one file, with its body's length."""
    code = strip_code(text)
    found: list[Component] = []
    for attr in COMPONENT_RE.finditer(code):
        fn = FN_RE.search(code, attr.end())
        if fn is None:
            continue
        # Skip the argument list, then the body opens at the first `{`.
        i = code.find("(", fn.end())
        depth = 0
        while i < len(code):
            if code[i] == "(":
                depth += 1
            elif code[i] == ")":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        start = code.find("{", i)
        if start < 0:
            continue
        depth, j = 0, start
        while j < len(code):
            if code[j] == "{":
                depth += 1
            elif code[j] == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        first = code.count("\n", 0, start) + 1
        last = code.count("\n", 0, j) + 1
        found.append(
            Component(rel, fn.group(1), code.count("\n", 0, fn.start()) + 1, last - first + 1)
        )
    return found


def check(src: Path, allowed: dict[str, str], out=sys.stdout) -> tuple[int, list[Component]]:
    comps: list[Component] = []
    ui = src / "ui"
    for path in sorted(ui.rglob("*.rs")) if ui.is_dir() else []:
        rel = path.relative_to(src).as_posix()
        comps += components_in(rel, path.read_text(encoding="utf-8"))
    too_long = [c for c in comps if c.length > LIMIT and c.key not in allowed]
    excused = [c for c in comps if c.length > LIMIT and c.key in allowed]
    stale = sorted(k for k in allowed if k not in {c.key for c in comps if c.length > LIMIT})
    for c in too_long:
        print(
            f"component too long: src/{c.file}:{c.line} {c.name} is {c.length} lines "
            f"(limit {LIMIT}); split it into components named for what they show",
            file=out,
        )
    for c in excused:
        print(f"allowed for now: src/{c.file}:{c.line} {c.name} ({c.length} lines): "
              f"{allowed[c.key]}", file=out)
    for k in stale:
        print(f"allow-list entry no longer needed: {k} (remove it)", file=out)
    longest = max(comps, key=lambda c: c.length, default=None)
    longest_ok = max(
        (c for c in comps if c.key not in allowed), key=lambda c: c.length, default=None
    )
    summary = f"components: {len(comps)} in src/ui, limit {LIMIT} lines, {len(too_long)} over"
    if excused:
        summary += f", {len(excused)} allowed for now"
    if longest_ok:
        summary += f"; longest {longest_ok.name} {longest_ok.length} lines"
    if longest and longest is not longest_ok:
        summary += f" (with allowed: {longest.name} {longest.length})"
    print(summary, file=out)
    return (1 if too_long or stale else 0), too_long


SELF_TEST_TREE = {
    # Braces in comments and strings must not end or stretch a body.
    "ui/short.rs": (
        "#[component]\npub fn Short(\n    /// A `{` in a doc.\n    n: u32,\n) -> impl IntoView {\n"
        '    let s = "}}}";\n    // }\n    view! { <p>{s}</p> }\n}\n'
    ),
    # 101 lines: the opening and closing lines and 99 between.
    "ui/long.rs": "#[component]\npub fn Long() -> impl IntoView {\n"
    + "    let _ = 1;\n" * 99
    + "}\n",
    # Not a component, however long.
    "ui/helper.rs": "pub fn helper() {\n" + "    let _ = 1;\n" * 200 + "}\n",
}


def self_test() -> int:
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for rel, text in SELF_TEST_TREE.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, encoding="utf-8")
        with open(os.devnull, "w") as sink:
            status, too_long = check(root, {}, out=sink)
        if status == 0:
            problems.append("a 101-line component passed")
        if [(c.name, c.length) for c in too_long] != [("Long", 101)]:
            problems.append(f"expected Long at 101 lines, got {too_long}")
        short = components_in("ui/short.rs", SELF_TEST_TREE["ui/short.rs"])
        if [(c.name, c.length) for c in short] != [("Short", 5)]:
            problems.append(f"expected Short at 5 lines, got {short}")
        with open(os.devnull, "w") as sink:
            status, _ = check(root, {"ui/long.rs::Long": "test"}, out=sink)
        if status != 0:
            problems.append("an allowed component failed")
        with open(os.devnull, "w") as sink:
            status, _ = check(root, {"ui/gone.rs::Gone": "test"}, out=sink)
        if status == 0:
            problems.append("a stale allow-list entry passed")
        # Trimming to the limit must pass.
        (root / "ui/long.rs").write_text(
            "#[component]\npub fn Long() -> impl IntoView {\n" + "    let _ = 1;\n" * 98 + "}\n",
            encoding="utf-8",
        )
        with open(os.devnull, "w") as sink:
            status, _ = check(root, {}, out=sink)
        if status != 0:
            problems.append("a 100-line component failed")
    for p in problems:
        print("self-test: " + p)
    print("component length self-test: " + ("failed" if problems else "ok"))
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    if argv[1:] == ["--self-test"]:
        return self_test()
    src = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "src"
    status, _ = check(src, ALLOWED)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
