#!/usr/bin/env python3
"""Turns BenchmarkDotNet's CSV reports into the ratio tables of docs/performance.md.

Usage: python3 benchmarks/MetricSets.Benchmarks/tools/summarize.py [BenchmarkDotNet.Artifacts/results]
Ratios are of means (library / raw, naive EF / raw, naive EF / library); growth is the library's mean at the largest
row count over its mean at the smallest, per depth.
"""
import csv
import glob
import os
import sys

UNITS = {"ns": 1e-3, "μs": 1.0, "us": 1.0, "ms": 1e3, "s": 1e6}


def micros(text):
    value, unit = text.replace(",", "").split()
    return float(value) * UNITS[unit]


def fmt(us):
    return f"{us / 1000:.2f} ms" if us >= 1000 else f"{us:.0f} µs"


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "BenchmarkDotNet.Artifacts/results"
    for path in sorted(glob.glob(os.path.join(folder, "*Reads.*-report.csv"))):
        if ".Authorization." in path:
            continue  # their baseline is RawNpgsqlAuthorized; BenchmarkDotNet's own Ratio column reads them
        name = os.path.basename(path).split("Reads.")[1].replace("Benchmarks-report.csv", "")
        rows = {}
        with open(path, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row["Mean"] in ("NA", ""):
                    continue
                key = (int(row["Rows"]), int(row["Depth"]))
                rows.setdefault(key, {})[row["Method"]] = (micros(row["Mean"]), row["Allocated"])
        methods = sorted({m for v in rows.values() for m in v}, key=lambda m: (m != "RawNpgsql", m != "Library", m))
        other = [m for m in methods if m != "RawNpgsql"]
        print(f"\n#### {name}\n")
        header = ["Rows", "Depth"] + [f"{m} / raw" for m in other] + (["NaiveEf / Library"] if "NaiveEf" in other and "Library" in other else [])
        header += [m for m in methods] + [f"{m} alloc" for m in methods]
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for (count, depth), values in sorted(rows.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            # A method that failed at this size (NA in the report) shows as "—" rather than hiding the whole table.
            raw = values.get("RawNpgsql", (None,))[0]
            cells = [f"{count:,}", str(depth)] + [f"{values[m][0] / raw:.2f}" if m in values and raw else "—" for m in other]
            if "NaiveEf" in other and "Library" in other:
                cells.append(f"{values['NaiveEf'][0] / values['Library'][0]:.1f}" if "NaiveEf" in values and "Library" in values else "—")
            cells += [fmt(values[m][0]) if m in values else "—" for m in methods] + [values[m][1] if m in values else "—" for m in methods]
            print("| " + " | ".join(cells) + " |")
        depths = sorted({d for _, d in rows})
        counts = sorted({c for c, _ in rows})
        if len(counts) > 1:
            growth = []
            for depth in depths:
                low, high = rows.get((counts[0], depth)), rows.get((counts[-1], depth))
                if low and high and all("Library" in v and "RawNpgsql" in v for v in (low, high)):
                    growth.append(f"depth {depth}: library {high['Library'][0] / low['Library'][0]:.2f}×, raw {high['RawNpgsql'][0] / low['RawNpgsql'][0]:.2f}×")
            print(f"\nGrowth {counts[0]:,} → {counts[-1]:,} rows: " + "; ".join(growth))


main()
