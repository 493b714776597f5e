#!/usr/bin/env python3
"""summary.py RESULTS: print the test command's table from its TSV.

Rows "STATUS<TAB>CHECK<TAB>SUBJECT<TAB>REASON" (scripts/lib.sh, record())
are grouped as patchwork shows checks: one line per patch with a column
per check, then the series-level rows, then one line per KUnit suite per
run. Only failures are shown in full, at the end.
"""
import collections
import re
import sys

MARK = {"PASS": "ok", "FAIL": "FAIL", "SKIP": "skip"}


def main(path):
    rows = [l.rstrip("\n").split("\t") for l in open(path, encoding="utf-8")
            if l.strip()]
    rows = [(r + ["", "", "", ""])[:4] for r in rows]
    per_patch = collections.OrderedDict()
    checks = []
    suites = collections.OrderedDict()
    other = []
    for status, check, subject, reason in rows:
        if re.match(r"^\d{4}-.*\.patch$", subject):
            per_patch.setdefault(subject, {})[check] = status
            if check not in checks:
                checks.append(check)
        elif check.startswith("kunit:"):
            suite = subject.split(".")[0]
            count = suites.setdefault((check, suite), collections.Counter())
            count[status] += 1
        else:
            other.append((status, check, subject))

    if per_patch:
        print("Per patch:")
        width = max(len(c) for c in checks)
        print("  " + " ".join(c.rjust(max(width, 4))[-max(width, 4):]
                              for c in checks) + "  patch")
        for patch, got in per_patch.items():
            cells = [MARK.get(got.get(c, ""), "-").rjust(max(width, 4))
                     for c in checks]
            print("  " + " ".join(cells) + "  " + patch[:50])
    if other:
        print("Series and runs:")
        for status, check, subject in other:
            print(f"  {MARK.get(status, status):4} {check:28} {subject[:60]}")
    if suites:
        print("KUnit suites:")
        for (run, suite), count in suites.items():
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
