#!/usr/bin/env python3
"""Renders the installed app's icons from public/favicon.svg into public/app-icons/.

The PNGs are committed; run this again only after changing the favicon:
    python3 scripts/app_icons.py        (needs `pip install cairosvg`)

- icon-192.png, icon-512.png: the favicon as it is (rounded corners, "any" purpose).
- maskable-512.png: full-bleed background with the picture shrunk into the middle
  80% circle, which Android may cut to a circle, squircle or rounded square.
- apple-touch-icon.png (180x180): full-bleed square; iOS rounds the corners itself
  and would show transparent corners as black.
"""
import re
from pathlib import Path

import cairosvg

root = Path(__file__).resolve().parent.parent
src = (root / "public/favicon.svg").read_text()
out = root / "public/app-icons"
out.mkdir(exist_ok=True)

# The favicon is one rounded background rect followed by the picture.
m = re.fullmatch(r'\s*(<svg[^>]*>)\s*(<rect[^>]*/>)(.*)(</svg>)\s*', src, re.S)
if not m:
    raise SystemExit("public/favicon.svg no longer starts with its background <rect/>; update this script")
svg_open, background, picture, svg_close = m.groups()
fill = re.search(r'fill="([^"]+)"', background).group(1)


def full_bleed(scale):
    """Square background, the picture scaled about its centre (32, 33.5) to the canvas centre."""
    return (f'{svg_open}<rect width="64" height="64" fill="{fill}"/>'
            f'<g transform="translate(32 32) scale({scale}) translate(-32 -33.5)">{picture}</g>{svg_close}')


def render(svg, name, size):
    cairosvg.svg2png(bytestring=svg.encode(), write_to=str(out / name), output_width=size, output_height=size)
    print(f"public/app-icons/{name} ({size}x{size})")


render(src, "icon-192.png", 192)
render(src, "icon-512.png", 512)
render(full_bleed(0.8), "maskable-512.png", 512)
render(full_bleed(0.9), "apple-touch-icon.png", 180)
