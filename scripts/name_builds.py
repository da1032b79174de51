#!/usr/bin/env python3
"""Trunk's post-build step: gives the tablet's and records' builds and the
scanner's worker hashed names and writes every build's file names into
index.html's loader.

Trunk loads one "main" Rust app and names it by its hash; the tablet's build is
a second app that Trunk copies unhashed (as it does for a web worker). This
names it `co-produce-tablet-<16 hex>.js` and `…_bg.wasm` as Trunk names the
main one, so a new build never meets an old copy in a browser's cache, and the
service worker's offline copy is versioned by it. The loader in index.html
names the files `./co-produce.js`, `./co-produce_bg.wasm`,
`./co-produce-tablet.js` and `./co-produce-tablet_bg.wasm`; they become the
real names here. Fails loudly if a file or a name is missing.

Usage (Trunk.toml runs it): scripts/name_builds.py [STAGING_DIR]
"""
import hashlib
import os
import re
import sys


def fail(message):
    print(f"name_builds: {message}", file=sys.stderr)
    sys.exit(1)


def pad_trunk_hashes(stage):
    """Trunk writes its hashes in hex without leading zeros, so about one build
    in sixteen names a file with 15 hex digits (`main-0f3….css` becomes
    `main-f3….css`). Everything that recognises a build's files (the service
    worker, the size budget, the tests) expects 16: pad them, and the names in
    index.html and the js that refers to them."""
    renamed = {}
    for name in os.listdir(stage):
        m = re.fullmatch(r"(.+)-([0-9a-f]{1,15})((?:_bg)?\.[a-z0-9]+)", name)
        if m and not os.path.isdir(os.path.join(stage, name)):
            new = f"{m.group(1)}-{m.group(2).zfill(16)}{m.group(3)}"
            os.replace(os.path.join(stage, name), os.path.join(stage, new))
            renamed[name] = new
    if not renamed:
        return
    for name in os.listdir(stage):
        if name.endswith((".html", ".js")):
            with open(os.path.join(stage, name), encoding="utf-8") as f:
                text = f.read()
            changed = text
            for old, new in renamed.items():
                changed = re.sub(r"(?<![0-9a-f])" + re.escape(old), new, changed)
            if changed != text:
                with open(os.path.join(stage, name), "w", encoding="utf-8") as f:
                    f.write(changed)
    print("name_builds: padded " + ", ".join(f"{a} -> {b}" for a, b in renamed.items()))


def hash_named(stage, stem):
    """Renames `<stem>.js` and `<stem>_bg.wasm`, which Trunk copies unhashed (as
    it does a web worker), to `<stem>-<16 hex>…` by what they hold, and returns
    the new stem."""
    js, wasm = f"{stem}.js", f"{stem}_bg.wasm"
    for f in (js, wasm):
        if not os.path.isfile(os.path.join(stage, f)):
            fail(f"{f} is missing (is its <link data-trunk rel=\"rust\"> in index.html?)")
    with open(os.path.join(stage, js), "rb") as f:
        js_bytes = f.read()
    with open(os.path.join(stage, wasm), "rb") as f:
        wasm_bytes = f.read()
    digest = hashlib.sha256(js_bytes + b"\0" + wasm_bytes).hexdigest()[:16]
    hashed = f"{stem}-{digest}"
    # wasm-bindgen's glue names its wasm as a fallback; keep that true too.
    js_bytes = js_bytes.replace(wasm.encode(), f"{hashed}_bg.wasm".encode())
    with open(os.path.join(stage, f"{hashed}.js"), "wb") as f:
        f.write(js_bytes)
    os.replace(os.path.join(stage, wasm), os.path.join(stage, f"{hashed}_bg.wasm"))
    os.remove(os.path.join(stage, js))
    return hashed


