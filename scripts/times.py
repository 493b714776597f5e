#!/usr/bin/env python3
"""times.py TIMES: where the test command's time went, per check.

TIMES has rows "SECONDS<TAB>CHECK<TAB>SUBJECT<TAB>ran|reused" (one per
row or run of a check, scripts/test.sh). Prints one line per check that
ran, the slowest first, and how many results were reused.
"""
import collections
import sys


def main(path):
    ran = collections.Counter()
    runs = collections.Counter()
    reused = 0
    for line in open(path, encoding="utf-8"):
        secs, check, _subject, how = (line.rstrip("\n").split("\t") + [""] * 4)[:4]
        if how == "reused":
            reused += 1
            continue
        ran[check] += int(secs)
        runs[check] += 1
    print("Time by check (%d results reused):" % reused)
    for check, secs in ran.most_common():
        print("  %6d s  %-16s %d run%s" % (secs, check, runs[check],
                                         "" if runs[check] == 1 else "s"))


if __name__ == "__main__":
    main(sys.argv[1])
