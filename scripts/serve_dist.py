#!/usr/bin/env python3
"""Serves a built site on loopback only, with the headers README.md recommends to hosts.

Used by the end-to-end tests and the benchmark. `--port 0` picks a free port; the first line
printed is `listening http://127.0.0.1:PORT/`, which callers wait for.
"""

import argparse
import functools
import gzip
import http.server
import os
import re
import sys

CSP = (
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self'; connect-src 'self'; worker-src blob:; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)


def with_page_hashes(csp: str, directory: str) -> str:
    """The policy with the hashes of the served page's own inline code (the pre-rendered
    widget's <style>, the script choosing its language), which index.html's meta policy lists,
    as README.md tells hosts to add them."""
    try:
        with open(os.path.join(directory, "index.html"), encoding="utf-8") as file:
            page = file.read()
    except FileNotFoundError:
        return csp
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    for directive in ("script-src", "style-src"):
        sources = re.search(rf"{directive} ([^;]*)", meta.group(1)) if meta else None
        hashes = [source for source in (sources.group(1).split() if sources else []) if source.startswith("'sha")]
        csp = re.sub(rf"({directive} [^;]*)", lambda m, h=hashes: " ".join([m.group(1), *h]), csp, count=1)
    return csp


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".svg": "image/svg+xml",
    }

    def handle(self):
        # A browser closing a connection early is normal, not an error worth printing.
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def translate_path(self, path):
        # --mount PREFIX=DIR serves DIR under PREFIX (examples, test host pages).
        for prefix, directory in self.server.mounts:
            if path.startswith(prefix):
                return self._within(directory, path[len(prefix):])
        return super().translate_path(path)

    def _within(self, directory, rest):
        saved = self.directory
        self.directory = directory
        try:
            return super().translate_path("/" + rest)
        finally:
            self.directory = saved

    def end_headers(self):
        self.send_header("Content-Security-Policy", self.server.csp)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        if not self.server.cacheable:
            self.send_header("Cache-Control", "no-store")
        if self.server.isolated:
            self.send_header("Cross-Origin-Opener-Policy", "same-origin")
            self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
        super().end_headers()

    def do_GET(self):
        # --gzip (the benchmark's throttled run): files go gzip-compressed, as a production server
        # sends them, so a slow link carries what it would carry in real use.
        path = self.translate_path(self.path)
        if not (self.server.gzip and "gzip" in self.headers.get("Accept-Encoding", "") and os.path.isfile(path)):
            return super().do_GET()
        with open(path, "rb") as file:
            body = gzip.compress(file.read(), compresslevel=9, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        if self.server.verbose:
            super().log_message(format, *args)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", default="dist")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--no-csp", action="store_true", help="send no CSP header (host pages)")
    parser.add_argument(
        "--cross-origin-isolated",
        action="store_true",
        help="also send COOP and COEP (the benchmark: a 5 µs clock in Chromium instead of 100 µs)",
    )
    parser.add_argument("--gzip", action="store_true", help="send files gzip-compressed (the benchmark)")
    parser.add_argument(
        "--cacheable",
        action="store_true",
        help="no Cache-Control: no-store (a host whose pages the back/forward cache may keep)",
    )
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument(
        "--mount",
        action="append",
        default=[],
        metavar="PREFIX=DIR",
        help="also serve DIR under the URL path PREFIX (e.g. /examples/=examples)",
    )
    args = parser.parse_args()
    handler = functools.partial(Handler, directory=args.dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    server.csp = None if args.no_csp else with_page_hashes(CSP, args.dir)
    server.verbose = args.verbose
    server.isolated = args.cross_origin_isolated
    server.gzip = args.gzip
    server.cacheable = args.cacheable
    server.mounts = [tuple(m.split("=", 1)) for m in args.mount]
    if server.csp is None:
        Handler.end_headers = http.server.SimpleHTTPRequestHandler.end_headers
    print(f"listening http://127.0.0.1:{server.server_address[1]}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
