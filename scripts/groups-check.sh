#!/usr/bin/env bash
# Measures how an audit with very many groups ends (docs/hardening-groups.md): generates the data,
# runs ./submit.sh (embedded local mode, default driver memory) under /usr/bin/time -v, and prints
# the exit code, the wall time, the max RSS and the last lines of standard error.
#
#   scripts/groups-check.sh [WORKDIR]      (default target/groups-check)
#
# Cases: one attribute with 100,000 distinct values on 200,000 rows; a 200 x 200 x 200
# intersection on 100,000 rows; the same attribute with fairness.max_groups raised to 100000.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$here/target/groups-check}"
mkdir -p "$work"

python3 - "$work" <<'PY'
import random, sys, os
work = sys.argv[1]
rnd = random.Random(7)
def write(name, rows, header, row):
    path = os.path.join(work, name)
    if os.path.exists(path):
        return
    with open(path, "w") as f:
        f.write(header + "\n")
        for i in range(rows):
            f.write(row(i) + "\n")
def common():
    score = rnd.random()
    return "%d,%d,%.3f" % (rnd.random() < 0.5, score >= 0.5, score)
write("wide.csv", 200_000, "id,label,approved,score,customer",
      lambda i: "%d,%s,c%06d" % (i, common(), rnd.randrange(100_000)))
write("cube.csv", 100_000, "id,label,approved,score,a,b,c",
      lambda i: "%d,%s,a%d,b%d,c%d" % (i, common(), rnd.randrange(200), rnd.randrange(200), rnd.randrange(200)))
PY

spec() { # name data sensitive intersections extra-fairness
  cat > "$work/$1.yaml" <<YAML
version: 1
name: $1
data:
  current: {path: $2}
columns:
  label: label
  prediction: approved
  score: score
  sensitive: [$3]
  intersections: [$4]
$5
rules: [$here/rules/eeoc-four-fifths.yaml]
YAML
}
spec wide wide.csv customer "" ""
spec cube cube.csv "a, b, c" "[a, b, c]" ""
spec wide-raised wide.csv customer "" "fairness: {max_groups: 100000}"

for case in wide cube wide-raised; do
  rm -rf "$work/out-$case"
  set +e
  /usr/bin/time -v "$here/submit.sh" "$work/$case.yaml" --out "$work/out-$case" \
    >"$work/$case.out" 2>"$work/$case.err"
  code=$?
  set -e
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/$case.err")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/$case.err")
  echo "== $case: exit $code, wall $wall, max RSS $((rss / 1024)) MB"
  grep -v '^\s' "$work/$case.err" | grep -v 'Command being timed' | tail -n 3
  if [ -d "$work/out-$case" ]; then ls -l "$work/out-$case"; fi
done
