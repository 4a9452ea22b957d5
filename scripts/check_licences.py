#!/usr/bin/env python3
"""The licences of what ships, against an allow-list (docs/development.md «Dependencies»).

What ships, and so what is checked strictly:

- Rust: every crate compiled into the widget's wasm (crates/widget with index.html's
  `data-cargo-features`, no default features) and the two workers' wasm (crates/worker,
  crates/directory-worker), for wasm32-unknown-unknown, along normal dependencies only. Build and dev dependencies never
  reach the wasm. A proc-macro crate is counted (the code it writes is compiled into the wasm)
  but its own dependencies (syn, quote, ...) are not: they run on the build machine only.
  The set comes from `cargo tree`, which resolves features the way that build does; the
  resolve in `cargo metadata` unifies features over the whole workspace and its dev
  dependencies (yew gets `ssr` from crates/prerender and `test` from the browser tests), so it
  lists crates the wasm does not contain. The licence of each crate is read from
  `cargo metadata`.
- npm: nothing. The npm package (scripts/postbuild.py's npm_manifest) declares no
  dependencies; the JavaScript in it (static/embed/, bundled with the wasm-bindgen glue) imports
  only its own files and the glue; package-lock.json holds devDependencies only, build and test tools
  (esbuild, terser and wasm-opt put together and rewrite the built files but add no code of their own). This script fails
  if any of the three changes: then what ships from npm has to be checked like the crates.

The tools in package-lock.json are checked apart, less strictly: they run on the build and test
machines and are never distributed, so a weak-copyleft licence (MPL-2.0: axe-core, lightningcss)
is fine for them; each must still carry a licence in TOOLS_ALLOWED, so a new one gets a look.

An SPDX expression passes when one branch of an OR is allowed, and an AND only when all of its
parts are; `/` (old Cargo manifests: `MIT/Apache-2.0`) is read as OR.

Exits 1 when a shipped crate or a tool has a licence not allowed, or none.
"""

import collections
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = "wasm32-unknown-unknown"

# The licences a shipped crate may carry (one allowed branch of an OR is enough). To add one:
# it must be permissive (no copyleft on the widget's code), and the reason goes beside it.
ALLOWED = {
    "MIT",
    "Apache-2.0",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "ISC",
    "Zlib",
    "CC0-1.0",
    "Unicode-3.0",  # unicode-ident's Unicode tables
    "Unicode-DFS-2016",
}

# Tools only (never distributed): the shipped list and these.
TOOLS_ALLOWED = ALLOWED | {
    "MPL-2.0",  # axe-core (the a11y tests), lightningcss (Vite, in the bundler tests)
    "0BSD",  # tslib (for rolldown's optional wasm32-wasi binding, under Vite)
    # Issue 24's host builds (Next.js, Parcel), never shipped:
    "LGPL-3.0-or-later",  # sharp's libvips binaries: Next.js's optional image optimiser
    "CC-BY-4.0",  # caniuse-lite: the browser data behind browserslist (Next.js, Parcel)
    "BlueOak-1.0.0",  # a permissive licence (graceful-fs, under the bundlers' file watchers)
}

# The wasm builds, as index.html's three `data-trunk rel="rust"` links ask for them.
WASM_BUILDS = {
    "scim-token-widget": ["--no-default-features", "--features", "bundle,zeroing-allocator"],
    "scim-token-worker": [],
    "scim-token-directory-worker": [],
}


