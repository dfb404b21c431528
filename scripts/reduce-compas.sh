#!/usr/bin/env bash
# Makes the COMPAS test file src/test/resources/datasets/compas/compas-scores-two-years.csv.gz
# from ProPublica's compas-scores-two-years.csv: the direct identifiers (name, first, last, dob)
# are emptied on every row; the header, every other field, the column positions, the quoting and
# the CRLF line ends are kept byte for byte. The result is gzipped without a file name or time
# stamp, so the same input always gives the same bytes.
#
# Usage: scripts/reduce-compas.sh ORIGINAL.csv OUTPUT.csv.gz
set -euo pipefail
if [ "$#" -ne 2 ]; then
  echo "usage: $0 compas-scores-two-years.csv OUTPUT.csv.gz" >&2
  exit 2
fi
python3 - "$1" <<'PY' | gzip -9 -n > "$2"
import csv, sys

sys.stdout.reconfigure(encoding="utf-8", newline="")
DROP = ("name", "first", "last", "dob")
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = csv.reader(f)
    header = next(rows)
    # The header repeats decile_score and priors_count; look the identifiers up by name, once each.
    blank = [header.index(c) for c in DROP]
    out = csv.writer(sys.stdout, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    out.writerow(header)
    for row in rows:
        if len(row) != len(header):
            sys.exit(f"line {rows.line_num}: {len(row)} fields, the header has {len(header)}")
        for i in blank:
            row[i] = ""
        out.writerow(row)
PY
