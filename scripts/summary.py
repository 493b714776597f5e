#!/usr/bin/env python3
"""summary.py RESULTS: print the test command's table from its TSV.

Rows "STATUS<TAB>CHECK<TAB>SUBJECT<TAB>REASON" (scripts/lib.sh, record()),
CHECK being "TRACK/NAME" or, for the checks of no track, "NAME". Grouped
as patchwork shows checks, track by track: one line per patch with a
column per check, then the series-level rows, then one line per KUnit
suite per run. Only failures are shown in full, at the end.
"""
import collections
import re
import sys

MARK = {"PASS": "ok", "FAIL": "FAIL", "SKIP": "skip"}


def split(check):
    """(track, name) of a CHECK column."""
    track, _, name = check.rpartition("/")
    return track, name


def print_patches(per_patch, checks):
    width = max(max(len(c) for c in checks), 4)
    print("  " + " ".join(c.rjust(width)[-width:] for c in checks) + "  patch")
    for patch, got in per_patch.items():
        cells = [MARK.get(got.get(c, ""), "-").rjust(width) for c in checks]
        print("  " + " ".join(cells) + "  " + patch[:50])


def main(path):
    rows = [l.rstrip("\n").split("\t") for l in open(path, encoding="utf-8")
            if l.strip()]
    rows = [(r + ["", "", "", ""])[:4] for r in rows]
    tracks = collections.OrderedDict()
    for status, check, subject, reason in rows:
        track, name = split(check)
        t = tracks.setdefault(track, {
            "patches": collections.OrderedDict(), "checks": [],
            "suites": collections.OrderedDict(), "other": []})
        if re.match(r"^\d{4}-.*\.patch$", subject):
            t["patches"].setdefault(subject, {})[name] = status
            if name not in t["checks"]:
                t["checks"].append(name)
        elif name.startswith("kunit:"):
            suite = subject.split(".")[0]
            count = t["suites"].setdefault((name, suite), collections.Counter())
            count[status] += 1
        else:
            t["other"].append((status, name, subject))

    for track, t in tracks.items():
        print(f"Track {track}:" if track else "Workbench:")
        if t["patches"]:
            print_patches(t["patches"], t["checks"])
        for status, name, subject in t["other"]:
            print(f"  {MARK.get(status, status):4} {name:28} {subject[:60]}")
        for (run, suite), count in t["suites"].items():
            parts = [f"{count[s]} {w}" for s, w in
                     (("PASS", "passed"), ("FAIL", "failed"), ("SKIP", "skipped"))
                     if count[s]]
            mark = "FAIL" if count["FAIL"] else "ok"
            print(f"  {mark:4} {run:16} {suite:28} {', '.join(parts)}")
    failed = [r for r in rows if r[0] == "FAIL"]
    if failed:
        print("Failures:")
        for _, check, subject, reason in failed:
            print(f"  {check} {subject}: {reason}")


if __name__ == "__main__":
    main(sys.argv[1])
