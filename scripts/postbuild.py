#!/usr/bin/env python3
"""Trunk post-build hook: turns Trunk's output into the one bundle used three ways.

Trunk writes the wasm-bindgen glue as embed/scim-token-widget.js. Hosts import that name, so
the glue becomes embed/glue.js and the embed module (static/embed.js, which registers the custom
element and exports mount()) takes the stable name. The page's own <link data-trunk rel="rust">
is left behind by Trunk when it injects no scripts; it is removed here.
"""

import os
import re
import shutil
import sys
from pathlib import Path

SOURCE = Path(os.environ.get("TRUNK_SOURCE_DIR", "."))
STAGING = Path(os.environ["TRUNK_STAGING_DIR"])
EMBED = STAGING / "embed"


def main() -> int:
    glue = EMBED / "scim-token-widget.js"
    if not glue.exists():
        print(f"postbuild: {glue} missing; did the rust pipeline run?", file=sys.stderr)
        return 1
    glue.replace(EMBED / "glue.js")
    shutil.copyfile(SOURCE / "static" / "embed.js", EMBED / "scim-token-widget.js")
    shutil.copyfile(SOURCE / "static" / "widget.css", EMBED / "widget.css")
    shutil.copyfile(SOURCE / "static" / "scim-token-widget.d.ts", EMBED / "scim-token-widget.d.ts")

    index = STAGING / "index.html"
    html = index.read_text(encoding="utf-8")
    html = re.sub(r'\s*<link[^>]*data-trunk[^>]*rel="rust"[^>]*>', "", html)
    html = re.sub(r'\s*<link[^>]*rel="rust"[^>]*data-trunk[^>]*>', "", html)
    index.write_text(html, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
