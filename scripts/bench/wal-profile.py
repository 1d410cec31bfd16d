#!/usr/bin/env python3
"""Where a load run's WAL went, by record type and relation, per submit (scripts/load.sh with HUB_PG_PROFILE=1).

Usage: wal-profile.py WALDUMP_TEXT RELATIONS SUBMITS [ROWS]
  WALDUMP_TEXT: pg_waldump's output over a window of the run; RELATIONS: "filenode|name" lines from pg_class;
  SUBMITS: dossiers stored in that window. Prints the ROWS (default 25) largest, and the total.
"""
import collections
import re
import sys

RECORD = re.compile(r"rmgr: (\S+)\s+len \(rec/tot\):\s*\d+/\s*(\d+),.*?desc: (\S+)(?:.*?blkref #0: rel \d+/\d+/(\d+))?")


def main(waldump, relations, submits, rows=25):
    names = dict(line.rstrip("\n").split("|", 1) for line in open(relations) if "|" in line)
    totals = collections.defaultdict(lambda: [0, 0])
    for line in open(waldump):
        match = RECORD.match(line)
        if match:
            rmgr, size, desc, filenode = match.groups()
            key = (f"{rmgr}/{desc}", names.get(filenode, filenode or "-"))
            totals[key][0] += 1
            totals[key][1] += int(size)
    if submits <= 0:
        print("no submits stored in the window")
        return
    total = sum(size for _, size in totals.values())
    print(f"== WAL by record and relation, {submits} submits in the window: {total / submits:,.0f} bytes a submit")
    print("record | relation | records a submit | bytes a submit | share")
    for (record, relation), (count, size) in sorted(totals.items(), key=lambda item: -item[1][1])[:rows]:
        print(f"{record} | {relation} | {count / submits:.2f} | {size / submits:,.0f} | {100 * size / total:.1f} %")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), *(int(a) for a in sys.argv[4:5]))
