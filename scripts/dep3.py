#!/usr/bin/env python3
"""DEP-3 headers of a backport track's patches (git format-patch files,
which Debian's kernel packaging applies as a quilt series).

  dep3.py add PATCH...     write the headers the patch's body calls for
  dep3.py check PATCH      exit 1, saying why, unless they are there and
                           agree with the body

A backport of a mainline commit starts its body with
"[ Upstream commit <40 hex> ]": it gets "Origin: upstream, <commit's
page>" ("backport," instead when a "[ backport: ... ]" note says it
deviates) and "Forwarded: not-needed". A patch whose body starts with
"Not for upstream:" (a track's own, optional) gets "Forwarded:
not-needed" alone. Any other patch is not upstream yet: "Forwarded: no"
until it is posted (then the posting's address).
The headers go at the end of the mail header block, where git am and
quilt ignore them and Debian's tools read them.
"""
import re
import sys

UPSTREAM = re.compile(r'^\[ Upstream commit ([0-9a-f]+) \]$', re.M)
URL = 'https://git.kernel.org/linus/'


def split(text):
    head, sep, body = text.partition('\n\n')
    return head, sep, body


def wanted(body):
    """The DEP-3 headers the body calls for, or an error."""
    m = UPSTREAM.search(body)
    if not m and body.lstrip('\n').startswith('Not for upstream:'):
        return ['Forwarded: not-needed'], None
    if not m:
        return ['Forwarded: no'], None
    sha = m.group(1)
    if len(sha) != 40:
        return None, f'"[ Upstream commit {sha} ]": not a full 40-hex id'
    first = body.lstrip('\n').split('\n', 1)[0]
    if first != m.group(0):
        return None, '"[ Upstream commit ... ]" is not the first line of the body'
    kind = 'backport' if re.search(r'^\[ backport: ', body, re.M) else 'upstream'
    return [f'Origin: {kind}, {URL}{sha}', 'Forwarded: not-needed'], None


def strip(head):
    return '\n'.join(ln for ln in head.split('\n')
                     if not ln.startswith(('Origin: ', 'Forwarded: ')))


def add(path):
    text = open(path, encoding='utf-8').read()
    head, sep, body = split(text)
    hdrs, err = wanted(body)
    if err:
        sys.exit(f'{path}: {err}')
    head = strip(head) + '\n' + '\n'.join(hdrs)
    open(path, 'w', encoding='utf-8').write(head + sep + body)


def check(path):
    head, _, body = split(open(path, encoding='utf-8').read())
    hdrs, err = wanted(body)
    if err:
        print(err)
        return 1
    have = [ln for ln in head.split('\n')
            if ln.startswith(('Origin: ', 'Forwarded: '))]
    if hdrs == ['Forwarded: not-needed']:
        if have != hdrs:
            print(f'not for upstream: wants {hdrs}, has {have or "none"}')
            return 1
        print('not for upstream: Forwarded: not-needed')
        return 0
    if 'Forwarded: no' in hdrs:
        fwd = [ln for ln in have if ln.startswith('Forwarded: ')]
        if len(fwd) != 1 or any(ln.startswith('Origin: ') for ln in have):
            print('not from mainline: wants one "Forwarded:" (no, or the '
                  f'posting) and no "Origin:", has {have or "none"}')
            return 1
        print(f'not from mainline yet: {fwd[0]}')
        return 0
    if have != hdrs:
        print(f'wants {hdrs}, has {have or "none"}')
        return 1
    print(hdrs[0])
    return 0


def main(argv):
    if len(argv) >= 3 and argv[1] == 'add':
        for p in argv[2:]:
            add(p)
        return 0
    if len(argv) == 3 and argv[1] == 'check':
        return check(argv[2])
    sys.stderr.write(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
