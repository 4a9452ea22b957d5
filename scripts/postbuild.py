#!/usr/bin/env python3
"""Trunk post-build hook: turns Trunk's output into the one bundle used three ways.

1. The embed bundle, dist/embed/: scim-token-widget.js, the one ES module hosts import, the
   wasm beside it, and the module's types (static/scim-token-widget.d.ts). The module is static/embed.js (which registers the custom element and exports
   mount()) with the wasm-bindgen glue Trunk wrote inlined into it, and the widget's CSS and the
   wasm's SHA-384 baked into its `// postbuild:` blocks. The glue is inlined, not imported,
   because integrity has to cover it: Chromium does not reliably make an import use a
   <link rel="modulepreload" integrity> check (a failed preload is fetched again, unchecked, by
   the import), while one module with one integrity hash covers all the JavaScript.
2. The standalone page, dist/index.html: Trunk's leftover <link data-trunk rel="rust"> goes,
   the footer gets the version and commit, and every script gets the subresource-integrity
   hash of the file it names.
   The helpers' worker (crates/worker), which Trunk builds from index.html's
   `data-type="worker"` link, is packaged here: its glue and a small bootstrap become one script
   carried in the embed module as a string (run as a blob: worker, so the module's integrity
   covers it), and the module fetches the worker's wasm (scim-token-worker_bg.wasm, beside the
   widget's) with its SHA-384. Nothing is compiled here: this hook only packages.
3. The single-file page, dist/scim-token-widget.html: the page with everything inlined (the same
   module in an inline script, the wasm gzipped in it, the CSS, the icon as a data: URI) under
   a policy that allows exactly those inline parts by hash and no network. It carries the token
   widget alone: no helpers' worker, and so no helper sections.

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

# Runs in the worker after its wasm-bindgen glue (no-modules: it defines `wasm_bindgen`). The
# first message is the compiled module (the page compiles it once, from the checked bytes);
# every later one is a question, answered synchronously. A trap throws here, which the page
# sees as the worker's `error` event and answers by terminating it.
WORKER_BOOTSTRAP = """
self.onmessage = (event) => {
  wasm_bindgen.initSync({ module: event.data });
  self.onmessage = (question) => {
    const answer = wasm_bindgen.answer(question.data);
    self.postMessage(answer, [answer.buffer]);
  };
};
"""
SINGLE_FILE = "scim-token-widget.html"
SUMS = "SHA256SUMS"

# The single file's policy. The hashes are filled in; nothing else is allowed: no network
# (connect-src 'none'), no other script or style, images only as data: (the icon).
SINGLE_FILE_CSP = (
    "default-src 'none'; script-src {scripts} 'wasm-unsafe-eval'; style-src {styles}; "
    "img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
)

# The single file carries the wasm gzipped and base64-encoded, unpacked by the browser's
# DecompressionStream. Measured with both variants (wasm of 369,652 bytes, 155,162 gzipped): the
# page is 258,618 bytes with the wasm gzipped against 544,606 with it raw, and still 170,483
# against 217,737 when a server gzips the page itself, so gzip it is.
WASM_SOURCE_INLINE = """\
// The wasm, gzipped (by scripts/postbuild.py) and base64-encoded: this page needs no network.
const WASM_GZIP_BASE64 = {data};
const wasmSource = () => {{
  const gzipped = Uint8Array.from(atob(WASM_GZIP_BASE64), (char) => char.charCodeAt(0));
  const stream = new Blob([gzipped]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}};
"""


class BuildError(Exception):
    pass


def sri(data: bytes) -> str:
    """The subresource-integrity / CSP source expression for `data`."""
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")


def js_string(text: str) -> str:
    """`text` as a JavaScript string literal that is also safe inside an inline <script>."""
    return json.dumps(text).replace("<", "\\u003c")


def fill_block(source: str, name: str, code: str) -> str:
    """Replaces the `// postbuild: NAME` ... `// postbuild: end` block of `source` with `code`."""
    block = re.compile(rf"^// postbuild: {re.escape(name)}\n.*?^// postbuild: end\n", re.M | re.S)
    filled, count = block.subn(lambda _: code, source)
    if count != 1:
        raise BuildError(f"static/embed.js: expected one `// postbuild: {name}` block, found {count}")
    return filled


# The single-file page offers no helper sections: the widget is not given a worker.
NO_HELPER_WORKER = "// This page carries the token widget alone.\nconst startHelperWorker = undefined;\n"


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


def embed_module(glue: str, wasm_source: str, worker_source: str) -> str:
    """static/embed.js with the glue inlined and its blocks filled: the CSS, how the wasm is
    obtained (`wasm_source` defines `wasmSource()`), and how the helpers' worker is started
    (`worker_source` defines `startHelperWorker`)."""
    source = (SOURCE / "static" / "embed.js").read_text(encoding="utf-8")
    source = fill_block(source, "widget-css", f"const WIDGET_CSS = {js_string(stylesheet('widget.css'))};\n")
    source = fill_block(source, "wasm-source", wasm_source)
    source = fill_block(source, "helper-worker", worker_source)
    if re.search(r"^// postbuild:", source, flags=re.M):
        raise BuildError("static/embed.js: a `// postbuild:` block was left unfilled")
    return (
        "// Built by scripts/postbuild.py from static/embed.js and the wasm-bindgen glue.\n"
        + glue_as_object(glue, "wasmBindgenGlue", WASM)
        + import_as_destructuring(source, "wasmBindgenGlue")
    )


def helper_worker_source(worker_script: str, wasm: bytes) -> str:
    """The served module's `startHelperWorker()`: compiles the worker's wasm beside this module
    once, checked against its SHA-384, and starts a worker from the script carried here (a
    blob: URL, so no unchecked script runs); resolves to the worker, sent the compiled module."""
    return (
        "// The helpers' worker: its script, carried here, and its wasm beside this module,\n"
        "// which the browser refuses unless it has the built bytes.\n"
        f"const WORKER_SOURCE = {js_string(worker_script)};\n"
        f"const WORKER_INTEGRITY = '{sri(wasm)}';\n"
        "let workerModule;\n"
        "let workerUrl;\n"
        "const startHelperWorker = () => {\n"
        "  if (!workerModule) {\n"
        f"    workerModule = fetchChecked('{WORKER_WASM}', assetUrl ? new URL('{WORKER_WASM}', assetUrl) :\n"
        f"        new URL('./{WORKER_WASM}', import.meta.url), WORKER_INTEGRITY)\n"
        "      .then((response) => response.arrayBuffer())\n"
        "      .then((bytes) => WebAssembly.compile(bytes));\n"
        "    // A load that failed is said in the console (the section says only that it could not\n"
        "    // load), and tried again when a section next asks.\n"
        "    workerModule.catch((error) => {\n"
        "      console.warn(`scim-token-widget: ${error.message}`);\n"
        "      workerModule = undefined;\n"
        "    });\n"
        "  }\n"
        "  return workerModule.then((module) => {\n"
        "    workerUrl ??= URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));\n"
        "    const worker = new Worker(workerUrl);\n"
        "    worker.postMessage(module);\n"
        "    return worker;\n"
        "  });\n"
        "};\n"
    )


def fetched_wasm_source(wasm: bytes) -> str:
    """The served module's `wasmSource()`: the file beside it, checked against its SHA-384."""
    return (
        "// The wasm beside this module (or where configure() said); the browser refuses any bytes\n"
        "// but the built ones. The literal `new URL('./…', import.meta.url)` is what bundlers follow.\n"
        f"const WASM_INTEGRITY = '{sri(wasm)}';\n"
        "const wasmSource = () =>\n"
        f"  fetchChecked('{WASM}', assetUrl ? new URL('{WASM}', assetUrl) : new URL('./{WASM}', import.meta.url), WASM_INTEGRITY);\n"
    )


def glue_as_object(glue: str, name: str, wasm_name: str, lazy: bool = False) -> str:
    """The wasm-bindgen glue (an ES module) as a script that defines `const name = {exports}`,
    or, `lazy`, `const name = () => {exports}`: a function that runs the glue when called.

    The exports become the object's properties (`default` included), so a module that imported
    the glue can destructure it instead. Anything else a module may do fails the build.
    """
    exports: list[tuple[str, str]] = []

    def declaration(match: re.Match) -> str:
        exports.append((match.group(2), match.group(2)))
        return match.group(1)

    def export_list(match: re.Match) -> str:
        for item in match.group(1).split(","):
            local, _, exported = item.strip().partition(" as ")
            exports.append((exported.strip() or local, local))
        return ""

    glue = re.sub(r"^export ((?:async function|function|class|const|let) (\w+))", declaration, glue, flags=re.M)
    glue = re.sub(r"^export \{([^}]*)\};?\n", export_list, glue, flags=re.M)
    # Only reached when init() is given nothing; the embed module always gives it the bytes.
    glue = glue.replace(
        f"new URL('{wasm_name}', import.meta.url)",
        "(() => { throw new Error('the single-file page carries its wasm inline'); })()",
    )
    leftover = re.search(r"^\s*(?:export|import)\b|\bimport\s*[.(]", glue, flags=re.M)
    if leftover:
        raise BuildError(f"wasm-bindgen glue: cannot inline `{leftover.group(0).strip()}`")
    if not exports:
        raise BuildError("wasm-bindgen glue: no exports found")
    properties = ", ".join(local if key == local else f"{key}: {local}" for key, local in exports)
    if lazy:
        return f"const {name} = () => {{\n{glue}\nreturn {{ {properties} }};\n}};\n"
    return f"const {name} = (() => {{\n{glue}\nreturn {{ {properties} }};\n}})();\n"


def import_as_destructuring(module: str, name: str) -> str:
    """Rewrites the module's one `import ... from './glue.js'` to read from the object `name`."""
    statement = re.compile(
        r"^import\s+(?:(?P<default>\w+)\s*,?\s*)?(?:\{(?P<named>[^}]*)\})?\s*from\s*'\./glue\.js';\n",
        re.M,
    )
    match = statement.search(module)
    if not match:
        raise BuildError("static/embed.js: no `import ... from './glue.js'` found")
    bindings = [f"default: {match['default']}"] if match["default"] else []
    for item in (match["named"] or "").split(","):
        if item.strip():
            imported, _, local = item.strip().partition(" as ")
            bindings.append(f"{imported.strip()}: {local.strip()}" if local else imported.strip())
    module = module[: match.start()] + f"const {{ {', '.join(bindings)} }} = {name};\n" + module[match.end() :]
    if re.search(r"^\s*import\b|\bimport\s*\(", module, flags=re.M):
        raise BuildError("static/embed.js: the bundle allows one import, of ./glue.js")
    return module


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


def single_file_page(page: str, wasm: bytes, glue: str) -> str:
    """The standalone page with every file it uses inlined, under a hash-only policy."""
    gzipped = gzip.compress(wasm, compresslevel=9, mtime=0)
    wasm_source = WASM_SOURCE_INLINE.format(data=js_string(base64.b64encode(gzipped).decode("ascii")))
    script = minified(embed_module(glue, wasm_source, NO_HELPER_WORKER))
    if "import.meta" in script:
        raise BuildError("the single-file script still refers to files beside it (import.meta)")
    if re.search(r"</script|<!--", script, flags=re.I):
        raise BuildError("the inline script would end early: it contains </script or <!--")

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
NPM_FILES = ("scim-token-widget.js", "scim-token-widget.d.ts", WASM, WORKER_WASM)
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
    static/embed.js); the `fallback` part holds the element's own children for when it cannot
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


