#!/usr/bin/python3
"""Check that no file of the driver includes a header of a higher layer.

The layers, lowest first (docs/ARCHITECTURE.md explains each). Folders on one line share a
layer: they may include each other's headers, as long as the folders do not form a loop.
Prints every include that runs upward (or closes a loop) and exits 1 when there is one.
"""
import os
import re
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
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
