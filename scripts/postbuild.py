#!/usr/bin/env python3
"""Trunk post-build hook: turns Trunk's output into the one bundle used three ways.

1. The embed bundle, dist/embed/: scim-token-widget.js, the one ES module hosts import, the
   wasm beside it, and the module's types (static/scim-token-widget.d.ts). The module is
   static/embed/served.js and the files it imports, bundled by esbuild (pinned in
   package.json) with the wasm-bindgen glue Trunk wrote, and built.js's placeholders filled in
   (the CSS, each wasm's SHA-384, the worker's script). One module, not the glue imported
   beside it, because integrity has to cover it all: Chromium does not reliably make an import
   use a <link rel="modulepreload" integrity> check (a failed preload is fetched again,
   unchecked, by the import), while one module with one integrity hash covers all the
   JavaScript.
2. The standalone page, dist/index.html: Trunk's leftover <link data-trunk rel="rust"> goes,
   the footer gets the version and commit, and every script gets the subresource-integrity
   hash of the file it names.
   The helpers' worker (crates/worker), which Trunk builds from index.html's
   `data-type="worker"` link, is packaged here: its glue and static/embed/worker-bootstrap.js
   become one script carried in the embed module as a string (run as a blob: worker, so the
   module's integrity covers it), and the module fetches the worker's wasm
   (scim-token-worker_bg.wasm, beside the widget's) with its SHA-384. The directory check's
   worker (crates/directory-worker, index.html's second worker link) is packaged the same way
   (scim-token-directory-worker_bg.wasm), with the same bootstrap. Nothing is compiled
   here: this hook only bundles, fills in and packages.
3. The single-file page, dist/scim-token-widget.html: the page with everything inlined (the
   module bundled from static/embed/single-file.js in an inline script, the widget's wasm and
   both workers' gzipped in it, the CSS, the icon as a data: URI) under a policy that allows
   exactly those inline parts by hash, workers from blob: URLs, and no network. It offers all
   the standalone page does: the helpers and the directory check too.

4. The npm package, dist/npm/: the embed bundle's files with a package.json (name, the version
   in Cargo.toml, `exports`, `types`, `files`, licence), a README for hosts and the licences;
   `npm pack` (no scripts, no network) makes dist/scim-token-widget-VERSION.tgz of it, which
   hosts install with `npm install ./scim-token-widget-VERSION.tgz`.

Last, dist/SHA256SUMS lists every file (`cd dist && sha256sum -c SHA256SUMS`), the tarball too.

Everything here is a pure function of the files and the commit, so two builds of one commit
give the same bytes: no timestamps (gzip's mtime is 0), no absolute paths, sorted listings.
"""

import base64
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

SOURCE = Path(os.environ.get("TRUNK_SOURCE_DIR", "."))
STAGING = Path(os.environ["TRUNK_STAGING_DIR"])
EMBED = STAGING / "embed"
WASM = "scim-token-widget_bg.wasm"
WORKER_NAME = "scim-token-worker"
WORKER_WASM = f"{WORKER_NAME}_bg.wasm"
DIRECTORY_WORKER_NAME = "scim-token-directory-worker"
DIRECTORY_WORKER_WASM = f"{DIRECTORY_WORKER_NAME}_bg.wasm"
EMBED_SOURCE = SOURCE / "static" / "embed"
# How the embed module's files import the wasm-bindgen glue Trunk wrote (esbuild's alias).
GLUE_IMPORT = "scim-token-widget-glue"

SINGLE_FILE = "scim-token-widget.html"
SUMS = "SHA256SUMS"

# The single file's policy. The hashes are filled in; nothing else is allowed: no network
# (connect-src 'none'), no other script or style, images only as data: (the icon), workers only
# from the blob: URLs the module makes of the scripts it carries.
SINGLE_FILE_CSP = (
    "default-src 'none'; script-src {scripts} 'wasm-unsafe-eval'; style-src {styles}; "
    "img-src data:; connect-src 'none'; worker-src blob:; base-uri 'none'; form-action 'none'"
)

class BuildError(Exception):
    pass


def sri(data: bytes) -> str:
    """The subresource-integrity / CSP source expression for `data`."""
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")


def js_string(text: str) -> str:
    """`text` as a JavaScript string literal that is also safe inside an inline <script>."""
    return json.dumps(text).replace("<", "\\u003c")


