"""agendex extract on Apache Spark: the same records as `agendex extract`,
read by many machines.

The driver lists the input files (local paths or any Hadoop-compatible URI:
hdfs://, s3a://, file:) as `agendex extract` walks folders, sorts them as it
does, and splits them into contiguous partitions. Each task gets its
partition's files streamed to it by Spark, writes them to a scratch folder
and runs the agendex binary (shipped with --files or --agendex) over them
with one PDF worker per task core, as `extract` runs one per CPU. Outputs,
under --output:

  records/            JSON Lines, part-00000, part-00001, ...: concatenated in
                      order, byte for byte what `agendex extract INPUTS`
                      prints; `agendex index --records OUTPUT/records` indexes it
  by-council-year/    the same lines, partitioned council=C/year=Y (JSON Lines)
  parquet/            the records as columns, partitioned by council and year
  outcomes/           one row per input file: path, outcome (ok, failed,
                      recovered), reason, records

A file is `failed` when agendex could not read it (the reason is agendex's
own message); when agendex stops on a whole partition (a crash, exit status
2), each of its files is read again on its own, and those that then succeed
are `recovered`.

  spark-submit --files target/release/agendex scale/spark/extract.py \\
      --input hdfs://nn/papers --output hdfs://nn/agendex-out
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

# What `agendex extract` takes from inside folders (src/walk.rs).
EXTENSIONS = (".pdf", ".txt", ".md", ".html", ".htm")


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--input", action="append", required=True, metavar="PATH",
                   help="a file or folder (local or Hadoop URI); repeatable")
    p.add_argument("--list", metavar="FILE",
                   help="also read the input paths, one a line, from this local file")
    p.add_argument("--output", required=True, metavar="DIR",
                   help="output folder (local or Hadoop URI); must not exist")
    p.add_argument("--agendex", metavar="BINARY",
                   help="the agendex binary to ship to the executors (default: one "
                        "shipped with spark-submit --files)")
    p.add_argument("--partitions", type=int, default=0, metavar="N",
                   help="partitions of the file list (default: the default parallelism)")
    p.add_argument("--timeout", type=float, default=60.0, metavar="SECS",
                   help="agendex --timeout: seconds one PDF may take")
    return p.parse_args(argv)


# ---- the driver: list and name the inputs -------------------------------

def is_input(name, named):
    """A file agendex reads: named on the command line, or found in a
    folder with a known extension and not the folder's own README."""
    if named:
        return True
    lower = name.lower()
    stem = lower.rsplit(".", 1)[0]
    return lower.endswith(EXTENSIONS) and stem != "readme"


def list_inputs(sc, roots):
    """[(record path, uri)] for every input file under `roots`, sorted as
    agendex sorts its inputs (path component by component). The record path
    is the root as given joined with the file's path below it, as
    `agendex extract ROOT` writes `source.path`."""
    jvm = sc._jvm
    conf = sc._jsc.hadoopConfiguration()
    found = {}
    for root in roots:
        path = jvm.org.apache.hadoop.fs.Path(root)
        fs = path.getFileSystem(conf)
        if not fs.exists(path):
            raise SystemExit(f"extract.py: {root}: no such file or directory")
        status = fs.getFileStatus(path)
        qualified = status.getPath().toString()
        if status.isFile():
            found[root] = qualified
            continue
        files = fs.listFiles(path, True)
        while files.hasNext():
            uri = files.next().getPath().toString()
            rel = uri[len(qualified):].lstrip("/")
            if is_input(rel.rsplit("/", 1)[-1], named=False):
                found[root.rstrip("/") + "/" + rel] = uri
    return sorted(found.items(), key=lambda item: item[0].split("/"))


# ---- the executors: run agendex over a partition -------------------------

def agendex_binary():
    from pyspark import SparkFiles
    path = SparkFiles.get("agendex")
    if not os.access(path, os.X_OK):
        os.chmod(path, 0o755)
    return path


def run_agendex(binary, names, cwd, jobs, timeout):
    """Run `agendex extract` over `names` in `cwd`: (record lines, {name:
    reason} of failed files, exit status)."""
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [binary, "extract", "-j", str(jobs), "--timeout", str(timeout), *names],
            cwd=cwd, stdout=subprocess.PIPE, stderr=err)
        lines = [line.decode("utf-8").rstrip("\n") for line in proc.stdout]
        status = proc.wait()
        err.seek(0)
        failed = {}
        for line in err.read().decode("utf-8", "replace").splitlines():
            # agendex: NAME: reason (README, "Bad input")
            for name in names:
                prefix = f"agendex: {name}: "
                if line.startswith(prefix):
                    failed[name] = line[len(prefix):]
    return lines, failed, status


def source_name(line):
    """The scratch name a record line's source.path holds."""
    return json.loads(line)["source"]["path"]


def with_path(line, name, path):
    """The line with source.path `name` replaced by the record path, byte
    for byte otherwise (no re-serialisation)."""
    old = '"source":{"path":' + json.dumps(name, ensure_ascii=False) + ","
    new = '"source":{"path":' + json.dumps(path, ensure_ascii=False) + ","
    return line.replace(old, new, 1)


