#!/usr/bin/python3
"""Check that no file of the driver includes a header of, or calls a function in, a higher
layer.

The layers, lowest first (docs/ARCHITECTURE.md explains each). Folders on one line share a
layer: they may use each other, as long as the folders do not form a loop. Includes are read
from the sources; calls from the object files of a build (nm), when a build directory is
given. Prints every use that runs upward (or closes a loop) and exits 1 when there is one.

Usage: check-layers.py [source-root [build-dir]]
"""
import os
import re
import subprocess
import sys

LAYERS = [
    ["util"],
    ["http"],
    ["api"],
    ["catalog", "convert", "props"],
    ["auth"],
    ["procs"],
    ["engine"],
    ["sql"],
    ["core"],
    ["odbc"],
]
LEVEL = {folder: i for i, group in enumerate(LAYERS) for folder in group}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def header_homes(driver):
    """Map each header's name (and folder/name) to the folder it lives in."""
    homes = {}
    for folder in LEVEL:
        for name in os.listdir(os.path.join(driver, folder)):
            if name.endswith(".h"):
                homes[name] = folder
                homes[folder + "/" + name] = folder
    return homes


def folder_edges(driver, homes):
    """(from folder, to folder, file, header) for every include of another folder's header."""
    for folder in LEVEL:
        base = os.path.join(driver, folder)
        for name in sorted(os.listdir(base)):
            if not name.endswith((".c", ".h")):
                continue
            with open(os.path.join(base, name), encoding="utf-8") as f:
                text = f.read()
            for header in INCLUDE.findall(text):
                home = homes.get(header)
                if home is not None and home != folder:
                    yield folder, home, folder + "/" + name, header


def call_edges(build):
    """(from folder, to folder, object, symbol) for every call into another folder's code,
    from the objects of the driver's static library in build."""
    objects = os.path.join(build, "driver", "CMakeFiles", "bccore.dir")
    defined, wanted = {}, []
    for folder in LEVEL:
        base = os.path.join(objects, folder)
        if not os.path.isdir(base):
            continue
        for name in sorted(os.listdir(base)):
            if not name.endswith(".o"):
                continue
            out = subprocess.run(["nm", os.path.join(base, name)], capture_output=True,
                                 text=True, check=True).stdout
            for line in out.splitlines():
                parts = line.split()
                if len(parts) == 3 and parts[1] in "TDRB":
                    defined[parts[2]] = folder
                elif len(parts) == 2 and parts[0] == "U":
                    wanted.append((folder, folder + "/" + name, parts[1]))
    for folder, obj, symbol in wanted:
        home = defined.get(symbol)
        if home is not None and home != folder:
            yield folder, home, obj, symbol


def find_loop(edges):
    """A loop among folders, as a list, or None."""
    graph = {}
    for a, b in edges:
        graph.setdefault(a, set()).add(b)
    state = {}

    def visit(node, path):
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path + [node, nxt]
            if nxt not in state:
                loop = visit(nxt, path + [node])
                if loop:
                    return loop
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            loop = visit(node, [])
            if loop:
                return loop
    return None


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    driver = os.path.join(root, "driver")
    homes = header_homes(driver)
    bad = 0
    pairs = set()
    for src, dst, path, header in folder_edges(driver, homes):
        pairs.add((src, dst))
        if LEVEL[dst] > LEVEL[src]:
            print(f"{path}: includes {header} of {dst}/, a higher layer than {src}/")
            bad += 1
    loop = find_loop(pairs)
    if loop:
        print("folders include each other in a loop: " + " -> ".join(loop))
        bad += 1
    if len(sys.argv) > 2:
        calls = set()
        for src, dst, obj, symbol in call_edges(sys.argv[2]):
            calls.add((src, dst))
            if LEVEL[dst] > LEVEL[src]:
                print(f"{obj}: calls {symbol} of {dst}/, a higher layer than {src}/")
                bad += 1
        loop = find_loop(calls)
        if loop:
            print("folders call each other in a loop: " + " -> ".join(loop))
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