def stylesheet(*names: str) -> str:
    """static/NAME... joined, without comments and with less whitespace (only around `{ } ; ,`,
    where it never changes the meaning unless a string holds one, which this refuses)."""
    css = "".join((SOURCE / "static" / name).read_text(encoding="utf-8") for name in names)
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    if "'" in css or any(re.search(r"[{};,]", string) for string in re.findall(r'"[^"]*"', css)):
        raise BuildError(f"{names}: a string holds {{ }} ; , or a quote the minifier would touch")
    css = re.sub(r"\s+", " ", css)
    css = re.sub(r" ?([{};,]) ?", r"\1", css).strip()
    if re.search(r"</style", css, flags=re.I):
        raise BuildError(f"{names}: contains </style")
    return css


def bundle(entry: str, glue: Path, *defines: str) -> str:
    """static/embed/ENTRY and the files it imports as one ES module, with the wasm-bindgen glue
    (`glue`) where they import GLUE_IMPORT: esbuild (pinned in package.json) puts the modules
    together; it changes nothing else but the `defines` (esbuild's NAME=VALUE)."""
    esbuild = SOURCE / "node_modules" / ".bin" / "esbuild"
    if not esbuild.exists():
        raise BuildError(f"{esbuild} missing: run scripts/setup.sh (npm ci)")
    result = subprocess.run(
        [str(esbuild), str(EMBED_SOURCE / entry), "--bundle", "--format=esm", "--log-level=warning",
         f"--alias:{GLUE_IMPORT}={glue.resolve()}", *(f"--define:{define}" for define in defines)],
        capture_output=True,
        check=False,
    )
    if result.returncode != 0 or result.stderr:
        raise BuildError(f"esbuild {entry}: " + result.stderr.decode("utf-8", "replace"))
    return result.stdout.decode("utf-8")


# A value static/embed/built.js leaves to the build: `'postbuild:NAME'`, as esbuild prints it.
PLACEHOLDER = re.compile(r"""(["'])postbuild:([a-z0-9-]+)\1""")


def fill_in(module: str, values: dict[str, str], entry: str) -> str:
    """The bundled module with each placeholder of static/embed/built.js that it uses replaced by
    its value in `values`, as a string literal. A placeholder with no value, or a value for one
    the module does not hold (a name changed on one side only), fails the build."""
    found: set[str] = set()

    def value(match: re.Match) -> str:
        name = match.group(2)
        if name not in values:
            raise BuildError(f"{entry}: no value for the placeholder postbuild:{name}")
        found.add(name)
        return js_string(values[name])

    filled = PLACEHOLDER.sub(value, module)
    if found != set(values):
        raise BuildError(f"{entry}: no placeholder for {sorted(set(values) - found)} (static/embed/built.js)")
    return filled


def build_id() -> tuple[str, str]:
    """The version in Cargo.toml, and the commit built (`-dirty` if the tree differs from it)."""
    with open(SOURCE / "Cargo.toml", "rb") as manifest:
        version = tomllib.load(manifest)["workspace"]["package"]["version"]

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=SOURCE, capture_output=True, text=True, check=True
        ).stdout.strip()

    try:
        commit = git("rev-parse", "--short=12", "HEAD")
        # Ignored files (target/, dist/, node_modules/) do not count, so clean builds agree.
        if git("status", "--porcelain"):
            commit += "-dirty"
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return version, commit


def replace_one(pattern: str, replacement, text: str, what: str) -> str:
    result, count = re.subn(pattern, replacement, text)
    if count != 1:
        raise BuildError(f"index.html: expected one {what}, found {count}")
    return result


def finish_page(html: str) -> str:
    """The standalone page: no Trunk leftovers, the build's identity, SRI on every script."""
    html = re.sub(r'\s*<link[^>]*data-trunk[^>]*rel="rust"[^>]*>', "", html)
    html = re.sub(r'\s*<link[^>]*rel="rust"[^>]*data-trunk[^>]*>', "", html)
    version, commit = build_id()
    for name, value in (("version", version), ("commit", commit)):
        html = replace_one(
            rf'(<[^>]* data-build="{name}"[^>]*>)[^<]*(<)', rf"\g<1>{value}\g<2>", html, f'data-build="{name}"'
        )

    def integrity(match: re.Match) -> str:
        tag, url = match.group(0), match.group("url")
        if "integrity=" in tag:
            return tag
        path = STAGING / url
        if not path.is_file():
            raise BuildError(f"index.html: {url} is not in the build")
        return tag[:-1].rstrip() + f' integrity="{sri(path.read_bytes())}">'

    return re.sub(r'<script\b[^>]*\bsrc="(?P<url>[^"]+)"[^>]*>', integrity, html)