def main() -> int:
    trunk_glue = EMBED / "scim-token-widget.js"
    if not trunk_glue.exists():
        raise BuildError(f"{trunk_glue} missing; did the rust pipeline run?")
    glue = trunk_glue.read_text(encoding="utf-8")
    wasm = (EMBED / WASM).read_bytes()
    worker_glue_path = EMBED / f"{WORKER_NAME}.js"
    if not worker_glue_path.exists():
        raise BuildError(f"{worker_glue_path} missing; did the worker pipeline run?")
    worker_script = minified(worker_glue_path.read_text(encoding="utf-8") + WORKER_BOOTSTRAP, is_module=False)
    # Carried in the embed module; a copy beside it would be a script nothing checks.
    worker_glue_path.unlink()
    worker_wasm = (EMBED / WORKER_WASM).read_bytes()
    module = minified(embed_module(glue, fetched_wasm_source(wasm), helper_worker_source(worker_script, worker_wasm)))
    trunk_glue.write_text(module, encoding="utf-8", newline="\n")
    shutil.copyfile(SOURCE / "static" / "scim-token-widget.d.ts", EMBED / "scim-token-widget.d.ts")

    index = STAGING / "index.html"
    page = finish_page(index.read_text(encoding="utf-8"))
    index.write_text(with_prerendered(page, "page.html"), encoding="utf-8", newline="\n")
    single = with_prerendered(single_file_page(page, wasm, glue), "single-file.html")
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
