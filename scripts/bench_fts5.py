#!/usr/bin/env python3
"""SQLite FTS5 (bm25) on the same corpus and the same queries as `vraagbaak-bench corpus`.

Indexes every corpus file as (title, question, answer) with bm25 weights 3, 2, 1 (as
Vraagbaak's BM25F), then runs each query as an OR of its terms, top 10 by bm25.
Prints build time and query latency percentiles. When the queries name their probe and
the records they should find (`vraagbaak-bench repetition` writes them so), also prints
precision@1: the share of queries whose best record, the probe itself excluded, is one
of the expected ones.

usage: scripts/bench_fts5.py --corpus DIR --queries FILE
"""
import argparse
import json
import os
import sqlite3
import tempfile
import time


def split_record(text):
    """(title, question, answer) from either corpus layout, roughly as Vraagbaak reads it."""
    lines = text.split("\n")
    title = ""
    if lines and lines[0].startswith("title:"):
        title = lines[0][len("title:"):].strip()
        try:
            answer_at = next(i for i, l in enumerate(lines) if l.strip() == "ANTWOORD")
        except StopIteration:
            answer_at = len(lines)
        return title, "\n".join(lines[1:answer_at]), "\n".join(lines[answer_at + 1:])
    title = lines[0].strip() if lines else ""
    answer_at = len(lines)
    for i in range(2, len(lines)):
        if lines[i].startswith(" ") and lines[i - 1].rstrip().endswith("?"):
            answer_at = i
            break
    return title, "\n".join(lines[1:answer_at]), "\n".join(lines[answer_at:])


def percentile(values, fraction):
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, int(-(-fraction * len(ordered) // 1)) - 1))
    return ordered[rank]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--queries", required=True)
    args = parser.parse_args()

    paths = []
    for root, _, files in os.walk(args.corpus):
        paths += [os.path.join(root, f) for f in files if f.endswith((".txt", ".vraag"))]
    paths.sort()

    database = os.path.join(tempfile.mkdtemp(), "fts5.sqlite")
    connection = sqlite3.connect(database)
    connection.execute(
        "CREATE VIRTUAL TABLE records USING fts5(title, question, answer, tokenize='unicode61 remove_diacritics 2')")
    started = time.perf_counter()
    rows = []
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as handle:
            rows.append(split_record(handle.read()))
        if len(rows) == 5000:
            connection.executemany("INSERT INTO records VALUES (?, ?, ?)", rows)
            rows = []
    connection.executemany("INSERT INTO records VALUES (?, ?, ?)", rows)
    connection.commit()
    build = time.perf_counter() - started
    print(f"fts5 records:          {len(paths)}")
    print(f"fts5 index build:      {build:.2f} s")

    with open(args.queries, encoding="utf-8") as handle:
        queries = [json.loads(line) for line in handle if line.strip()]
    statement = "SELECT rowid FROM records WHERE records MATCH ? ORDER BY bm25(records, 3.0, 2.0, 1.0) LIMIT 10"
    expressions = [" OR ".join('"%s"' % t.replace('"', '""') for t in q["terms"]) for q in queries if q["terms"]]
    for expression in expressions[:20]:
        connection.execute(statement, (expression,)).fetchall()
    latencies = []
    for expression in expressions:
        started = time.perf_counter()
        connection.execute(statement, (expression,)).fetchall()
        latencies.append((time.perf_counter() - started) * 1000)
    print(f"fts5 search top-10 ({len(latencies)} queries): p50 {percentile(latencies, 0.5):.2f} ms, "
          f"p99 {percentile(latencies, 0.99):.2f} ms, max {max(latencies):.2f} ms")
    judged = [q for q in queries if q.get("expected") and q["terms"]]
    if judged:
        rowids = {os.path.realpath(path): index + 1 for index, path in enumerate(paths)}
        ranked = ("SELECT rowid FROM records WHERE records MATCH ? AND rowid != ? "
                  "ORDER BY bm25(records, 3.0, 2.0, 1.0) LIMIT 1")
        right = 0
        for query in judged:
            expression = " OR ".join('"%s"' % t.replace('"', '""') for t in query["terms"])
            probe = rowids.get(os.path.realpath(query["probe"]), -1)
            expected = {rowids.get(os.path.realpath(p)) for p in query["expected"]}
            best = connection.execute(ranked, (expression, probe)).fetchone()
            if best and best[0] in expected:
                right += 1
        print(f"fts5 precision@1:      {right / len(judged):.3f} ({right} of {len(judged)} queries)")
    connection.close()
    os.remove(database)


if __name__ == "__main__":
    main()