def cargo(*args: str) -> str:
    result = subprocess.run(["cargo", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"check_licences: cargo {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def shipped_crates() -> dict[tuple[str, str], set[str]]:
    """(name, version) -> the wasm builds that contain the crate."""
    shipped: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    line_re = re.compile(r"^(\d+)(\S+) v(\S+)(.*)$")
    for package, features in WASM_BUILDS.items():
        tree = cargo(
            "tree", "--locked", "-p", package, "--target", TARGET, *features,
            "--edges", "normal", "--prefix", "depth", "--format", "{p}",
        )
        macro_depth = None  # inside a proc-macro's subtree: its dependencies, host only
        for line in tree.splitlines():
            match = line_re.match(line)
            if not match:
                sys.exit(f"check_licences: cannot read cargo tree's line {line!r}")
            depth, name, version, rest = int(match[1]), match[2], match[3], match[4]
            if macro_depth is not None:
                if depth > macro_depth:
                    continue
                macro_depth = None
            shipped[(name, version)].add(package)
            if "(proc-macro)" in rest:
                macro_depth = depth
    return shipped


def allowed(expression: str, allow: set[str]) -> bool:
    """Whether an SPDX expression (OR, AND, WITH, parentheses; `/` as OR) is satisfied."""
    tokens = re.findall(r"\(|\)|[^\s()/]+|/", expression)
    position = 0

    def peek() -> str | None:
        return tokens[position] if position < len(tokens) else None

    def take() -> str:
        nonlocal position
        if position >= len(tokens):
            raise ValueError("unexpected end")
        position += 1
        return tokens[position - 1]

    def disjunction() -> bool:
        result = conjunction()
        while peek() in ("OR", "/"):
            take()
            result = conjunction() or result
        return result

    def conjunction() -> bool:
        result = term()
        while peek() == "AND":
            take()
            result = term() and result
        return result

    def term() -> bool:
        token = take()
        if token == "(":
            result = disjunction()
            if take() != ")":
                raise ValueError("unbalanced parenthesis")
            return result
        if token in ("OR", "AND", "WITH", ")", "/"):
            raise ValueError(f"unexpected {token}")
        if peek() == "WITH":  # an exception only widens what the licence allows
            take()
            take()
        return token in allow

    try:
        result = disjunction()
    except ValueError:
        return False
    return result and position == len(tokens)


def report(title: str, items: dict[str, str | None], allow: set[str]) -> list[str]:
    """Prints licence -> count and returns the items not allowed, each with its licence."""
    counts = collections.Counter(licence or "(none)" for licence in items.values())
    print(f"{title}: {len(items)}")
    for licence, count in sorted(counts.items(), key=lambda entry: (-entry[1], entry[0])):
        print(f"  {count:4}  {licence}")
    bad = [f"{item}: {licence or 'no licence'}" for item, licence in sorted(items.items())
           if not licence or not allowed(licence, allow)]
    return bad


def check_rust() -> list[str]:
    shipped = shipped_crates()
    metadata = json.loads(cargo("metadata", "--format-version", "1", "--locked", "--filter-platform", TARGET))
    by_name = {(p["name"], p["version"]): p for p in metadata["packages"]}
    items: dict[str, str | None] = {}
    for key in sorted(shipped):
        package = by_name.get(key)
        if package is None:
            sys.exit(f"check_licences: {key[0]} {key[1]} is not in cargo metadata")
        # None for a crate with a licence file only: someone has to read it (and list the crate).
        items[f"{key[0]} {key[1]}"] = package.get("license") or None
    per_build = collections.Counter(build for builds in shipped.values() for build in builds)
    builds = ", ".join(f"{build} {count}" for build, count in sorted(per_build.items()))
    macros = sum(1 for key in shipped if any("proc-macro" in t["kind"] for t in by_name[key]["targets"]))
    title = f"Rust crates in the wasm ({builds}; {macros} of them proc macros, not their dependencies)"
    return report(title, items, ALLOWED)


def check_npm() -> list[str]:
    bad = []
    # The npm package's manifest, as the post-build hook writes it: what hosts would install.
    os.environ.setdefault("TRUNK_STAGING_DIR", str(ROOT / "dist"))
    sys.path.insert(0, str(ROOT / "scripts"))
    import postbuild  # noqa: E402 (needs the variable above)

    manifest = json.loads(postbuild.npm_manifest("0.0.0"))
    declared = [field for field in ("dependencies", "peerDependencies", "optionalDependencies",
                                    "bundleDependencies", "bundledDependencies") if manifest.get(field)]
    bad += [f"the npm package declares {field}: check their licences as the crates' are" for field in declared]
    # The JavaScript that ships (static/embed/, bundled with the wasm-bindgen glue, which the
    # build names postbuild.GLUE_IMPORT) imports nothing but its own files and the glue: no npm
    # code is bundled into it.
    specifier = re.compile(r"""(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]""")
    sources = sorted((ROOT / "static").rglob("*.js"))
    if not sources:
        bad.append("static/: no JavaScript found to check")
    for source in sources:
        for name in specifier.findall(source.read_text(encoding="utf-8")):
            if not name.startswith(("./", "../")) and name != postbuild.GLUE_IMPORT:
                bad.append(f"{source.relative_to(ROOT)} imports {name!r}: npm code would ship")
    # package.json is the tools' (its description: «the widget itself ships no npm code»).
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    packages = {path: entry for path, entry in lock["packages"].items() if path}
    not_dev = sorted(path for path, entry in packages.items() if not entry.get("dev"))
    bad += [f"{path}: not a devDependency; if it ships now, check it as the crates are" for path in not_dev]
    print(f"npm packages that ship: {'none' if not bad else 'see below'} (the npm package declares"
          f" {', '.join(declared) or 'no dependencies'}; static/**/*.js imports its own files and the"
          f" wasm-bindgen glue only"
          f"{' (but see below)' if any('imports' in item for item in bad) else ''};"
          f" package-lock.json: {len(not_dev)} entries outside devDependencies)")
    tools = {path.removeprefix("node_modules/").replace("/node_modules/", " > "): entry.get("license")
             for path, entry in packages.items()}
    bad += [f"tool {item}" for item in report("npm tools (package-lock.json, never shipped)", tools, TOOLS_ALLOWED)]
    return bad


def main() -> int:
    bad = check_rust()
    bad += check_npm()
    if bad:
        print(f"\nnot allowed ({len(bad)}); allow-lists in scripts/check_licences.py:")
        for item in bad:
            print(f"  {item}")
        return 1
    print("\nlicences: all allowed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