def minified(module: str, is_module: bool = True) -> str:
    """The module (or, not `is_module`, a classic script) through terser (pinned in
    package.json): 3.4 kB less gzip for the embed module.

    Done before any integrity hash is taken; terser's output is a pure function of its input.
    """
    terser = SOURCE / "node_modules" / ".bin" / "terser"
    if not terser.exists():
        raise BuildError(f"{terser} missing: run scripts/setup.sh (npm ci)")
    result = subprocess.run(
        [str(terser), *(["--module"] if is_module else []), "--compress", "--mangle", "--format", "ascii_only=true"],
        input=module.encode("utf-8"),
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        raise BuildError("terser failed: " + result.stderr.decode("utf-8", "replace"))
    return result.stdout.decode("utf-8")


def gzip_base64(data: bytes) -> str:
    """`data` gzipped (no timestamp) and base64-encoded, as the single file carries its wasm."""
    return base64.b64encode(gzip.compress(data, compresslevel=9, mtime=0)).decode("ascii")


def single_file_script(wasm: bytes, glue: Path, workers: dict[str, str]) -> str:
    """The single-file page's module: static/embed/single-file.js bundled, with the widget's
    wasm and both workers' (their scripts in `workers`) in it."""
    values = {
        "widget-css": stylesheet("widget.css"),
        "wasm-gzip-base64": gzip_base64(wasm),
        "worker-gzip-base64": gzip_base64((EMBED / WORKER_WASM).read_bytes()),
        "directory-worker-gzip-base64": gzip_base64((EMBED / DIRECTORY_WORKER_WASM).read_bytes()),
        **workers,
    }
    # The page has no files beside it: where the glue would fall back to loading its wasm from
    # beside the module (it never does, it is always given the bytes), it gets no address.
    module = bundle("single-file.js", glue, "import.meta.url=null")
    script = minified(fill_in(module, values, "single-file.js"))
    if re.search(r"</script|<!--", script, flags=re.I):
        raise BuildError("the inline script would end early: it contains </script or <!--")
    return script


def single_file_page(page: str, script: str) -> str:
    """The standalone page with every file it uses inlined (`script`, its module), under a
    hash-only policy."""
    styles: list[str] = []

    def inline_style(match: re.Match) -> str:
        css = (STAGING / match.group("url")).read_text(encoding="utf-8")
        if re.search(r"</style", css, flags=re.I):
            raise BuildError(f"{match.group('url')} contains </style")
        styles.append(css)
        return f"<style>{css}</style>"

    def icon(match: re.Match) -> str:
        data = (STAGING / match.group("url")).read_bytes()
        return f'{match.group("head")}data:image/svg+xml;base64,{base64.b64encode(data).decode("ascii")}"'

    html = replace_one(
        r'<link\b[^>]*\brel="stylesheet"[^>]*\bhref="(?P<url>[^"]+)"[^>]*>', inline_style, page, "stylesheet"
    )
    html = replace_one(r'(?P<head><link\b[^>]*\brel="icon"[^>]*\bhref=")(?P<url>[^"]+\.svg)"', icon, html, "svg icon")
    html = replace_one(
        r'<script type="module"[^>]*\bsrc="[^"]+"[^>]*></script>',
        lambda _: f'<script type="module">{script}</script>',
        html,
        "module script",
    )
    csp = SINGLE_FILE_CSP.format(
        scripts=f"'{sri(script.encode('utf-8'))}'",
        styles=" ".join(f"'{sri(css.encode('utf-8'))}'" for css in styles),
    )
    html = replace_one(
        r'(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")',
        lambda match: match.group(1) + csp + match.group(2),
        html,
        "CSP meta tag",
    )
    outside = re.search(r'\b(?:src|href)="(?!data:)([^"]*)"', html)
    if outside:
        raise BuildError(f"{SINGLE_FILE}: still refers to {outside.group(1)}")
    return html


# The package's files: the embed bundle, in the order package.json lists them.
NPM_FILES = ("scim-token-widget.js", "scim-token-widget.d.ts", WASM, WORKER_WASM, DIRECTORY_WORKER_WASM)
NPM_EXTRA = ("README.md", "LICENSE-MIT", "LICENSE-APACHE")


def npm_manifest(version: str) -> str:
    """dist/npm/package.json. Importing the module registers the custom element: a side effect
    bundlers must keep. The wasm files are exported too, for hosts that copy them somewhere
    (see configure() in the README)."""
    manifest = {
        "name": "scim-token-widget",
        "version": version,
        "description": "The SCIM secret token for Microsoft Entra ID provisioning to Secure Practice, "
        "made privately in the browser: a WebAssembly custom element.",
        "license": "MIT OR Apache-2.0",
        "type": "module",
        "module": "./scim-token-widget.js",
        "types": "./scim-token-widget.d.ts",
        "exports": {
            ".": {"types": "./scim-token-widget.d.ts", "default": "./scim-token-widget.js"},
            f"./{WASM}": f"./{WASM}",
            f"./{WORKER_WASM}": f"./{WORKER_WASM}",
            f"./{DIRECTORY_WORKER_WASM}": f"./{DIRECTORY_WORKER_WASM}",
            "./package.json": "./package.json",
        },
        "files": [*NPM_FILES, *NPM_EXTRA],
        "sideEffects": ["./scim-token-widget.js"],
        "keywords": ["scim", "entra-id", "azure-ad", "provisioning", "webassembly", "custom-element"],
    }
    return json.dumps(manifest, indent=2) + "\n"


def npm_package(version: str) -> Path:
    """Writes dist/npm/ and packs it with `npm pack`; returns the tarball's path.

    npm pack writes fixed timestamps and a sorted file list, so the tarball's bytes depend only
    on the files (scripts/reproducible.sh compares two builds' tarballs like every other file)."""
    package = STAGING / "npm"
    package.mkdir(exist_ok=True)
    for name in NPM_FILES:
        shutil.copyfile(EMBED / name, package / name)
    shutil.copyfile(SOURCE / "static" / "npm" / "README.md", package / "README.md")
    for name in ("LICENSE-MIT", "LICENSE-APACHE"):
        shutil.copyfile(SOURCE / name, package / name)
    (package / "package.json").write_text(npm_manifest(version), encoding="utf-8", newline="\n")
    result = subprocess.run(
        ["npm", "pack", "--json", "--ignore-scripts", "--offline", "--pack-destination", str(STAGING.resolve()),
         str(package.resolve())],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BuildError("npm pack failed: " + result.stderr)
    packed = json.loads(result.stdout)[0]
    listed = sorted(entry["path"] for entry in packed["files"])
    expected = sorted([*NPM_FILES, *NPM_EXTRA, "package.json"])
    if listed != expected:
        raise BuildError(f"npm pack packed {listed}, expected {expected}")
    return STAGING / packed["filename"]


PRERENDERED = SOURCE / "static" / "prerendered"
# The markup for hosts' elements (see README «Embedding»), beside the embed module.
HOSTS_PRERENDERED = "scim-token-widget.prerendered.html"


def prerendered_css() -> str:
    """The pre-rendered markup's stylesheet: the widget's own, and the rules that give way to
    the fallback when the widget cannot run (static/prerendered.css)."""
    return stylesheet("widget.css", "prerendered.css")


def prerendered_style_hash() -> str:
    """The hash a page's policy names in style-src to allow the pre-rendered markup's <style>."""
    return sri(prerendered_css().encode("utf-8"))


# Chooses which pre-rendered language the page shows, before its body is parsed, as the widget
# will choose (`Lang::negotiate`: the first of the browser's languages it speaks, else English).
# An inline script of its own (in the head, so it runs before the body is parsed), allowed by
# its hash; page.css shows the variant it names.
LANGUAGE_SCRIPT = (
    "for(const t of navigator.languages||[]){const p=t.split(/[-_]/)[0].toLowerCase();"
    "if(p==='en')break;if(p==='nb'||p==='no'||p==='nn'){"
    "document.documentElement.dataset.widgetLang='nb';break}}"
)


def prerendered_template(variants: list[tuple[str, str]]) -> str:
    """The widget's first render (static/prerendered/NAME, made by crates/prerender), in each
    (language, NAME) of `variants`, as a declarative shadow root: on screen, and typed into,
    before any script runs. The embed module replaces it with the running widget (`takeOver` in
    static/embed/mount.js); the `fallback` part holds the element's own children for when it cannot
    run. The first variant shows unless the page's CSS shows another."""
    parts = []
    for lang, name in variants:
        markup = (PRERENDERED / name).read_text(encoding="utf-8").strip()
        if "<script" in markup.lower() or "<template" in markup.lower():
            raise BuildError(f"static/prerendered/{name} holds a script or template")
        parts.append(f'<div data-prerendered="{lang}" part="prerendered prerendered-{lang}">{markup}</div>')
    return (
        f'<template shadowrootmode="open"><style>{prerendered_css()}</style>{"".join(parts)}'
        '<div part="fallback"><slot></slot></div></template>'
    )


def with_prerendered(page: str, name: str) -> str:
    """The page with the pre-rendered widget in its element, in English and Norwegian (NAME and
    NAME with .nb), the script that chooses between them, and both allowed by hash."""
    nb = name.replace(".html", ".nb.html")
    page = replace_one(
        r"(<scim-token-widget\b[^>]*>)",
        lambda m: m.group(1) + prerendered_template([("en", name), ("nb", nb)]),
        page,
        "scim-token-widget element",
    )
    page = replace_one(r"(</title>)", lambda m: m.group(1) + f"\n  <script>{LANGUAGE_SCRIPT}</script>", page, "title")
    style = f"'{prerendered_style_hash()}'"
    page = replace_one(r"(style-src [^;\"]*)", lambda m: m.group(1) + " " + style, page, "style-src")
    script = f"'{sri(LANGUAGE_SCRIPT.encode('utf-8'))}'"
    return replace_one(r"(script-src [^;\"]*)", lambda m: m.group(1) + " " + script, page, "script-src")


def hosts_prerendered() -> str:
    """dist/embed/scim-token-widget.prerendered.html: the template for a host's element (the
    widget with no attributes, in English), with the policy source its <style> needs."""
    style = prerendered_style_hash()
    return (
        "<!-- scim-token-widget's first render, for inside <scim-token-widget></scim-token-widget>"
        f" with no attributes. Its <style> needs style-src '{style}' in the page's\n"
        "     Content-Security-Policy. Made by scripts/postbuild.py from static/prerendered/host.html. -->\n"
        + prerendered_template([("en", "host.html")])
        + "\n"
    )


def write_sums() -> None:
    files = sorted(
        path.relative_to(STAGING).as_posix()
        for path in STAGING.rglob("*")
        if path.is_file() and path.relative_to(STAGING).as_posix() != SUMS
    )
    lines = [f"{hashlib.sha256((STAGING / name).read_bytes()).hexdigest()}  {name}\n" for name in files]
    (STAGING / SUMS).write_text("".join(lines), encoding="utf-8", newline="\n")


def worker_script_of(name: str, bootstrap: str) -> str:
    """The worker NAME's script: the glue Trunk wrote (dist/embed/NAME.js) and the bootstrap,
    minified, to be carried in the embed module. The glue's copy beside the module goes: it
    would be a script nothing checks."""
    glue = EMBED / f"{name}.js"
    if not glue.exists():
        raise BuildError(f"{glue} missing; did the worker pipeline run?")
    script = minified(glue.read_text(encoding="utf-8") + bootstrap, is_module=False)
    glue.unlink()
    return script


def main() -> int:
    trunk_glue = EMBED / "scim-token-widget.js"
    if not trunk_glue.exists():
        raise BuildError(f"{trunk_glue} missing; did the rust pipeline run?")
    wasm = (EMBED / WASM).read_bytes()
    bootstrap = (EMBED_SOURCE / "worker-bootstrap.js").read_text(encoding="utf-8")
    worker_script = worker_script_of(WORKER_NAME, bootstrap)
    directory_worker_script = worker_script_of(DIRECTORY_WORKER_NAME, bootstrap)
    values = {
        "widget-css": stylesheet("widget.css"),
        "wasm-integrity": sri(wasm),
        "worker-script": worker_script,
        "worker-integrity": sri((EMBED / WORKER_WASM).read_bytes()),
        "directory-worker-script": directory_worker_script,
        "directory-worker-integrity": sri((EMBED / DIRECTORY_WORKER_WASM).read_bytes()),
    }
    module = minified(fill_in(bundle("served.js", trunk_glue), values, "served.js"))
    # Both bundles read the glue, which the module then replaces.
    workers = {"worker-script": worker_script, "directory-worker-script": directory_worker_script}
    single_script = single_file_script(wasm, trunk_glue, workers)
    trunk_glue.write_text(module, encoding="utf-8", newline="\n")
    shutil.copyfile(SOURCE / "static" / "scim-token-widget.d.ts", EMBED / "scim-token-widget.d.ts")

    index = STAGING / "index.html"
    page = finish_page(index.read_text(encoding="utf-8"))
    # The single file offers all the page does: the same first render.
    single = with_prerendered(single_file_page(page, single_script), "page.html")
    index.write_text(with_prerendered(page, "page.html"), encoding="utf-8", newline="\n")
    (STAGING / SINGLE_FILE).write_text(single, encoding="utf-8", newline="\n")
    (EMBED / HOSTS_PRERENDERED).write_text(hosts_prerendered(), encoding="utf-8", newline="\n")
    npm_package(build_id()[0])
    write_sums()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BuildError as error:
        print(f"postbuild: {error}", file=sys.stderr)
        sys.exit(1)
