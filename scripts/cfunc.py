#!/usr/bin/env python3
"""The top-level C definitions of a kernel source file, by name.

A unit is a function definition (its name and "(" on a line that starts
in column 0, its body from a "{" in column 0 to the next "}" in column
0) or a struct, union or enum definition ("struct NAME {" in column 0 to
"};" in column 0): the kernel's coding style puts both there.

  cfunc.py compare OLD NEW REF DIR
                             for each unit the change from OLD to NEW
                             touches: "NAME<TAB>STATE<TAB>DIFF", STATE
                             "same" as in REF, "differs" (+A/-B lines,
                             the unified diff REF -> NEW in DIR/DIFF),
                             "only-new" or "only-ref"

OLD, NEW and REF may be "-" (empty: a file added or removed).
"""
import difflib
import re
import sys

FUNC = re.compile(r'^(?:[A-Za-z_][^;=()]*?[\s*])?([A-Za-z_]\w*)\s*\(')
AGGR = re.compile(r'^(?:typedef\s+)?(struct|union|enum)\s+(\w+)\s*\{')


def read(path):
    if path == '-':
        return []
    with open(path, encoding='utf-8', errors='replace') as f:
        return f.read().splitlines()


def units(lines):
    """[(name, first, last)], 0-based and inclusive. A name defined again
    (a stub in an #else branch) is NAME#2 the second time."""
    out = []
    seen = {}
    for name, first, last in _units(lines):
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            name = f'{name}#{seen[name]}'
        out.append((name, first, last))
    return out


def _units(lines):
    out, i = [], 0
    while i < len(lines):
        line = lines[i]
        m = AGGR.match(line)
        if m:
            end = next((j for j in range(i, len(lines))
                        if lines[j].startswith('}')), len(lines) - 1)
            out.append((f'{m.group(1)} {m.group(2)}', i, end))
            i = end + 1
            continue
        m = FUNC.match(line)
        if m and not line.startswith(('#', 'static_assert', 'EXPORT_')):
            # the signature runs on to a "{" line; a ";" first means a
            # declaration
            j = i
            while j < len(lines) and lines[j] != '{' and \
                    not lines[j].rstrip().endswith(';'):
                j += 1
            if j < len(lines) and lines[j] == '{':
                end = next((k for k in range(j, len(lines))
                            if lines[k].startswith('}')), len(lines) - 1)
                out.append((m.group(1), i, end))
                i = end + 1
                continue
        i += 1
    return out


def touched(old, new):
    """Names of the units whose lines the change from old to new touches."""
    names = []
    sm = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    spans_old, spans_new = [], []
    for tag, a1, a2, b1, b2 in sm.get_opcodes():
        if tag == 'equal':
            continue
        spans_old.append((a1, max(a1, a2 - 1)))
        spans_new.append((b1, max(b1, b2 - 1)))
    for lines, spans in ((new, spans_new), (old, spans_old)):
        for name, first, last in units(lines):
            if any(s <= last and e >= first for s, e in spans) and \
                    name not in names:
                names.append(name)
    return names


def compare(old, new, ref, outdir):
    ours = {n: '\n'.join(new[a:b + 1]) + '\n' for n, a, b in units(new)}
    theirs = {n: '\n'.join(ref[a:b + 1]) + '\n' for n, a, b in units(ref)}
    rows = []
    for name in touched(old, new):
        a, b = theirs.get(name), ours.get(name)
        if a is None and b is None:
            continue
        if a == b:
            rows.append(f'{name}\tsame\t')
            continue
        diff = list(difflib.unified_diff(
            (a or '').splitlines(True), (b or '').splitlines(True),
            'ref/' + name, 'new/' + name))
        fname = re.sub(r'\W', '_', name) + '.diff'
        with open(f'{outdir}/{fname}', 'w', encoding='utf-8') as f:
            f.writelines(diff)
        if a is None:
            state = 'only-new'
        elif b is None:
            state = 'only-ref'
        else:
            plus = sum(1 for ln in diff[2:] if ln.startswith('+'))
            minus = sum(1 for ln in diff[2:] if ln.startswith('-'))
            state = f'differs +{plus}/-{minus}'
        rows.append(f'{name}\t{state}\t{fname}')
    return rows


def main(argv):
    if len(argv) == 6 and argv[1] == 'compare':
        rows = compare(read(argv[2]), read(argv[3]), read(argv[4]), argv[5])
        print('\n'.join(rows))
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
