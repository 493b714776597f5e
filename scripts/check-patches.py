#!/usr/bin/env python3
"""Per-patch checks that need only the patch files.

usage: check-patches.py --check CHECK SRC PATCH
Prints the reason of one check and exits 1 if it fails. The checks:
  tags      Signed-off-by matching From; Fixes: in the 12-character
            sha ("subject") form, and whether the base knows the commit
  headers   no new "static inline" in .c files, no new inline function
            in a header that does real work (more than 3 lines of body)
  kdoc-new  every new non-static function in a .c file has kernel-doc
SRC is the patched git tree, used to look Fixes: commits up.
"""
import email
import email.policy
import os
import re
import subprocess
import sys

FIXES = re.compile(r'^Fixes: (?P<sha>[0-9a-f]{12}) \("(?P<subj>.+)"\)$')
SOB = re.compile(r'^Signed-off-by: (?P<who>.+)$')
FUNC_DEF = re.compile(r'^(?!static\b)(?!typedef\b)[a-z_][\w\s\*]*?\b(?P<name>\w+)\(')
INLINE_BODY_MAX = 3


def norm(who):
    name, addr = email.utils.parseaddr(who)
    return (" ".join(name.split()), addr.lower())


def parse(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    msg = email.message_from_string(text, policy=email.policy.compat32)
    head, _, rest = text.partition("\n\n")
    body, _, diff = rest.partition("\n---\n")
    return msg, body, diff


def added_by_file(diff):
    """{file: [hunk, ...]} with each hunk a list of its added/context lines."""
    files, cur, hunk = {}, None, None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            cur = line[6:] if line.startswith("+++ b/") else None
            if cur:
                files.setdefault(cur, [])
            hunk = None
        elif line.startswith("@@") and cur:
            hunk = []
            files[cur].append(hunk)
        elif hunk is not None and line[:1] in ("+", " "):
            hunk.append(line)
    return files


def check_tags(src, name, msg, body):
    out = []
    author = norm(str(msg.get("From", "")))
    sobs = [norm(m.group("who")) for m in map(SOB.match, body.splitlines()) if m]
    if not sobs:
        out.append(("FAIL", "no Signed-off-by"))
    elif author not in sobs:
        out.append(("FAIL", f"no Signed-off-by matches From {author[0]} <{author[1]}>"))
    notes = []
    for line in body.splitlines():
        if not line.startswith("Fixes:"):
            continue
        m = FIXES.match(line)
        if not m:
            out.append(("FAIL", f"malformed: {line} (want Fixes: <12 hex> (\"subject\"))"))
            continue
        known = subprocess.run(["git", "-C", src, "cat-file", "-e", m["sha"] + "^{commit}"],
                               capture_output=True).returncode == 0
        notes.append(f"Fixes {m['sha']} " + ("found in the base" if known else
                     "not verifiable: the base is a tarball without git history"))
    bad = [r for s, r in out if s == "FAIL"]
    if bad:
        return "FAIL", "; ".join(bad)
    return "PASS", "; ".join(notes)


def inline_bodies(hunk):
    """Yield (name, body line count) of static inline definitions added."""
    lines = [l[1:] for l in hunk]
    for i, line in enumerate(lines):
        if not hunk[i].startswith("+") or "static inline" not in line or line.rstrip().endswith(";"):
            continue
        m = re.search(r"(\w+)\(", line)
        j = i
        while j < len(lines) and not lines[j].startswith("{"):
            j += 1
        k = j + 1
        while k < len(lines) and not lines[k].startswith("}"):
            k += 1
        body = [l for l in lines[j + 1:k] if l.strip()]
        yield (m.group(1) if m else "?"), len(body)


def check_headers(files):
    bad = []
    for path, hunks in files.items():
        for hunk in hunks:
            if path.endswith(".c"):
                bad += [f"{path}: new static inline in a .c file" for l in hunk
                        if l.startswith("+") and re.search(r"\bstatic\s+inline\b", l)]
            elif path.endswith(".h"):
                bad += [f"{path}: inline {n}() has {c} lines of body"
                        for n, c in inline_bodies(hunk) if c > INLINE_BODY_MAX]
    return ("FAIL", "; ".join(bad)) if bad else ("PASS", "")


def check_kdoc_new(files):
    missing, seen = [], 0
    for path, hunks in files.items():
        if not path.endswith(".c"):
            continue
        for hunk in hunks:
            for i, line in enumerate(hunk):
                if not line.startswith("+"):
                    continue
                text = line[1:]
                m = FUNC_DEF.match(text)
                if not m or text.rstrip().endswith(";"):
                    continue
                nxt = [l[1:] for l in hunk[i + 1:i + 6]]
                if not any(l.startswith("{") for l in nxt) and not text.rstrip().endswith("{"):
                    continue
                seen += 1
                before = "\n".join(l[1:] for l in hunk[max(0, i - 60):i])
                doc = before.rfind("/**")
                if doc < 0 or not re.search(r"\* " + re.escape(m["name"]) + r"(\(\))?\s+-",
                                            before[doc:]):
                    missing.append(f"{path}: {m['name']}()")
    if missing:
        return "FAIL", "no kernel-doc: " + ", ".join(missing)
    return "PASS", f"{seen} new non-static functions, all documented" if seen else ""


def main(check, src, path):
    """One check of one patch: its reason printed, 1 if it fails."""
    msg, body, diff = parse(path)
    files = added_by_file(diff)
    status, reason = {"tags": lambda: check_tags(src, os.path.basename(path), msg, body),
                      "headers": lambda: check_headers(files),
                      "kdoc-new": lambda: check_kdoc_new(files)}[check]()
    if reason:
        print(reason)
    return 0 if status == "PASS" else 1


if __name__ == "__main__":
    if len(sys.argv) != 5 or sys.argv[1] != "--check":
        sys.exit("usage: check-patches.py --check CHECK SRC PATCH")
    sys.exit(main(sys.argv[2], sys.argv[3], sys.argv[4]))