def main():
    stage = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TRUNK_STAGING_DIR")
    if not stage or not os.path.isdir(stage):
        fail("no staging folder (run by Trunk, or give it as the argument)")
    def path(name):
        return os.path.join(stage, name)

    pad_trunk_hashes(stage)
    files = os.listdir(stage)

    # The facilitator's build, named by Trunk.
    main_js = [f for f in files if re.fullmatch(r"co-produce-[0-9a-f]{16}\.js", f)]
    if len(main_js) != 1:
        fail(f"expected one co-produce-<hash>.js, found {main_js}")
    main_stem = main_js[0][: -len(".js")]
    if f"{main_stem}_bg.wasm" not in files:
        fail(f"{main_stem}_bg.wasm is missing")

    # The tablet's and records' builds and the scanner's worker, unhashed: hash each by what it holds.
    tablet_stem = hash_named(stage, "co-produce-tablet")
    records_stem = hash_named(stage, "co-produce-records")
    scanner_stem = hash_named(stage, "co-produce-scanner")

    index = path("index.html")
    with open(index, encoding="utf-8") as f:
        html = f.read()
    names = {
        "'./co-produce.js'": f"'./{main_stem}.js'",
        "'./co-produce_bg.wasm'": f"'./{main_stem}_bg.wasm'",
        "'./co-produce-tablet.js'": f"'./{tablet_stem}.js'",
        "'./co-produce-tablet_bg.wasm'": f"'./{tablet_stem}_bg.wasm'",
        "'./co-produce-records.js'": f"'./{records_stem}.js'",
        "'./co-produce-records_bg.wasm'": f"'./{records_stem}_bg.wasm'",
        "'./co-produce-scanner.js'": f"'./{scanner_stem}.js'",
        "'./co-produce-scanner_bg.wasm'": f"'./{scanner_stem}_bg.wasm'",
    }
    for placeholder, name in names.items():
        if html.count(placeholder) != 1:
            fail(f"index.html should name {placeholder} once in its loader, found {html.count(placeholder)}")
        html = html.replace(placeholder, name)
    # Trunk leaves the main app's link in place when it injects no script.
    html = re.sub(r'\s*<link data-trunk rel="rust"[^>]*>', "", html)
    with open(index, "w", encoding="utf-8") as f:
        f.write(html)
    print(f"name_builds: facilitator {main_stem}, tablet {tablet_stem}, records {records_stem}, scanner {scanner_stem}")


def self_test():
    """Builds a fake staging folder with a 15-digit hash and checks every name
    comes out with 16, the loader's placeholders filled in, and the tablet's
    build named by its hash."""
    import tempfile

    with tempfile.TemporaryDirectory() as stage:
        files = {
            "co-produce-ece2aa6ef2953ce.js": "fetch('co-produce-ece2aa6ef2953ce_bg.wasm')",
            "co-produce-ece2aa6ef2953ce_bg.wasm": "wasm",
            "co-produce-tablet.js": "fetch('co-produce-tablet_bg.wasm')",
            "co-produce-tablet_bg.wasm": "tablet wasm",
            "co-produce-records.js": "fetch('co-produce-records_bg.wasm')",
            "co-produce-records_bg.wasm": "records wasm",
            "co-produce-scanner.js": "fetch('co-produce-scanner_bg.wasm')",
            "co-produce-scanner_bg.wasm": "scanner wasm",
            "main-abc.css": "body{}",
            "index.html": "<link href=\"./main-abc.css\"><script>"
            "['./co-produce.js','./co-produce_bg.wasm','./co-produce-tablet.js',"
            "'./co-produce-tablet_bg.wasm','./co-produce-records.js','./co-produce-records_bg.wasm',"
            "'./co-produce-scanner.js','./co-produce-scanner_bg.wasm']</script>"
            '<link data-trunk rel="rust" data-bin="co-produce" data-trunk-id="0">',
        }
        for name, text in files.items():
            with open(os.path.join(stage, name), "w", encoding="utf-8") as f:
                f.write(text)
        sys.argv = ["name_builds.py", stage]
        main()
        names = sorted(os.listdir(stage))
        with open(os.path.join(stage, "index.html"), encoding="utf-8") as f:
            html = f.read()
        with open(os.path.join(stage, "co-produce-0ece2aa6ef2953ce.js"), encoding="utf-8") as f:
            main_js = f.read()
        tablet = [n for n in names if re.fullmatch(r"co-produce-tablet-[0-9a-f]{16}\.js", n)]
        problems = [
            what
            for what, ok in [
                ("a 15-digit hash is padded", "co-produce-0ece2aa6ef2953ce_bg.wasm" in names),
                ("the js names its padded wasm", "co-produce-0ece2aa6ef2953ce_bg.wasm" in main_js),
                ("the css is padded too", "main-0000000000000abc.css" in names),
                ("index.html names the padded css", "./main-0000000000000abc.css" in html
                 and "./main-abc.css" not in html),
                ("the tablet's build is hashed", len(tablet) == 1),
                ("the loader names both builds", "'./co-produce-0ece2aa6ef2953ce.js'" in html
                 and f"'./{tablet[0] if tablet else '?'}'" in html),
                ("Trunk's leftover link is gone", "data-trunk" not in html),
                ("the records' build is hashed and named",
                 len([n for n in names if re.fullmatch(r"co-produce-records-[0-9a-f]{16}_bg\.wasm", n)]) == 1
                 and re.search(r"'\./co-produce-records-[0-9a-f]{16}_bg\.wasm'", html) is not None),
                ("the scanner's worker is hashed and named",
                 len([n for n in names if re.fullmatch(r"co-produce-scanner-[0-9a-f]{16}_bg\.wasm", n)]) == 1
                 and re.search(r"'\./co-produce-scanner-[0-9a-f]{16}\.js'", html) is not None),
            ]
            if not ok
        ]
    for what in problems:
        print(f"name_builds self-test: {what}: failed", file=sys.stderr)
    print(f"name_builds self-test: {'ok' if not problems else 'failed'}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        self_test()
    main()
