#!/usr/bin/env python3
"""harness.py - run the Curtois & Qu instances and the Data/ cases through `roster solve` and tabulate the results.

Usage
    python3 Benchmarks/harness.py [--instances 1-12 | none] [--time-limit 60] [--threads N] [--data | --no-data]
                                  [--generated STAFF] [--repeat N] [--out results.csv] [--roster PATH]
                                  [--shared PATH] [--work DIR] [--markdown]

For each Curtois instance N it runs `roster import curtois $SHARED/benchmarks/curtois/InstanceN.txt --out
WORK/instN/case`, then `roster solve WORK/instN/case --out WORK/instN/out --time-limit T` (wall seconds measured
here), and scores the written roster.csv with the shared referee `curtois_eval.py`: the `objective` column is the
referee's, never the solver's, and a roster the referee finds a hard violation in is marked `invalid`. `ratio` is
objective / best known (best_known.csv). Each case folder under Data/ holding a staff.csv is solved the same way
and checked with `check_roster.py` (status `invalid` unless it says OK); its objective is summary.csv's.
`--generated STAFF` (repeatable) does the same for the case of STAFF people written by generate_case.py (with its
default 40 localities) into WORK/generated-STAFF/case, reported as `generated-STAFF`.

`--repeat N` solves each case N times (an instance is imported once): a solve that stops at its time limit depends
on how far each step got by then, so one run can land far from another (instance 8 at 60 s: 1307 in most runs,
1397-1401 in some), and a change is judged on the spread of several runs rather than on one. The outputs of run R > 1
go to out-R beside out.

The CSV has the columns instance,time_limit,threads,objective,best_known,ratio,lower_bound,seconds,status,run and is
rewritten after every run, so an interrupted run keeps what finished. `status` is summary.csv's (`optimal`,
`feasible`, `infeasible`, `time_limit_no_solution`), or `invalid`, `no_roster` (the run claims a roster but wrote
none), `crashed (exit N)`, `import_failed (exit N)`, `generate_failed (exit N)`, `killed (no answer after S s)`
(a solve still running at 3 x the time limit + 120 s is stopped).

Defaults: instances 1-24, 60 s, threads = the number of cores (passed as `--threads` only when `roster solve
--help` offers it, else recorded as 1), Data/ cases included, output Benchmarks/results/harness-<date>.csv,
roster = .build/release/roster (built with `swift build -c release` when missing), shared = ../shared beside the
repository, work = a new temporary folder (kept, and named at the end). Python 3 standard library only.
"""
import argparse
import collections
import csv
import datetime as dt
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COLUMNS = ["instance", "time_limit", "threads", "objective", "best_known", "ratio", "lower_bound", "seconds",
           "status", "run"]
REPO = Path(__file__).resolve().parent.parent


def parse_instances(text):
    """'1-12', '1,3,5-7' -> sorted list of distinct positive numbers; 'none' -> []."""
    numbers = set()
    if text.strip() == "none":
        return []
    for part in text.split(","):
        part = part.strip()
        match = re.fullmatch(r"(\d+)(?:-(\d+))?", part)
        if not match:
            raise argparse.ArgumentTypeError(f"'{part}' is not a number or a range like 5-7")
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if first < 1 or last < first:
            raise argparse.ArgumentTypeError(f"'{part}': expected numbers from 1 up, low to high")
        numbers.update(range(first, last + 1))
    return sorted(numbers)


def plain(number):
    """60.0 -> '60', 2.5 -> '2.5'."""
    return str(int(number)) if float(number).is_integer() else str(number)


def output_folder(run_number):
    """The outputs' folder name of a case's run: out for the first, out-R for run R."""
    return "out" if run_number == 1 else f"out-{run_number}"


def tail(text, lines=5):
    return "\n".join(text.strip().splitlines()[-lines:])


def run(command, timeout=None):
    """Runs a command; returns (exit code or None when killed, stdout + stderr, wall seconds)."""
    started = time.monotonic()
    try:
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              timeout=timeout)
        return done.returncode, done.stdout, time.monotonic() - started
    except subprocess.TimeoutExpired as expired:
        output = expired.stdout or ""
        if isinstance(output, bytes):
            output = output.decode("utf-8", "replace")
        return None, output, time.monotonic() - started


