"""Tests of scale/spark/extract.py in Spark local mode: the job gives the
records `agendex extract` gives, record for record, on the corpus and the
seeds; its outputs are readable and agree; failures and recoveries are
reported per file.

Run from the project root after `cargo build` (or `cargo test`):
    python3 -m unittest discover -s scale/spark -v
AGENDEX names the binary to test (default target/debug/agendex).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JOB = os.path.join(ROOT, "scale", "spark", "extract.py")
AGENDEX = os.environ.get("AGENDEX", os.path.join(ROOT, "target", "debug", "agendex"))


def need_agendex():
    """Skip where no binary was built, unless AGENDEX names one (CI): then
    a missing binary is a failure, not a skip."""
    if not os.access(AGENDEX, os.X_OK):
        if "AGENDEX" in os.environ:
            raise AssertionError(f"AGENDEX={AGENDEX} is not an executable")
        raise unittest.SkipTest(f"{AGENDEX} is not built (cargo build)")


def run_job(inputs, output, binary=AGENDEX, partitions=3, cwd=ROOT):
    args = [sys.executable, JOB, "--output", output, "--agendex", binary,
            "--partitions", str(partitions)]
    for i in inputs:
        args += ["--input", i]
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True)


def agendex(*args, cwd=ROOT):
    return subprocess.run([AGENDEX, *args], cwd=cwd, capture_output=True, text=True)


def read_parts(folder):
    text = ""
    for name in sorted(os.listdir(folder)):
        if name.startswith("part-"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                text += f.read()
    return text


def read_outcomes(folder):
    rows = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                rows.extend(json.loads(line) for line in f if line.strip())
    return rows


class CorpusAndSeeds(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        need_agendex()
        cls.tmp = tempfile.mkdtemp()
        cls.out = os.path.join(cls.tmp, "out")
        cls.job = run_job(["corpus", "seeds"], cls.out)
        cls.extract = agendex("extract", "corpus", "seeds")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_records_are_extracts_byte_for_byte(self):
        self.assertEqual(self.job.returncode, 0, self.job.stderr[-3000:])
        self.assertEqual(self.extract.returncode, 0, self.extract.stderr)
        spark = read_parts(os.path.join(self.out, "records"))
        self.assertGreater(len(self.extract.stdout), 0)
        self.assertEqual(spark, self.extract.stdout)
        # More than one partition did the work.
        parts = [n for n in os.listdir(os.path.join(self.out, "records"))
                 if n.startswith("part-")
                 and os.path.getsize(os.path.join(self.out, "records", n)) > 0]
        self.assertGreaterEqual(len(parts), 2, parts)
        # The job's summary counts what `agendex extract` wrote.
        records = len(self.extract.stdout.splitlines())
        self.assertIn(f"10 files, {records} records, 0 failed, 0 recovered",
                      self.job.stderr)

    def test_outcomes_name_every_file_with_its_record_count(self):
        outcomes = read_outcomes(os.path.join(self.out, "outcomes"))
        paths = [o["path"] for o in outcomes]
        self.assertEqual(len(paths), 10)
        self.assertEqual(paths, sorted(paths))
        self.assertTrue(all(p.startswith(("corpus/", "seeds/")) for p in paths), paths)
        counts = {}
        for line in self.extract.stdout.splitlines():
            p = json.loads(line)["source"]["path"]
            counts[p] = counts.get(p, 0) + 1
        for o in outcomes:
            self.assertEqual(o["outcome"], "ok", o)
            self.assertEqual(o["records"], counts[o["path"]], o)

    def test_partitioned_copies_hold_every_record_under_its_council_and_year(self):
        from pyspark.sql import SparkSession
        spark = SparkSession.builder.master("local[1]").getOrCreate()
        try:
            table = spark.read.parquet(os.path.join(self.out, "parquet"))
            rows = table.select("id", "kind", "council", "year", "record").collect()
            by_id = {json.loads(line)["id"]: json.loads(line)
                     for line in self.extract.stdout.splitlines()}
            self.assertEqual(sorted(r["id"] for r in rows), sorted(by_id))
            for r in rows:
                record = by_id[r["id"]]
                self.assertEqual(json.loads(r["record"]), record)
                self.assertEqual(r["kind"], record["kind"])
                self.assertEqual(r["council"], record["document"]["council"])
            haringey = table.filter("council = 'Haringey' AND year = 2015").count()
            self.assertGreater(haringey, 0)
            lines = spark.read.text(os.path.join(self.out, "by-council-year"))
            self.assertEqual(
                sorted(r["value"] for r in lines.select("value").collect()),
                sorted(self.extract.stdout.splitlines()))
        finally:
            spark.stop()

    def test_index_from_the_job_records_equals_the_index_of_the_papers(self):
        papers = os.path.join(self.tmp, "papers-index")
        spark = os.path.join(self.tmp, "spark-index")
        self.assertEqual(agendex("index", "corpus", "seeds", "--index", papers).returncode, 0)
        built = agendex("index", "--records", os.path.join(self.out, "records"),
                        "--index", spark)
        self.assertEqual(built.returncode, 0, built.stderr)
        self.assertEqual(agendex("export", "--index", spark).stdout,
                         agendex("export", "--index", papers).stdout)


class BadInputs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        need_agendex()
        cls.tmp = tempfile.mkdtemp()
        papers = os.path.join(cls.tmp, "papers")
        os.makedirs(papers)
        shutil.copy(os.path.join(ROOT, "seeds", "002_73f4e48f0bf20ba3.txt"), papers)
        open(os.path.join(papers, "empty.pdf"), "wb").close()
        with open(os.path.join(papers, "page.pdf"), "w") as f:
            f.write("<!DOCTYPE html><html><body>Not found</body></html>")
        with open(os.path.join(papers, "notes.csv"), "w") as f:
            f.write("not an input\n")
        cls.papers = papers

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_unreadable_files_fail_with_agendexs_reason_and_the_rest_is_kept(self):
        out = os.path.join(self.tmp, "out")
        job = run_job(["papers"], out, partitions=2, cwd=self.tmp)
        self.assertEqual(job.returncode, 1, job.stderr[-3000:])
        outcomes = {o["path"]: o for o in read_outcomes(os.path.join(out, "outcomes"))}
        self.assertEqual(sorted(outcomes), [
            "papers/002_73f4e48f0bf20ba3.txt", "papers/empty.pdf", "papers/page.pdf"])
        self.assertEqual(outcomes["papers/002_73f4e48f0bf20ba3.txt"]["outcome"], "ok")
        self.assertEqual(outcomes["papers/empty.pdf"],
                         {"path": "papers/empty.pdf", "outcome": "failed",
                          "reason": "empty file (0 bytes)", "records": 0})
        self.assertEqual(outcomes["papers/page.pdf"]["reason"], "not a PDF: an HTML page")
        direct = agendex("extract", "papers", cwd=self.tmp)
        self.assertEqual(read_parts(os.path.join(out, "records")), direct.stdout)

    def test_a_partition_agendex_gives_up_on_is_read_again_file_by_file(self):
        # An agendex that gives up (exit status 2) when given more than one
        # file: every file of a partition of several is then read alone.
        wrapper_dir = os.path.join(self.tmp, "wrapper")
        os.makedirs(wrapper_dir)
        wrapper = os.path.join(wrapper_dir, "agendex")
        with open(wrapper, "w") as f:
            f.write("#!/bin/sh\n"
                    "n=0; for a in \"$@\"; do case \"$a\" in 0*) n=$((n+1));; esac; done\n"
                    f"[ $n -gt 1 ] && {{ echo 'agendex: out of memory' >&2; exit 2; }}\n"
                    f"exec {AGENDEX} \"$@\"\n")
        os.chmod(wrapper, 0o755)
        out = os.path.join(self.tmp, "out-recovered")
        job = run_job(["papers"], out, binary=wrapper, partitions=1, cwd=self.tmp)
        self.assertEqual(job.returncode, 1, job.stderr[-3000:])
        outcomes = {o["path"]: o for o in read_outcomes(os.path.join(out, "outcomes"))}
        self.assertEqual(outcomes["papers/002_73f4e48f0bf20ba3.txt"]["outcome"], "recovered")
        self.assertEqual(outcomes["papers/empty.pdf"]["outcome"], "failed")
        self.assertEqual(outcomes["papers/empty.pdf"]["reason"], "empty file (0 bytes)")
        self.assertIn("1 recovered", job.stderr)
        direct = agendex("extract", "papers", cwd=self.tmp)
        self.assertEqual(read_parts(os.path.join(out, "records")), direct.stdout)


if __name__ == "__main__":
    unittest.main()
