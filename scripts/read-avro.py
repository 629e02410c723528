#!/usr/bin/python3
"""Reads newsbeam's Avro output with Python's own Avro implementation (Debian: python3-avro).

Usage: scripts/read-avro.py OUTPUT_DIR [DATASET]   (DATASET defaults to articles)
Prints one JSON line per record and a count on stderr: proof that the files are standard Avro,
readable without Java.
"""
import glob
import json
import sys

import avro.datafile
import avro.io


def main():
    out = sys.argv[1]
    dataset = sys.argv[2] if len(sys.argv) > 2 else "articles"
    n = 0
    for path in sorted(glob.glob(f"{out}/{dataset}/**/*.avro", recursive=True)):
        with open(path, "rb") as f:
            for record in avro.datafile.DataFileReader(f, avro.io.DatumReader()):
                print(json.dumps(record, default=str, ensure_ascii=False))
                n += 1
    print(f"{dataset}: {n} records", file=sys.stderr)


if __name__ == "__main__":
    main()
