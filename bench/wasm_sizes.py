#!/usr/bin/env python3
"""Where the bytes of a wasm file go: sections, and code size by function and by crate.

Reads the `name` section, so give it a wasm that kept its names, e.g. (see docs/performance.md):

    wasm-bindgen --target web --keep-debug --out-dir /tmp/named target/wasm32-unknown-unknown/release/scim_token_widget.wasm
    wasm-opt -Oz -g /tmp/named/scim_token_widget_bg.wasm -o /tmp/named.wasm
    python3 bench/wasm_sizes.py /tmp/named.wasm

Without names it still prints the sections. Standard library only.
"""

import argparse
import re
import sys
from collections import Counter

SECTIONS = {0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory",
            6: "global", 7: "export", 8: "start", 9: "element", 10: "code", 11: "data",
            12: "datacount", 13: "tag"}


def leb(buf, pos):
    result = shift = 0
    while True:
        byte = buf[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def name(buf, pos):
    length, pos = leb(buf, pos)
    return buf[pos:pos + length].decode("utf-8", "replace"), pos + length


def parse(buf):
    assert buf[:4] == b"\0asm", "not a wasm file"
    pos = 8
    sections, bodies, names, imported = [], [], {}, 0
    while pos < len(buf):
        sid = buf[pos]
        size, start = leb(buf, pos + 1)
        end = start + size
        label = SECTIONS.get(sid, str(sid))
        if sid == 0:
            cname, cpos = name(buf, start)
            label = f"custom:{cname}"
            if cname == "name":
                p = cpos
                while p < end:
                    sub, p = buf[p], p + 1
                    sublen, p = leb(buf, p)
                    if sub == 1:
                        q = p
                        count, q = leb(buf, q)
                        for _ in range(count):
                            index, q = leb(buf, q)
                            fname, q = name(buf, q)
                            names[index] = fname
                    p += sublen
        elif sid == 2:
            count, p = leb(buf, start)
            for _ in range(count):
                _, p = name(buf, p)
                _, p = name(buf, p)
                kind = buf[p]
                p += 1
                if kind == 0:
                    imported += 1
                    _, p = leb(buf, p)
                elif kind == 1:
                    p += 1
                    flags, p = leb(buf, p + 0)
                    _, p = leb(buf, p)
                    if flags & 1:
                        _, p = leb(buf, p)
                elif kind == 2:
                    flags, p = leb(buf, p)
                    _, p = leb(buf, p)
                    if flags & 1:
                        _, p = leb(buf, p)
                elif kind == 3:
                    p += 2
                elif kind == 4:
                    p += 1
                    _, p = leb(buf, p)
        elif sid == 10:
            count, p = leb(buf, start)
            for i in range(count):
                body, q = leb(buf, p)
                bodies.append((imported + i, q + body - p))
                p = q + body
        sections.append((label, end - pos))
        pos = end
    return sections, bodies, names


PRIMITIVE = {"T", "str", "char", "u8", "u16", "u32", "u64", "usize", "i8", "i32", "i64", "isize",
             "f32", "f64", "bool", "[T]", "[u8]", "()"}


def clean(fname):
    return re.sub(r"\[[0-9a-f]{16}\]", "", fname)


def crate_of(fname):
    """The crate a function belongs to: `<Type as Trait>::f` counts for Type's crate, or for the
    trait's when Type is generic or primitive (`<&T as core::fmt::Debug>` is core::fmt)."""
    fname = clean(fname)
    m = re.match(r"<(?:&|mut |dyn |\*const |\*mut )*(.+?) as ([A-Za-z_][\w:]*)", fname)
    if m:
        subject, trait = m.group(1), m.group(2)
        fname = trait if subject in PRIMITIVE or "::" not in subject else subject
    elif fname.startswith("<"):
        fname = fname.lstrip("<&")
    parts = re.match(r"([A-Za-z_]\w*)(?:::([A-Za-z_]\w*))?", fname)
    if not parts or fname.startswith("func") or not "::" in fname:
        return "(glue and shims)" if fname else "(unnamed)"
    crate, module = parts.group(1), parts.group(2)
    # core and alloc are large; split them by module (core::fmt, alloc::raw_vec, ...).
    return f"{crate}::{module}" if crate in ("core", "alloc", "std") and module else crate


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("wasm")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    buf = open(args.wasm, "rb").read()
    sections, bodies, names = parse(buf)
    print(f"{args.wasm}: {len(buf)} bytes")
    print("\nsections")
    for label, size in sorted(sections, key=lambda s: -s[1]):
        print(f"  {size:>8}  {label}")
    if not names:
        print("\n(no name section: function sizes not attributed)")
        return 0
    code = sum(size for _, size in bodies)
    by_crate = Counter()
    for index, size in bodies:
        by_crate[crate_of(names.get(index, f"func{index}"))] += size
    print(f"\ncode by crate (of {code} bytes of function bodies)")
    for crate, size in by_crate.most_common(args.top):
        print(f"  {size:>8}  {100 * size / code:5.1f}%  {crate}")
    print(f"\nlargest functions")
    for index, size in sorted(bodies, key=lambda b: -b[1])[:args.top]:
        print(f"  {size:>8}  {clean(names.get(index, f'func{index}'))[:140]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
