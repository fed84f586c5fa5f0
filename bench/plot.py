#!/usr/bin/python3
"""Draws the ratios (baseline ms / driver ms) of a bc-bench run as an SVG bar chart on a
logarithmic scale, one group of bars per latency. Reads bc-bench's (or run.sh's) output on
stdin, writes the SVG on stdout:

    bench/run.sh | tee run.txt; bench/plot.py < run.txt > bench/ratios.svg
"""
import math
import re
import sys

ROW = re.compile(r"^(\d+)\s+(.+?)\s+(\d+)\s+(\d+)\s+([\d.]+)x\s+(\S+)\s+(\S+)\s+(ok|MISMATCH)")
HEAD = re.compile(r"^latency (\d+) ms")


def read_runs(lines):
    runs, current = [], None
    for line in lines:
        m = HEAD.match(line)
        if m:
            current = {"latency": int(m.group(1)), "rows": []}
            runs.append(current)
            continue
        m = ROW.match(line)
        if m and current is not None:
            current["rows"].append((m.group(1), m.group(2), float(m.group(5)), m.group(6)))
    return [r for r in runs if r["rows"]]


def svg(runs):
    bar, gap, left, width = 18, 6, 250, 420
    lo, hi = math.log10(0.1), math.log10(100.0)

    def x_of(ratio):
        v = min(max(math.log10(max(ratio, 1e-3)), lo), hi)
        return left + (v - lo) / (hi - lo) * width

    height = 40 + sum(28 + len(r["rows"]) * (bar + gap) for r in runs) + 30
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 190}" '
           f'height="{height}" font-family="sans-serif" font-size="12">',
           '<rect width="100%" height="100%" fill="white"/>',
           f'<text x="10" y="20" font-size="14">baseline ms / driver ms (log scale; '
           f'right of 1x the driver is faster)</text>']
    y = 40
    for run in runs:
        out.append(f'<text x="10" y="{y + 14}" font-weight="bold">latency '
                   f'{run["latency"]} ms</text>')
        y += 28
        top = y
        for num, name, ratio, reqs in run["rows"]:
            x0, x1 = x_of(1.0), x_of(ratio)
            color = "#3a7d44" if ratio >= 1 else "#b5452b"
            out.append(f'<text x="10" y="{y + 13}">{num} {name}</text>')
            out.append(f'<rect x="{min(x0, x1):.1f}" y="{y}" width="{abs(x1 - x0):.1f}" '
                       f'height="{bar}" fill="{color}"/>')
            out.append(f'<text x="{max(x0, x1) + 4:.1f}" y="{y + 13}">{ratio:.2f}x '
                       f'({reqs} requests)</text>')
            y += bar + gap
        for tick in (0.1, 1, 10, 100):
            xt = x_of(tick)
            out.append(f'<line x1="{xt:.1f}" y1="{top - 4}" x2="{xt:.1f}" y2="{y}" '
                       f'stroke="#888" stroke-dasharray="{"none" if tick == 1 else "2,3"}"/>')
            out.append(f'<text x="{xt - 8:.1f}" y="{y + 12}" fill="#555">{tick:g}x</text>')
        y += 24
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    runs = read_runs(sys.stdin)
    if not runs:
        sys.exit("plot.py: no bc-bench table on stdin")
    sys.stdout.write(svg(runs))


if __name__ == "__main__":
    main()
