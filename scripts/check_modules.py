#!/usr/bin/env python3
"""Checks the file-level import graph of src/: no cycles, no upward imports.

An edge A -> B means file A names an item that file B defines: through a
`use crate::…`, `use super::…`, `use self::…` (grouped `{…}` imports too), a
relative `use child::…`, or an inline path such as `crate::a::b::f()` or
`super::x::Y` in the code (comments and string literals are skipped). Paths
resolve to the file that defines the item: the longest module path that is a
file, then through that file's own `use` bindings, so a `pub use x::Name`
re-export in a mod.rs or lib.rs leads to x's file and the hub itself adds no
edge. A parent's `mod child;` is a declaration, not an import.

Usage: scripts/check_modules.py [SRC_DIR]      check a tree (default: src)
       scripts/check_modules.py --self-test    prove the check catches a
                                                cycle and an upward import
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

CRATE_NAME = "co_produce"
IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
SEP = r"\s*::\s*"
# Most cycles listed before the output stops naming them.
MAX_CYCLES_LISTED = 100


def strip_code(text: str) -> str:
    """Blanks out comments and string/char literals, keeping line breaks."""
    out: list[str] = []
    i, n = 0, len(text)

    def blank(chunk: str) -> str:
        return "".join("\n" if c == "\n" else " " for c in chunk)

    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(blank(text[i:j]))
            i = j
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(blank(text[i:j]))
            i = j
        elif (m := re.compile(r'b?r(#*)"').match(text, i)) and (
            i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")
        ):
            end = text.find('"' + m.group(1), m.end())
            j = n if end < 0 else end + 1 + len(m.group(1))
            out.append(blank(text[i:j]))
            i = j
        elif c == '"' or (c == "b" and text.startswith('b"', i)):
            j = i + (2 if c == "b" else 1)
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(blank(text[i:j]))
            i = j
        elif c == "'":
            # A char literal ('a', '\n', '\u{..}'), not a lifetime ('a).
            m = re.compile(r"'(\\u\{[0-9a-fA-F]+\}|\\.|[^\\'])'").match(text, i)
            if m:
                out.append(blank(m.group(0)))
                i = m.end()
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


@dataclass
class Binding:
    """A name a `use` brings into a module, and the path it stands for."""

    path: list[str]  # absolute, from the crate root; [] for the root itself
    public: bool
    glob: bool = False


@dataclass
class Module:
    """One module: a file, or an inline `mod x { … }` inside one."""

    path: tuple[str, ...]
    file: str
    inline_children: set[str] = field(default_factory=set)
    bindings: dict[str, Binding] = field(default_factory=dict)
    globs: list[Binding] = field(default_factory=list)
    defines: set[str] = field(default_factory=set)


@dataclass
class UseItem:
    path: list[str]  # absolute
    alias: str | None  # name bound; None for a glob
    public: bool
    glob: bool
    scope: tuple[str, ...]  # module path it was written in


def parse_use_tree(tree: str) -> list[tuple[list[str], str | None, bool]]:
    """Flattens a use tree into (segments, bound name, is_glob) leaves."""
    tokens = re.findall(rf"{IDENT}|::|\{{|\}}|,|\*", tree)
    pos = 0

    def peek() -> str | None:
        return tokens[pos] if pos < len(tokens) else None

    def parse(prefix: list[str]) -> list[tuple[list[str], str | None, bool]]:
        nonlocal pos
        segs: list[str] = []
        while (tok := peek()) is not None:
            if tok == "{":
                pos += 1
                leaves = []
                while peek() not in (None, "}"):
                    if peek() == ",":
                        pos += 1
                    else:
                        leaves += parse(prefix + segs)
                pos += 1
                return leaves
            if tok == "*":
                pos += 1
                return [(prefix + segs, None, True)]
            if tok in (",", "}", "::"):
                break
            pos += 1
            if tok == "as":
                pos -= 1
                break
            if not (tok == "self" and prefix and not segs):
                segs.append(tok)  # `{self, …}` binds the prefix itself
            if peek() == "::":
                pos += 1
            else:
                break
        full = prefix + segs
        alias = full[-1] if full else None
        if peek() == "as":
            pos += 1
            alias = peek()
            pos += 1
        return [(full, alias, False)]

    return parse([])


class Graph:
    def __init__(self, src: Path):
        self.src = src
        self.modules: dict[tuple[str, ...], Module] = {}
        self.files: list[str] = []
        self.edges: dict[str, set[str]] = {}
        self.uses: dict[str, list[UseItem]] = {}
        self.inline_paths: dict[str, list[tuple[tuple[str, ...], list[str]]]] = {}
        self.stripped: dict[str, str] = {}
        self._load()

    # ---- discovery -------------------------------------------------------

    def _module_path(self, rel: str) -> tuple[str, ...] | None:
        parts = rel[:-3].split("/")
        if parts == ["lib"]:
            return ()
        if parts == ["main"]:
            return None  # the binary: a crate of its own
        if parts[-1] == "mod":
            parts = parts[:-1]
        return tuple(parts)

    def _load(self) -> None:
        for path in sorted(self.src.rglob("*.rs")):
            rel = path.relative_to(self.src).as_posix()
            self.files.append(rel)
            self.edges[rel] = set()
            self.stripped[rel] = strip_code(path.read_text(encoding="utf-8"))
            mpath = self._module_path(rel)
            if mpath is not None:
                self.modules[mpath] = Module(mpath, rel)
        for rel in self.files:
            self._scan(rel)

    def _scan(self, rel: str) -> None:
        """Reads a file's inline modules, `use`s and inline paths."""
        text = self.stripped[rel]
        base = self._module_path(rel)
        root_of_bin = base is None
        base = base if base is not None else ("<bin>",)
        if root_of_bin:
            self.modules[base] = Module(base, rel)
        # Inline modules, tracked by brace depth so `super::` is right inside them.
        scopes: list[tuple[int, tuple[str, ...]]] = [(-1, base)]
        depth = 0
        uses: list[UseItem] = []
        inline: list[tuple[tuple[str, ...], list[str]]] = []
        use_re = re.compile(rf"(?<![\w$])(pub(\s*\([^)]*\))?\s+)?use\s+([^;]+);")
        mod_re = re.compile(rf"(?<![\w$])mod\s+({IDENT})\s*\{{")
        path_re = re.compile(rf"(?<![\w$:.])(crate|super|self|{CRATE_NAME})((?:{SEP}{IDENT})+)")
        i = 0
        spans: list[tuple[int, int, tuple[str, ...]]] = []
        while i < len(text):
            scope = scopes[-1][1]
            m_use = use_re.match(text, i) if text[i] in "pu" else None
            if m_use and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
                public = m_use.group(1) is not None
                for segs, alias, glob in parse_use_tree(m_use.group(3)):
                    absolute = self._absolute(segs, scope, root_of_bin)
                    if absolute is None:
                        continue
                    uses.append(UseItem(absolute, alias, public, glob, scope))
                i = m_use.end()
                continue
            m_mod = mod_re.match(text, i) if text[i] == "m" else None
            if m_mod and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
                name = m_mod.group(1)
                self.modules[scope].inline_children.add(name)
                child = scope + (name,)
                self.modules.setdefault(child, Module(child, rel))
                depth += 1
                scopes.append((depth, child))
                i = m_mod.end()
                continue
            if text[i] == "{":
                depth += 1
            elif text[i] == "}":
                if scopes[-1][0] == depth and len(scopes) > 1:
                    scopes.pop()
                depth -= 1
            spans.append((i, i + 1, scope))
            i += 1
        # Inline paths: scan the text outside `use`s, each in its own scope.
        kept = list(" " * len(text))
        scope_at: list[tuple[str, ...]] = [base] * len(text)
        for a, _, s in spans:
            kept[a] = text[a]
            scope_at[a] = s
        code = "".join(kept)
        for m in path_re.finditer(code):
            segs = [m.group(1)] + re.findall(IDENT, m.group(2))
            absolute = self._absolute(segs, scope_at[m.start()], root_of_bin)
            if absolute is not None:
                inline.append((scope_at[m.start()], absolute))
        item_re = re.compile(
            rf"(?<![\w$])(?:fn|struct|enum|trait|type|const|static|union|macro_rules!)\s+({IDENT})"
        )
        for m in item_re.finditer(code):
            self.modules[scope_at[m.start()]].defines.add(m.group(1))
        self._pending_code = getattr(self, "_pending_code", {})
        self._pending_code[rel] = (code, scope_at)
        self.uses[rel] = uses
        self.inline_paths[rel] = inline
        for u in uses:
            mod = self.modules[u.scope]
            binding = Binding(u.path, u.public, u.glob)
            if u.glob:
                mod.globs.append(binding)
            elif u.alias and u.alias != "_":
                mod.bindings[u.alias] = binding

    def _absolute(self, segs: list[str], scope: tuple[str, ...], bin_root: bool) -> list[str] | None:
        """Turns a written path into one from the crate root; None if external."""
        if not segs:
            return None
        head = segs[0]
        if head == "crate":
            return None if bin_root else segs[1:]
        if head == CRATE_NAME:
            return segs[1:]
        if head in ("self", "super"):
            cur = list(scope)
            rest = segs
            while rest and rest[0] in ("self", "super"):
                if rest[0] == "super":
                    if not cur:
                        return None
                    cur.pop()
                rest = rest[1:]
            if bin_root and (not cur or cur[0] != "<bin>"):
                return None
            return cur + rest
        # A relative path: a child module or a name bound in this module.
        if self._is_module(scope + (head,)):
            return list(scope) + segs
        return None

    def _is_module(self, path: tuple[str, ...]) -> bool:
        return path in self.modules

    # ---- resolution ------------------------------------------------------

    def resolve(self, path: list[str], seen: frozenset = frozenset()) -> tuple[str | None, bool]:
        """The file that defines `path`, and whether `path` is a module.

        (None, _) means the item lives outside src/ (another crate)."""
        found = self._lookup(path, seen)
        if found is None:
            return None, False
        return found

    def _lookup(
        self, path: list[str], seen: frozenset, strict: bool = False
    ) -> tuple[str | None, bool] | None:
        """Like resolve; when strict (looking through a glob), None if the
        name is not found rather than the module's own file."""
        key = tuple(path)
        if key in seen:
            return (None, False)
        seen = seen | {key}
        cur: tuple[str, ...] = ()
        if path and path[0] == "<bin>":
            cur, path = ("<bin>",), path[1:]
        for k, seg in enumerate(path):
            nxt = cur + (seg,)
            if nxt in self.modules:
                cur = nxt
                continue
            mod = self.modules.get(cur)
            if mod is None:
                return (None, False)
            if seg in mod.defines:
                return (mod.file, False)
            binding = mod.bindings.get(seg)
            if binding is not None:
                return self._lookup(binding.path + path[k + 1 :], seen, strict)
            for g in mod.globs:
                hit = self._lookup(g.path + path[k:], seen, True)
                if hit is not None and hit[0] is not None:
                    return hit
            # Not found: generated by a macro, or from an external glob.
            return None if strict else (mod.file, False)
        mod = self.modules.get(cur)
        return ((mod.file if mod else None), True)

    def _is_hub(self, rel: str) -> bool:
        return rel == "lib.rs" or rel.endswith("/mod.rs") or rel == "mod.rs"

    def build(self) -> None:
        for rel in self.files:
            targets: set[str] = set()
            module_aliases: dict[tuple[str, ...], dict[str, list[str]]] = {}
            for u in self.uses[rel]:
                target, is_module = self.resolve(u.path)
                if u.glob:
                    # A glob names no item: count the module it reads from.
                    if target is not None:
                        targets.add(target)
                    continue
                if is_module:
                    # `use x::module;` binds a name; its `module::item` uses count.
                    module_aliases.setdefault(u.scope, {})[u.alias or ""] = u.path
                    continue
                if u.public and self._is_hub(rel):
                    continue  # a re-export: callers are led through it
                if target is not None:
                    targets.add(target)
            for _, absolute in self.inline_paths[rel]:
                target, _ = self.resolve(absolute)
                if target is not None:
                    targets.add(target)
            # `alias::item` for module aliases and child modules named in code.
            code, scope_at = self._pending_code[rel]
            names: dict[str, set[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
            for scope, aliases in module_aliases.items():
                for alias, mpath in aliases.items():
                    names.setdefault(alias, set()).add((scope, tuple(mpath)))
            for mpath, mod in self.modules.items():
                if mod.file != rel:
                    continue
                for child in list(self.modules):
                    if len(child) == len(mpath) + 1 and child[: len(mpath)] == mpath:
                        names.setdefault(child[-1], set()).add((mpath, child))
            if names:
                alias_re = re.compile(
                    rf"(?<![\w$:.])({'|'.join(map(re.escape, names))})((?:{SEP}{IDENT})+)"
                )
                for m in alias_re.finditer(code):
                    here = scope_at[m.start()]
                    for scope, mpath in names[m.group(1)]:
                        if here[: len(scope)] != scope:
                            continue
                        rest = re.findall(IDENT, m.group(2))
                        target, _ = self.resolve(list(mpath) + rest)
                        if target is not None:
                            targets.add(target)
            targets.discard(rel)
            self.edges[rel] = targets

    # ---- checks ----------------------------------------------------------

    def cycles(self) -> list[list[str]]:
        """Elementary cycles, each once, starting from its smallest file."""
        found: list[list[str]] = []
        order = sorted(self.files)
        for start in order:
            stack = [(start, iter(sorted(self.edges[start])))]
            path = [start]
            on_path = {start}
            while stack and len(found) < MAX_CYCLES_LISTED:
                node, it = stack[-1]
                nxt = next(it, None)
                if nxt is None:
                    stack.pop()
                    on_path.discard(path.pop())
                    continue
                if nxt == start:
                    found.append(path + [start])
                elif nxt > start and nxt not in on_path:
                    stack.append((nxt, iter(sorted(self.edges[nxt]))))
                    path.append(nxt)
                    on_path.add(nxt)
        return found


def layer_rule(src: str, dst: str) -> str | None:
    """Why the import src -> dst goes the wrong way, or None if it is fine."""

    def under(f: str, d: str) -> bool:
        return f.startswith(d + "/")

    if under(src, "model") or src == "route.rs":
        if not (under(dst, "model") or dst == "route.rs"):
            return "model and route.rs import only model and route.rs"
    elif under(src, "platform"):
        if under(dst, "state") or under(dst, "ui") or dst == "app.rs":
            return "platform does not import state, ui or app"
    elif under(src, "state"):
        if under(dst, "ui") or dst == "app.rs":
            return "state does not import ui or app"
    elif under(src, "ui/pages"):
        if under(dst, "ui/pages") or dst == "app.rs":
            return "a page does not import another page or app"
    elif under(src, "ui"):
        if under(dst, "ui/pages") or dst == "app.rs":
            return "a ui component does not import a page or app"
    return None


def check(src: Path, out=sys.stdout) -> tuple[int, list[list[str]], list[tuple[str, str, str]]]:
    graph = Graph(src)
    graph.build()
    cycles = graph.cycles()
    upward = [
        (a, b, why)
        for a in graph.files
        for b in sorted(graph.edges[a])
        if (why := layer_rule(a, b)) is not None
    ]
    for c in cycles:
        print("cycle: " + " -> ".join(f"src/{f}" for f in c), file=out)
    if len(cycles) >= MAX_CYCLES_LISTED:
        print(f"(stopped after {MAX_CYCLES_LISTED} cycles)", file=out)
    for a, b, why in upward:
        print(f"upward import: src/{a} -> src/{b} ({why})", file=out)
    edges = sum(len(v) for v in graph.edges.values())
    print(
        f"module graph: {len(graph.files)} files, {edges} edges, "
        f"{len(cycles)} cycles, {len(upward)} upward imports",
        file=out,
    )
    return (1 if cycles or upward else 0), cycles, upward


SELF_TEST_TREE = {
    # A re-export hub and a `mod` declaration must not make a cycle.
    "lib.rs": "pub mod model;\npub mod ui;\nmod app;\npub use app::mount;\n",
    "app.rs": "use crate::ui::button::Button;\npub fn mount() {}\n",
    "model/mod.rs": "pub mod a;\npub mod b;\npub mod c;\npub use a::Alpha;\n",
    # a -> b by `use`, b -> c by a grouped `use`, c -> a by an inline path.
    "model/a.rs": "use super::b::Beta;\n/// `crate::ui::x` in a comment is no edge.\npub struct Alpha;\n",
    "model/b.rs": "use crate::model::{c::{Gamma}, self};\npub struct Beta;\n"
    'const S: &str = "crate::ui::button::Button";\n',
    "model/c.rs": "pub struct Gamma;\nfn f() { let _ = crate::model::Alpha; }\n",
    "ui/mod.rs": "pub mod button;\npub mod pages;\n",
    "ui/pages/mod.rs": "pub mod home;\n",
    "ui/pages/home.rs": "pub fn home() {}\n",
    # The upward import: a component reaching into a page.
    "ui/button.rs": "pub struct Button;\nfn g() { super::pages::home::home(); }\n",
}


def self_test() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for rel, text in SELF_TEST_TREE.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, encoding="utf-8")
        with open(os.devnull, "w") as sink:
            status, cycles, upward = check(root, out=sink)
        want_cycle = ["model/a.rs", "model/b.rs", "model/c.rs", "model/a.rs"]
        problems = []
        if status == 0:
            problems.append("a tree with a cycle and an upward import passed")
        if cycles != [want_cycle] and not any(c == want_cycle for c in cycles):
            problems.append(f"cycle a -> b -> c -> a not found (found {cycles})")
        extra = [c for c in cycles if c != want_cycle]
        if extra:
            problems.append(f"false cycles reported: {extra}")
        if [(a, b) for a, b, _ in upward] != [("ui/button.rs", "ui/pages/home.rs")]:
            problems.append(f"expected one upward import ui/button.rs -> ui/pages/home.rs, got {upward}")
        # Fixing both must leave a clean tree.
        (root / "model/c.rs").write_text("pub struct Gamma;\n", encoding="utf-8")
        (root / "ui/button.rs").write_text("pub struct Button;\n", encoding="utf-8")
        with open(os.devnull, "w") as sink:
            status, cycles, upward = check(root, out=sink)
        if status != 0:
            problems.append(f"the fixed tree failed: {cycles} {upward}")
    for p in problems:
        print("self-test: " + p)
    print("module graph self-test: " + ("failed" if problems else "ok"))
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    if argv[1:] == ["--self-test"]:
        return self_test()
    src = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "src"
    status, _, _ = check(src)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