def read_summary(folder):
    """summary.csv as a dict (the first value of each key), or None when absent."""
    path = folder / "summary.csv"
    if not path.exists():
        return None
    summary = {}
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for row in csv.reader(handle):
            if len(row) >= 2 and row[0] not in summary:
                summary[row[0]] = row[1]
    return summary


def read_best_known(shared):
    path = shared / "benchmarks" / "curtois" / "best_known.csv"
    if not path.exists():
        return {}
    with open(path, encoding="utf-8", newline="") as handle:
        return {row["instance"]: row["best_known_upper_bound"] for row in csv.DictReader(handle)}


class Results:
    """The rows so far; rewrites the CSV (atomically) after each one."""

    def __init__(self, path):
        self.path = path
        self.rows = []

    def add(self, row):
        self.rows.append(row)
        self.write()
        print("  ".join(f"{key}={row[key]}" for key in COLUMNS if row[key] != ""), flush=True)

    def write(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        staging = self.path.with_name(self.path.name + ".partial")
        with open(staging, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(self.rows)
        os.replace(staging, self.path)

    def markdown(self):
        lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
        for row in self.rows:
            lines.append("| " + " | ".join(str(row[key]) for key in COLUMNS) + " |")
        return "\n".join(lines)

    def spread(self):
        """Per case, over its runs: how many runs gave a valid objective, and its lowest, median and highest value
        (with their ratios to the best known, where there is one), as a Markdown table."""
        lines = ["| instance | best known | runs | lowest | median | highest | statuses |",
                 "|---|---|---|---|---|---|---|"]
        for name in dict.fromkeys(row["instance"] for row in self.rows):
            rows = [row for row in self.rows if row["instance"] == name]
            values = sorted(float(row["objective"]) for row in rows if row["objective"] and row["status"] != "invalid")
            known = rows[0]["best_known"]

            def shown(value):
                text = plain(value) if float(value).is_integer() else f"{value:.2f}"
                return f"{text} ({value / float(known):.4f})" if known and float(known) > 0 else text

            cells = [shown(values[0]), shown(statistics.median(values)), shown(values[-1])] if values else ["-"] * 3
            statuses = ", ".join(f"{status} {count}" for status, count in
                                 sorted(collections.Counter(row["status"] for row in rows).items()))
            lines.append(f"| {name} | {known or '-'} | {len(values)} of {len(rows)} | " + " | ".join(cells)
                         + f" | {statuses} |")
        return "\n".join(lines)


class Harness:
    def __init__(self, args):
        self.args = args
        self.roster = args.roster
        self.shared = args.shared
        self.work = args.work
        self.threads_flag = False
        self.threads = 1

    def prepare(self):
        if not self.roster.exists():
            if self.args.roster_given:
                sys.exit(f"harness: no roster executable at {self.roster}")
            print(f"harness: {self.roster} is missing; building it with swift build -c release", flush=True)
            if subprocess.run(["swift", "build", "-c", "release"], cwd=REPO).returncode != 0 \
                    or not self.roster.exists():
                sys.exit("harness: swift build -c release failed")
        code, help_text, _ = run([str(self.roster), "solve", "--help"], timeout=60)
        if code != 0:
            sys.exit(f"harness: '{self.roster} solve --help' failed:\n{tail(help_text)}")
        self.threads_flag = "--threads" in help_text
        self.threads = self.args.threads if self.threads_flag else 1
        if not self.threads_flag:
            print("harness: roster solve has no --threads option; threads recorded as 1", flush=True)

    def solve(self, case, out):
        """Runs `roster solve`; returns (exit code or None, output, seconds, summary or None)."""
        if out.exists():
            for old in out.iterdir():
                if old.is_file():
                    old.unlink()
        limit = self.args.time_limit
        command = [str(self.roster), "solve", str(case), "--out", str(out), "--time-limit", plain(limit)]
        if self.threads_flag:
            command += ["--threads", str(self.threads)]
        code, output, seconds = run(command, timeout=3 * limit + 120)
        return code, output, seconds, read_summary(out)

    def base_row(self, name, run=1):
        return {"instance": name, "time_limit": plain(self.args.time_limit), "threads": str(self.threads),
                "objective": "", "best_known": "", "ratio": "", "lower_bound": "", "seconds": "", "status": "",
                "run": str(run)}

    def status_of(self, code, output, seconds, summary, out):
        """The solve's status, or None when it left a roster to score."""
        if code is None:
            return f"killed (no answer after {seconds:.0f} s)"
        if summary is None or code not in (0, 2, 3):
            print(f"harness: solve exited {code}:\n{tail(output)}", flush=True)
            return f"crashed (exit {code})"
        status = summary.get("status", "")
        if not (out / "roster.csv").exists():
            return status if status in ("infeasible", "time_limit_no_solution") else "no_roster"
        return None

    def curtois(self, number, best_known, run_number=1):
        name = f"Instance{number}"
        row = self.base_row(name, run_number)
        row["best_known"] = best_known.get(name, "")
        instance = self.shared / "benchmarks" / "curtois" / f"{name}.txt"
        folder = self.work / f"inst{number}"
        case, out = folder / "case", folder / output_folder(run_number)
        if run_number == 1 or not (case / "staff.csv").exists():
            code, output, _ = run([str(self.roster), "import", "curtois", str(instance), "--out", str(case)],
                                  timeout=600)
            if code != 0:
                print(f"harness: import of {instance} failed:\n{tail(output)}", flush=True)
                row["status"] = f"import_failed (exit {code})"
                return row
        code, output, seconds, summary = self.solve(case, out)
        row["seconds"] = f"{seconds:.2f}"
        if summary:
            row["lower_bound"] = summary.get("best_bound", "")
        status = self.status_of(code, output, seconds, summary, out)
        if status is not None:
            row["status"] = status
            return row
        row["status"] = summary.get("status", "")
        _, verdict, _ = run([sys.executable, str(self.shared / "tools" / "curtois_eval.py"), str(instance),
                             str(out / "roster.csv"), "--start", "2024-01-01"], timeout=600)
        last = verdict.strip().splitlines()[-1] if verdict.strip() else ""
        match = re.match(r"curtois_eval: (OK|FAIL) objective=(\S+) hard_violations=(\d+)", last)
        if not match:
            print(f"harness: curtois_eval gave no verdict:\n{tail(verdict)}", flush=True)
            row["status"] = "invalid"
            return row
        if match.group(2) != "nan":
            row["objective"] = match.group(2)
        if match.group(1) != "OK":
            print(f"harness: curtois_eval rejects the roster of {name}:\n{tail(verdict)}", flush=True)
            row["status"] = "invalid"
        if row["objective"] and row["best_known"]:
            known = float(row["best_known"])
            if known > 0:
                row["ratio"] = f"{float(row['objective']) / known:.4f}"
        return row

    def data_case(self, case, name=None, folder=None, run_number=1):
        name = name or str(case.relative_to(REPO))
        row = self.base_row(name, run_number)
        out = (folder or self.work / ("data-" + case.name)) / output_folder(run_number)
        code, output, seconds, summary = self.solve(case, out)
        row["seconds"] = f"{seconds:.2f}"
        if summary:
            row["lower_bound"] = summary.get("best_bound", "")
        status = self.status_of(code, output, seconds, summary, out)
        if status is not None:
            row["status"] = status
            return row
        row["status"] = summary.get("status", "")
        row["objective"] = summary.get("objective", "")
        _, verdict, _ = run([sys.executable, str(self.shared / "tools" / "check_roster.py"), str(case), str(out)],
                            timeout=600)
        last = verdict.strip().splitlines()[-1] if verdict.strip() else ""
        if not last.startswith("check_roster: OK"):
            print(f"harness: check_roster rejects the outputs of {name}:\n{tail(verdict)}", flush=True)
            row["status"] = "invalid"
        return row

    def generated_case(self, staff, run_number=1):
        name = f"generated-{staff}"
        folder = self.work / name
        if run_number == 1 or not (folder / "case" / "staff.csv").exists():
            code, output, _ = run([sys.executable, str(REPO / "Benchmarks" / "generate_case.py"), "--staff",
                                   str(staff), str(folder / "case")], timeout=600)
            if code != 0:
                print(f"harness: generate_case.py --staff {staff} failed:\n{tail(output)}", flush=True)
                row = self.base_row(name, run_number)
                row["status"] = f"generate_failed (exit {code})"
                return row
        return self.data_case(folder / "case", name=name, folder=folder, run_number=run_number)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Run Curtois instances and Data/ cases through roster solve.")
    parser.add_argument("--instances", type=parse_instances, default=parse_instances("1-24"),
                        help="Curtois instance numbers: ranges and lists like 1,3,5-7, or none (default 1-24)")
    parser.add_argument("--time-limit", type=float, default=60, help="seconds per solve (default 60)")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1,
                        help="threads for roster solve, when it has --threads (default: the number of cores)")
    parser.add_argument("--data", action=argparse.BooleanOptionalAction, default=True,
                        help="also run every case folder under Data/ holding a staff.csv (default: yes)")
    parser.add_argument("--generated", type=int, action="append", default=[], metavar="STAFF",
                        help="also run the case of STAFF people written by generate_case.py (repeatable)")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="solve each case N times, one row per run (default 1); --markdown then also prints "
                             "each case's lowest, median and highest objective")
    parser.add_argument("--out", type=Path, help="results CSV (default Benchmarks/results/harness-<date>.csv)")
    parser.add_argument("--roster", type=Path, help="the roster executable (default .build/release/roster)")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                        help="the shared folder with benchmarks/ and tools/ (default ../shared)")
    parser.add_argument("--work", type=Path, help="scratch folder for cases and outputs (default: a new temp dir)")
    parser.add_argument("--markdown", action="store_true", help="also print the results as a Markdown table")
    args = parser.parse_args(argv)
    if args.time_limit <= 0:
        parser.error("--time-limit must be a number of seconds above 0")
    if args.threads < 1:
        parser.error("--threads must be 1 or more")
    if args.repeat < 1:
        parser.error("--repeat must be 1 or more")
    if any(staff < 1 for staff in args.generated):
        parser.error("--generated must be a number of staff, 1 or more")
    args.roster_given = args.roster is not None
    args.roster = (args.roster or REPO / ".build" / "release" / "roster").resolve()
    args.shared = args.shared.resolve()
    args.out = args.out or REPO / "Benchmarks" / "results" / f"harness-{dt.date.today().isoformat()}.csv"
    args.work = (args.work or Path(tempfile.mkdtemp(prefix="roster-harness-"))).resolve()
    args.work.mkdir(parents=True, exist_ok=True)
    if args.instances and not (args.shared / "benchmarks" / "curtois").is_dir():
        parser.error(f"no Curtois instances under {args.shared}/benchmarks/curtois (see --shared)")

    harness = Harness(args)
    harness.prepare()
    results = Results(args.out)
    best_known = read_best_known(args.shared)
    cases = sorted(path.parent for path in (REPO / "Data").glob("*/staff.csv")) if args.data else []
    print(f"harness: {len(args.instances)} instance(s), {len(cases)} Data case(s), {len(args.generated)} generated "
          f"case(s), {plain(args.time_limit)} s "
          f"each; results {args.out}; work {args.work}", flush=True)
    try:
        for number in args.instances:
            for run_number in range(1, args.repeat + 1):
                results.add(harness.curtois(number, best_known, run_number))
        for case in cases:
            for run_number in range(1, args.repeat + 1):
                results.add(harness.data_case(case, run_number=run_number))
        for staff in args.generated:
            for run_number in range(1, args.repeat + 1):
                results.add(harness.generated_case(staff, run_number))
    except KeyboardInterrupt:
        results.write()
        print(f"harness: interrupted; {len(results.rows)} row(s) kept in {args.out}", file=sys.stderr)
        return 130
    results.write()
    print(f"harness: wrote {args.out} ({len(results.rows)} rows); cases and outputs in {args.work}", flush=True)
    if args.markdown:
        print(results.markdown())
        if args.repeat > 1:
            print()
            print(results.spread())
    return 0


if __name__ == "__main__":
    sys.exit(main())
