#!/usr/bin/env python3
"""sign-as.py PATCH 'Name <email>': make PATCH (git format-patch output)
authored and signed off by that identity: its From: header, and the
Signed-off-by: line of the author it had, now name that identity.
A backport ("[ Upstream commit <sha> ]") keeps its upstream author and
trailers: the identity signs it off last, as the one who backported it."""
import email.utils
import re
import sys


def main(path, ident):
    text = open(path, encoding='utf-8').read()
    head, sep, rest = text.partition('\n\n')
    if re.search(r'^\[ Upstream commit [0-9a-f]+ \]$', rest, re.M):
        msg, cut, diff = rest.partition('\n---\n')
        sob = 'Signed-off-by: ' + ident
        if not msg.rstrip('\n').endswith(sob):
            msg = msg.rstrip('\n') + '\n' + sob + '\n'
        open(path, 'w', encoding='utf-8').write(head + sep + msg + cut + diff)
        return
    # The From: header may be folded over several lines.
    m = re.search(r'^From: (.*(?:\n[ \t].*)*)', head, re.M)
    if not m:
        sys.exit(f'{path}: no From: header')
    old = ' '.join(part.strip() for part in m.group(1).split('\n'))
    old_name, old_addr = email.utils.parseaddr(old)
    head = head[:m.start()] + 'From: ' + ident + head[m.end():]
    rest = re.sub(r'^Signed-off-by: ' + re.escape(old_name) + r' <' +
                  re.escape(old_addr) + r'>$', 'Signed-off-by: ' + ident,
                  rest, flags=re.M)
    open(path, 'w', encoding='utf-8').write(head + sep + rest)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
