#!/usr/bin/python3
"""Loads a newsbeam dataset into a pandas DataFrame (Debian: python3-avro, python3-pandas).

Usage: scripts/avro-to-pandas.py OUTPUT_DIR [DATASET]   (DATASET defaults to articles)
Reads every Avro file under OUTPUT_DIR/DATASET (partition folders included) with Python's own Avro
reader, builds one DataFrame and prints a JSON summary: rows, columns, and for articles the rows per
publication date (logical type `date` arrives as datetime.date, so pandas sees real dates).
"""
import glob
import json
import sys

import avro.datafile
import avro.io
import pandas as pd


def load(out, dataset):
    records = []
    for path in sorted(glob.glob(f"{out}/{dataset}/**/*.avro", recursive=True)):
        with open(path, "rb") as f:
            records.extend(avro.datafile.DataFileReader(f, avro.io.DatumReader()))
    return pd.DataFrame.from_records(records)


def main():
    out = sys.argv[1]
    dataset = sys.argv[2] if len(sys.argv) > 2 else "articles"
    df = load(out, dataset)
    summary = {"rows": len(df), "columns": list(df.columns)}
    if "published_date" in df.columns:
        days = pd.to_datetime(df["published_date"]).dt.strftime("%Y-%m-%d").fillna("unknown")
        summary["rows_per_date"] = {k: int(v) for k, v in days.value_counts().sort_index().items()}
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
