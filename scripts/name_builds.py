#!/usr/bin/env python3
"""Trunk's post-build step: gives the tablet's build a hashed name and writes
both builds' file names into index.html's loader.

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


def main():
    stage = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TRUNK_STAGING_DIR")
    if not stage or not os.path.isdir(stage):
        fail("no staging folder (run by Trunk, or give it as the argument)")
    files = os.listdir(stage)

    def path(name):
        return os.path.join(stage, name)

    # The facilitator's build, named by Trunk.
    main_js = [f for f in files if re.fullmatch(r"co-produce-[0-9a-f]{16}\.js", f)]
    if len(main_js) != 1:
        fail(f"expected one co-produce-<hash>.js, found {main_js}")
    main_stem = main_js[0][: -len(".js")]
    if f"{main_stem}_bg.wasm" not in files:
        fail(f"{main_stem}_bg.wasm is missing")

    # The tablet's build, unhashed: hash it by what it holds.
    js, wasm = "co-produce-tablet.js", "co-produce-tablet_bg.wasm"
    for f in (js, wasm):
        if f not in files:
            fail(f"{f} is missing (is the tablet's <link data-trunk rel=\"rust\"> in index.html?)")
    with open(path(js), "rb") as f:
        js_bytes = f.read()
    with open(path(wasm), "rb") as f:
        wasm_bytes = f.read()
    digest = hashlib.sha256(js_bytes + b"\0" + wasm_bytes).hexdigest()[:16]
    tablet_stem = f"co-produce-tablet-{digest}"
    # wasm-bindgen's glue names its wasm as a fallback; keep that true too.
    js_bytes = js_bytes.replace(wasm.encode(), f"{tablet_stem}_bg.wasm".encode())
    with open(path(f"{tablet_stem}.js"), "wb") as f:
        f.write(js_bytes)
    os.replace(path(wasm), path(f"{tablet_stem}_bg.wasm"))
    os.remove(path(js))

    index = path("index.html")
    with open(index, encoding="utf-8") as f:
        html = f.read()
    names = {
        "'./co-produce.js'": f"'./{main_stem}.js'",
        "'./co-produce_bg.wasm'": f"'./{main_stem}_bg.wasm'",
        "'./co-produce-tablet.js'": f"'./{tablet_stem}.js'",
        "'./co-produce-tablet_bg.wasm'": f"'./{tablet_stem}_bg.wasm'",
    }
    for placeholder, name in names.items():
        if html.count(placeholder) != 1:
            fail(f"index.html should name {placeholder} once in its loader, found {html.count(placeholder)}")
        html = html.replace(placeholder, name)
    # Trunk leaves the main app's link in place when it injects no script.
    html = re.sub(r'\s*<link data-trunk rel="rust"[^>]*>', "", html)
    with open(index, "w", encoding="utf-8") as f:
        f.write(html)
    print(f"name_builds: facilitator {main_stem}, tablet {tablet_stem}")


if __name__ == "__main__":
    main()
