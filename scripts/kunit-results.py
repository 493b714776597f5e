#!/usr/bin/env python3
"""Turn kunit.py's JSON into result lines of the test command.

usage: kunit-results.py [--no-skip] JSON CONFIG [EXCLUDED_SUITE...]
Prints "STATUS<TAB>kunit:CONFIG<TAB>suite.case<TAB>" per leaf case, the
cases of EXCLUDED_SUITEs left out (they are judged by another check).
With --no-skip, a skipped case fails: the run gave it what it needs.
"""
import json
import sys

STATUS = {"PASS": "PASS", "SKIP": "SKIP"}


def leaves(group, path):
    for case in group.get("test_cases", []):
        yield path + [case["name"]], case["status"]
    for sub in group.get("sub_groups", []):
        yield from leaves(sub, path + [sub["name"]])


def main():
    args = sys.argv[1:]
    no_skip = bool(args) and args[0] == "--no-skip"
    if no_skip:
        args = args[1:]
    path, config, excluded = args[0], args[1], set(args[2:])
    with open(path, encoding="utf-8") as f:
        root = json.load(f)
    n = 0
    for names, status in leaves(root, []):
        if names[0] in excluded:
            continue
        n += 1
        reason = "" if status in ("PASS", "SKIP") else "kunit status " + status
        if no_skip and status == "SKIP":
            status, reason = "FAIL", "skipped, though the run gave what it needs"
        print(f"{STATUS.get(status, 'FAIL')}\tkunit:{config}\t{'.'.join(names)}\t{reason}")
    if n == 0:
        print(f"FAIL\tkunit:{config}\t(no cases)\tthe run reported no test case")


if __name__ == "__main__":
    main()