def extract_partition(rows, jobs, timeout):
    """rows: (rank, (record path, bytes)) in rank order. Yields
    ("record", rank, line) and ("outcome", rank, path, outcome, reason, n)."""
    rows = list(rows)
    if not rows:
        return
    binary = agendex_binary()
    scratch = tempfile.mkdtemp(prefix="agendex-")
    try:
        names = []
        for rank, (path, data) in rows:
            ext = os.path.splitext(path)[1]
            name = f"{rank:010d}{ext}"
            with open(os.path.join(scratch, name), "wb") as f:
                f.write(data)
            names.append(name)
        paths = {name: path for name, (_, (path, _)) in zip(names, rows)}
        ranks = {name: rank for name, (rank, _) in zip(names, rows)}

        lines, failed, status = run_agendex(binary, names, scratch, jobs, timeout)
        recovered = set()
        if status not in (0, 1):
            # agendex stopped on the partition as a whole: each file alone.
            lines, failed = [], {}
            for name in names:
                one, why, st = run_agendex(binary, [name], scratch, jobs, timeout)
                if st == 0:
                    recovered.add(name)
                elif name not in why:
                    why[name] = f"agendex exited with status {st}"
                lines.extend(one)
                failed.update(why)
        counts = {name: 0 for name in names}
        for line in lines:
            name = source_name(line)
            counts[name] += 1
            yield ("record", ranks[name], with_path(line, name, paths[name]))
        for name in names:
            if name in failed:
                outcome, reason = "failed", failed[name].replace(name, paths[name])
            elif name in recovered:
                outcome, reason = "recovered", None
            else:
                outcome, reason = "ok", None
            yield ("outcome", ranks[name], paths[name], outcome, reason, counts[name])
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


# ---- the columns of a record ---------------------------------------------

def columns(line):
    """A record's columns for Parquet, and its council and year partition."""
    r = json.loads(line)
    doc = r.get("document") or {}
    source = r.get("source") or {}
    # The date agendex files a record under: its document's, else its own
    # meeting date or date (src/index/schema.rs, record_date).
    date = doc.get("date") or r.get("meeting_date") or (
        r.get("date") if r.get("kind") != "document" else None)
    year = date[:4] if isinstance(date, str) and date[:4].isdigit() else None
    return (
        r.get("id"), r.get("kind"), source.get("path"), source.get("sha256"),
        source.get("page"), source.get("page_end"), source.get("page_label"),
        doc.get("type"), doc.get("title"), doc.get("body"), date, r.get("text"),
        line, doc.get("council"), year,
    )


PARQUET_COLUMNS = [
    "id", "kind", "path", "sha256", "page", "page_end", "page_label", "doc_type",
    "title", "body", "date", "text", "record", "council", "year",
]


def main(argv):
    args = parse_args(argv)
    from pyspark.sql import SparkSession
    from pyspark.sql.types import (IntegerType, LongType, StringType, StructField,
                                   StructType)

    spark = SparkSession.builder.appName("agendex-extract").getOrCreate()
    sc = spark.sparkContext
    if args.agendex:
        sc.addFile(os.path.abspath(args.agendex))
    roots = list(args.input)
    if args.list:
        with open(args.list, encoding="utf-8") as f:
            roots.extend(line.strip() for line in f if line.strip())

    inputs = list_inputs(sc, roots)
    if not inputs:
        raise SystemExit("extract.py: no input files")
    rank_of = {uri: (rank, path) for rank, (path, uri) in enumerate(inputs)}
    partitions = args.partitions or sc.defaultParallelism
    partitions = max(1, min(partitions, len(inputs)))
    jobs = int(sc.getConf().get("spark.task.cpus", "1"))
    timeout = args.timeout

    # Spark reads the bytes (any Hadoop file system); ranks keep agendex's order.
    uris = ",".join(uri for _, uri in inputs)
    files = (sc.binaryFiles(uris)
             .map(lambda kv: (rank_of[kv[0]][0], (rank_of[kv[0]][1], kv[1])))
             .sortByKey(numPartitions=partitions))
    results = files.mapPartitions(
        lambda rows: extract_partition(rows, jobs, timeout)).cache()

    out = args.output.rstrip("/")
    records = results.filter(lambda t: t[0] == "record")
    records.map(lambda t: t[2]).saveAsTextFile(out + "/records")

    row_type = StructType(
        [StructField(c, IntegerType() if c in ("page", "page_end") else StringType())
         for c in PARQUET_COLUMNS])
    table = spark.createDataFrame(records.map(lambda t: columns(t[2])), row_type)
    table.write.partitionBy("council", "year").parquet(out + "/parquet")
    (table.select("record", "council", "year")
     .write.partitionBy("council", "year").text(out + "/by-council-year"))

    outcome_type = StructType([
        StructField("rank", LongType()), StructField("path", StringType()),
        StructField("outcome", StringType()), StructField("reason", StringType()),
        StructField("records", LongType()),
    ])
    outcomes = spark.createDataFrame(
        results.filter(lambda t: t[0] == "outcome").map(lambda t: t[1:]), outcome_type)
    (outcomes.orderBy("rank").drop("rank").coalesce(1)
     .write.json(out + "/outcomes"))

    counts = {row["outcome"]: row["count"]
              for row in outcomes.groupBy("outcome").count().collect()}
    print(f"{len(inputs)} files, {records.count()} records, "
          f"{counts.get('failed', 0)} failed, {counts.get('recovered', 0)} recovered",
          file=sys.stderr)
    spark.stop()
    return 1 if counts.get("failed", 0) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
