#!/usr/bin/env bash
# Old build against new, interleaved, on one machine in one session: the before/after rows of
# BENCHMARKS.md. Each build is a frozen copy of the lab (newsbeam-lab.jar, a lab.classpath naming
# copies of the product jars, and the product's newsbeam.jar), so the tree can change meanwhile:
#
#   freeze DIR:  cp lab/target/newsbeam-lab.jar pipeline/target/newsbeam.jar DIR/, the product jars
#                from lab/target/lab.classpath to DIR/, and DIR/lab.classpath pointing at them
#
#   lab/scripts/compare-builds.sh BEFORE_DIR AFTER_DIR RESULTS_FILE [ROUNDS]
#
# Per round, for each build in turn: the wall time of ./newsbeam on the seed article and on testdata/
# (the before build without the class-data archive, as its launcher had none), then bench-run of
# flink, baseline and direct on CORPUS100K (default target/lab/corpus-100000-42) and of direct and
# flink on the Reuters train file. One line per run in RESULTS_FILE (bench-run's BENCH-RESULT JSON).
set -uo pipefail
before=$1 after=$2 results=$3 rounds=${4:-3}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
corpus=${CORPUS100K:-$here/target/lab/corpus-100000-42}
shared=${SHARED:-$here/../shared}
reuters=$(mktemp -d)
ln -s "$shared/corpora/reuters21578-train.jsonl" "$reuters/articles-00000.jsonl"
opens=$(grep -o -- '--add-opens=[^ ]*' "$here/newsbeam" | tr '\n' ' ')
cd "$here"

run() { # build engine corpus heap
  local dir=$1 engine=$2 c=$3 heap=$4 out line
  out=$(mktemp -d)
  # shellcheck disable=SC2086
  line=$(java $opens -Xmx"$heap" -cp "$dir/newsbeam-lab.jar:$(cat "$dir/lab.classpath")" \
    dev.newsbeam.lab.Lab bench-run --engine="$engine" --corpus="$c" --output="$out" \
    --overwrite=true --threads=2 2>/dev/null | grep BENCH-RESULT)
  echo "$(date -u +%FT%TZ) $(basename "$dir") ${line:-FAILED $engine $c}" >> "$results"
  rm -rf "$out"
}

wall() { # build input
  local dir=$1 input=$2 cds=on t
  [ "$dir" = "$before" ] && cds=off
  t=$(mktemp)
  NEWSBEAM_CDS=$cds NEWSBEAM_JAR="$dir/newsbeam.jar" /usr/bin/time -o "$t" -f "%e %U" \
    ./newsbeam --input="$input" --output="$(dirname "$t")/wall-out" --overwrite=true >/dev/null 2>&1
  echo "$(date -u +%FT%TZ) $(basename "$dir") WALL $(basename "$input") wall_s,user_s $(cat "$t")" >> "$results"
  rm -f "$t"
}

# the after build's class-data archive is recorded by a first run, as a user's first run does
NEWSBEAM_JAR="$after/newsbeam.jar" ./newsbeam --input=testdata --output="$(mktemp -d)" --overwrite=true >/dev/null 2>&1
for ((r = 1; r <= rounds; r++)); do
  for b in "$before" "$after"; do
    wall "$b" "$shared/seed/cnn-2025-02-12-trump-putin-call.txt"
    wall "$b" testdata
  done
  for b in "$before" "$after"; do
    run "$b" flink "$corpus" 4g
    run "$b" baseline "$corpus" 4g
    run "$b" direct "$corpus" 4g
  done
  for b in "$before" "$after"; do
    run "$b" direct "$reuters" 4g
    run "$b" flink "$reuters" 4g
  done
done
rm -rf "$reuters"
