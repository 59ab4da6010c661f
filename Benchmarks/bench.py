#!/usr/bin/env python3
"""cloudql benchmarks, with the official Azure SDK for Python as the peer, in one run.

Every case runs the release binary as a whole process against `cloudql emulator serve` (a
generated estate with a fixed added latency), several times, and reports the median wall time,
the rows per second, the requests the emulator saw (its request log) and the peak resident
memory of the cloudql process (os.wait4). The SDK peer (../shared/peers/sdk_bench.py) then runs
the same listings against the same emulator, and the ratios are checked against the targets.

Cases:
  sweep      200 host pools x 25 sessions, 30 ms latency: count(*) over the host_pools ->
             user_sessions join (concurrency 16, 32, 64), and the SELECT * variant (5,000 rows)
  big pool   one host pool of 100,000 sessions, no latency, pageSize=1000: count(*), and
             SELECT * as NDJSON to a file
  cold start `cloudql exec "SHOW METHODS IN azure.desktop_virtualization.user_sessions"`
  overhead   .build/release/cloudql-overhead-bench: warm in-process `get` queries versus the same
             GET sent directly with AsyncHTTPClient

Prints a table and writes Benchmarks/results/latest.json. Exits 0 when every case ran (met or
missed targets are reported, not turned into the exit status), 1 when a case failed to run.
Every emulator it starts is stopped, also on Ctrl-C.

Run it through Benchmarks/run.sh, which builds the binaries and the peer's virtualenv first:

  Benchmarks/run.sh [--quick] [--runs N] [--skip-sdk] [--only sweep,bigpool,cold,overhead]

Python standard library only.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import math
import os
import platform
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parent.parent
CLOUDQL = ROOT / ".build" / "release" / "cloudql"
OVERHEAD_BENCH = ROOT / ".build" / "release" / "cloudql-overhead-bench"
PEERS = ROOT.parent / "shared" / "peers"
PEER_PYTHON = ROOT / ".venv-peers" / "bin" / "python"
RESULTS = ROOT / "Benchmarks" / "results" / "latest.json"

SUBSCRIPTION = "00000000-0000-0000-0000-000000000000"
AUTH = '{"azure": {"type": "bearer", "credentialsenvvar": "AZ_ACCESS_TOKEN"}}'
def _default_concurrency() -> int:
    """SessionConfiguration.defaultConcurrencyLimit, read from the source so the labels never lie."""
    source = Path(__file__).resolve().parent.parent / "Sources/CloudQL/SessionConfiguration.swift"
    match = re.search(r"defaultConcurrencyLimit\s*=\s*(\d+)", source.read_text())
    return int(match.group(1)) if match else 16


DEFAULT_CONCURRENCY = _default_concurrency()

SWEEP_POOLS = 200
SWEEP_LATENCY_MS = 30
SWEEP_ESTATE = "pools=200,hosts=5,sessions=5"
BIG_POOL_ESTATE = "pools=1,hosts=100,sessions=1000"
BIG_POOL_SESSIONS = 100_000

SWEEP_JOIN = (
    "FROM azure.desktop_virtualization.host_pools hp "
    "JOIN azure.desktop_virtualization.user_sessions us "
    "ON us.subscriptionId = hp.subscriptionId AND us.resourceGroupName = split_part(hp.id, '/', 5) "
    "AND us.hostPoolName = hp.name "
    f"WHERE hp.subscriptionId = '{SUBSCRIPTION}'"
)
SWEEP_COUNT = "SELECT count(*) " + SWEEP_JOIN
SWEEP_ALL = "SELECT us.* " + SWEEP_JOIN
COLD_START = "SHOW METHODS IN azure.desktop_virtualization.user_sessions"

# ------------------------------------------------------------------------------------ processes


@dataclass
class Run:
    """One finished child process."""

    wall_s: float
    max_rss_kib: int
    returncode: int
    stderr: str
    started_epoch: float  # time.time() at the spawn, to line up with the emulator's request log


def run_process(argv: list[str], *, env: Optional[dict] = None, stdout_path: Optional[str] = None,
                timeout_s: float = 600) -> Run:
    """Runs argv to completion; wall time from just before the spawn to the reaped exit, peak
    RSS of this child alone (os.wait4, ru_maxrss in KiB on Linux). Standard output goes to
    stdout_path (or /dev/null), standard error to a temporary file that is returned as text."""
    with tempfile.TemporaryFile() as err, open(stdout_path or os.devnull, "wb") as out:
        started_epoch = time.time()
        started = time.perf_counter()
        child = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        watchdog = threading.Timer(timeout_s, child.kill)
        watchdog.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)
        finally:
            watchdog.cancel()
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        err.seek(0)
        return Run(wall, usage.ru_maxrss, child.returncode, err.read().decode("utf-8", "replace"), started_epoch)


def count_lines(path: str) -> int:
    """Lines of a file, read in chunks: this process must stay small, because a child's peak
    RSS (ru_maxrss) starts from the parent's at the moment of the spawn (Linux carries the
    pre-exec high-water mark over exec)."""
    lines = 0
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            lines += chunk.count(b"\n")
    return lines


def own_peak_rss_mb() -> float:
    """This process's peak RSS: a floor under every child's ru_maxrss (see count_lines)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


class Emulator:
    """`cloudql emulator serve` on 127.0.0.1, port 0, as a context manager that always stops it."""

    def __init__(self, generate: str, latency_ms: int, page_size: int = 50) -> None:
        self.argv = [str(CLOUDQL), "emulator", "serve", "--host", "127.0.0.1", "--port", "0",
                     "--generate", generate, "--latency-ms", str(latency_ms), "--page-size", str(page_size)]
        self.latency_ms = latency_ms
        self.process: Optional[subprocess.Popen] = None
        self.url = ""
        self.token = ""

    def __enter__(self) -> "Emulator":
        # Output to files, not pipes: nobody reads after the first two lines, and a full pipe
        # would stall the server.
        self._out = tempfile.TemporaryFile()
        self._err = tempfile.TemporaryFile()
        self.process = subprocess.Popen(self.argv, stdout=self._out, stderr=self._err, stdin=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while True:
                self._out.seek(0)
                lines = self._out.read().decode().splitlines()
                if len(lines) >= 2 and lines[0].startswith("listening on ") and lines[1].startswith("token: "):
                    self.url = lines[0][len("listening on "):].strip()
                    self.token = lines[1][len("token: "):].strip()
                    break
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self._err.seek(0)
                    raise RuntimeError("the emulator did not start: %s" % self._err.read().decode()[-2000:])
                time.sleep(0.02)
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    def stop(self) -> None:
        """SIGINT (graceful stop), then SIGKILL if it has not exited within 10 s."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def _call(self, method: str, path: str) -> bytes:
        request = urllib.request.Request(self.url + path, method=method)
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read()

    def clear_log(self) -> None:
        self._call("DELETE", "/_emulator/requests")

    def requests(self) -> list[dict]:
        return json.loads(self._call("GET", "/_emulator/requests"))["value"]

    def health(self) -> dict:
        return json.loads(self._call("GET", "/_emulator/health"))

    def cloudql_env(self) -> dict:
        env = dict(os.environ)
        env["AZ_ACCESS_TOKEN"] = self.token
        env.pop("CLOUDQL_AZURE_ENDPOINT", None)
        return env

    def cloudql_args(self) -> list[str]:
        return [str(CLOUDQL), "exec", "--endpoint", "azure=" + self.url, "--auth", AUTH]


# ------------------------------------------------------------------------------------ statistics


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round((len(ordered) - 1) * fraction)))]


def spread_pct(values: list[float]) -> float:
    """(max - min) / median, in percent: how noisy the runs were."""
    return 100.0 * (max(values) - min(values)) / median(values) if values and median(values) > 0 else 0.0


def parse_time(text: str) -> float:
    """Seconds since the epoch of the emulator's `2026-11-25T05:41:53.5873403Z`."""
    head, _, fraction = text.rstrip("Z").partition(".")
    moment = dt.datetime.strptime(head, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=dt.timezone.utc)
    return moment.timestamp() + (float("0." + fraction) if fraction else 0.0)


def timeline(log: list[dict], run: Run, latency_ms: int) -> dict:
    """Where the wall time of one run went, from the request log's arrival times (the emulator
    and this harness share the machine's clock): process start to the first request, the span
    of requests, and the last answer (arrival + added latency) to the process's exit."""
    if not log:
        return {}
    times = sorted(parse_time(entry["time"]) for entry in log)
    exited = run.started_epoch + run.wall_s
    return {"to_first_request_ms": round((times[0] - run.started_epoch) * 1000, 1),
            "request_span_ms": round((times[-1] - times[0]) * 1000, 1),
            "after_last_answer_ms": round((exited - times[-1] - latency_ms / 1000) * 1000, 1)}


def waves(log: list[dict], latency_ms: int) -> list[dict]:
    """Groups requests by arrival: a gap longer than half the added latency starts a new wave.
    With every request delayed by the same latency, a wave is one round trip of the client."""
    if not log:
        return []
    times = sorted((parse_time(entry["time"]), entry["path"]) for entry in log)
    start = times[0][0]
    gap = max(latency_ms, 1) / 2000.0
    groups: list[dict] = []
    previous = None
    for moment, path in times:
        if previous is None or moment - previous > gap:
            groups.append({"start_ms": round((moment - start) * 1000, 1), "requests": 0, "host_pool_pages": 0})
        groups[-1]["requests"] += 1
        if path.lower().rstrip("/").endswith("/hostpools"):
            groups[-1]["host_pool_pages"] += 1
        previous = moment
    return groups


# ------------------------------------------------------------------------------------ cases


def cloudql_case(name: str, emulator: Emulator, sql: str, runs: int, *, extra: tuple = (),
                 ndjson: bool = False) -> dict:
    """Runs `cloudql exec SQL` `runs` times after one untimed warm-up run. count(*) queries print
    one CSV number; row queries write NDJSON to a file whose lines are counted afterwards."""
    out_dir = tempfile.mkdtemp(prefix="cloudql-bench-")
    out_path = os.path.join(out_dir, "out")
    argv = emulator.cloudql_args() + list(extra)
    argv += ["-o", "ndjson", "-f", out_path, sql] if ndjson else ["-o", "csv", "-H", sql]
    env = emulator.cloudql_env()
    walls, rss, requests, rows_seen, logs, timelines = [], [], [], [], [], []
    try:
        for attempt in range(runs + 1):
            emulator.clear_log()
            run = run_process(argv, env=env, stdout_path=None if ndjson else out_path)
            if run.returncode != 0:
                raise RuntimeError("%s: cloudql exited %d: %s" % (name, run.returncode, run.stderr.strip()[-2000:]))
            rows = count_lines(out_path) if ndjson else int(Path(out_path).read_text().strip().splitlines()[-1])
            log = emulator.requests()
            if attempt == 0:
                continue  # warm-up: the emulator renders JSON into its cache on first use
            walls.append(run.wall_s)
            rss.append(run.max_rss_kib)
            requests.append(len(log))
            rows_seen.append(rows)
            logs.append(log)
            timelines.append(timeline(log, run, emulator.latency_ms))
            print("  %-28s run %d/%d: %8.1f ms, %6d rows, %4d requests, %6.1f MB  (first request at %s ms, "
                  "requests span %s ms, exit %s ms after the last answer)"
                  % (name, attempt, runs, run.wall_s * 1000, rows, len(log), run.max_rss_kib / 1024,
                     timelines[-1].get("to_first_request_ms"), timelines[-1].get("request_span_ms"),
                     timelines[-1].get("after_last_answer_ms")), flush=True)
    finally:
        for leftover in os.listdir(out_dir):
            os.unlink(os.path.join(out_dir, leftover))
        os.rmdir(out_dir)
    wall = median(walls)
    rows = rows_seen[-1]
    if len(set(rows_seen)) != 1 or len(set(requests)) != 1:
        print("  note: %s varied between runs: rows %s, requests %s" % (name, rows_seen, requests))
    # The wave analysis of the median run.
    median_run = sorted(range(len(walls)), key=lambda i: walls[i])[len(walls) // 2]
    return {
        "case": name, "sql": sql, "arguments": list(extra),
        "wall_s": round(wall, 4), "wall_s_runs": [round(w, 4) for w in walls],
        "wall_spread_pct": round(spread_pct(walls), 1),
        "rows": rows, "rows_per_s": round(rows / wall, 1) if wall > 0 else None,
        "requests": requests[median_run], "peak_rss_mb": round(max(rss) / 1024, 1),
        "peak_rss_mb_runs": [round(r / 1024, 1) for r in rss],
        "timeline": timelines[median_run],
        "waves": waves(logs[median_run], emulator.latency_ms),
    }


def sdk_peer(emulator: Emulator, arguments: list[str], repeat: int) -> dict:
    """Runs ../shared/peers/sdk_bench.py against the emulator; returns its last JSON line plus
    the peer process's own wall time and peak RSS."""
    out = tempfile.NamedTemporaryFile(prefix="sdk-bench-", delete=False)
    out.close()
    try:
        argv = [str(PEER_PYTHON), str(PEERS / "sdk_bench.py"), "--endpoint", emulator.url,
                "--subscription", SUBSCRIPTION, "--token", emulator.token, "--repeat", str(repeat)] + arguments
        run = run_process(argv, stdout_path=out.name, timeout_s=1800)
        text = Path(out.name).read_text()
    finally:
        os.unlink(out.name)
    for line in text.splitlines()[:-1]:
        print("    sdk: " + line, flush=True)
    lines = [line for line in text.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError("the SDK peer printed no JSON (exit %d): %s" % (run.returncode, run.stderr[-2000:]))
    result = json.loads(lines[-1])
    if not result.get("ok"):
        raise RuntimeError("the SDK peer failed: %s" % result.get("error", result))
    result["process_wall_s"] = round(run.wall_s, 3)
    result["process_peak_rss_mb"] = round(run.max_rss_kib / 1024, 1)
    return result


def sweep_limit_s(host_pool_pages: int, concurrency: int) -> float:
    """1.5 x (chain length + ceil(200 / limit)) x 30 ms; the chain is the host_pools listing's
    pages (followed one after another) plus the user_sessions level."""
    chain = host_pool_pages + 1
    return 1.5 * (chain + math.ceil(SWEEP_POOLS / concurrency)) * SWEEP_LATENCY_MS / 1000.0


def bench_sweep(args: argparse.Namespace, report: dict) -> None:
    print("\n== sweep: %s, %d ms latency, page size %d" % (SWEEP_ESTATE, SWEEP_LATENCY_MS, args.sweep_page_size), flush=True)
    with Emulator(SWEEP_ESTATE, SWEEP_LATENCY_MS, args.sweep_page_size) as emulator:
        print("  emulator %s: %s" % (emulator.url, emulator.health()), flush=True)
        cases = []
        # The default first (the SDK comparison uses it), then the others, each passed explicitly.
        for limit in [DEFAULT_CONCURRENCY] + [n for n in (16, 32, 64) if n != DEFAULT_CONCURRENCY]:
            extra = () if limit == DEFAULT_CONCURRENCY else ("--execution.concurrency.limit", str(limit))
            label = "sweep count(*) limit %d%s" % (limit, " (default)" if limit == DEFAULT_CONCURRENCY else "")
            case = cloudql_case(label, emulator, SWEEP_COUNT, args.runs, extra=extra)
            pages = sum(w["host_pool_pages"] for w in case["waves"])
            case["concurrency_limit"] = limit
            case["host_pool_pages"] = pages
            case["chain_length"] = pages + 1
            case["target_wall_s"] = round(sweep_limit_s(pages, limit), 4)
            case["ideal_wall_s"] = round((pages + math.ceil(SWEEP_POOLS / limit)) * SWEEP_LATENCY_MS / 1000, 4)
            cases.append(case)
        rows_case = cloudql_case("sweep SELECT us.*", emulator, SWEEP_ALL, args.runs, ndjson=True)
        cases.append(rows_case)
        report["sweep"] = {"estate": SWEEP_ESTATE, "latency_ms": SWEEP_LATENCY_MS,
                           "page_size": args.sweep_page_size, "cloudql": cases}
        if not args.skip_sdk:
            print("  SDK peer: every host pool, sequential then 16 threads x%d" % args.sdk_repeat, flush=True)
            report["sweep"]["sdk"] = sdk_peer(emulator, ["--workers", "16"], args.sdk_repeat)


def bench_big_pool(args: argparse.Namespace, report: dict) -> None:
    print("\n== big pool: %s, no latency, pageSize=1000" % BIG_POOL_ESTATE, flush=True)
    with Emulator(BIG_POOL_ESTATE, 0) as emulator:
        pool_file = os.path.join(tempfile.gettempdir(), "cloudql-bench-pool-%d" % os.getpid())
        find = run_process(emulator.cloudql_args() + [
            "-o", "csv", "-H", "SELECT name, split_part(id, '/', 5) FROM azure.desktop_virtualization.host_pools "
            f"WHERE subscriptionId = '{SUBSCRIPTION}'"], env=emulator.cloudql_env(), stdout_path=pool_file)
        text = Path(pool_file).read_text().strip()
        os.unlink(pool_file)
        if find.returncode != 0 or not text:
            raise RuntimeError("cannot find the generated host pool: %s" % find.stderr)
        host_pool, resource_group = text.splitlines()[0].split(",")
        print("  emulator %s: %s; pool %s/%s" % (emulator.url, emulator.health(), resource_group, host_pool), flush=True)
        where = (f"WHERE subscriptionId = '{SUBSCRIPTION}' AND resourceGroupName = '{resource_group}' "
                 f"AND hostPoolName = '{host_pool}' AND pageSize = 1000")
        count = cloudql_case("big pool count(*)", emulator,
                             "SELECT count(*) FROM azure.desktop_virtualization.user_sessions " + where, args.runs)
        rows = cloudql_case("big pool SELECT * ndjson", emulator,
                            "SELECT * FROM azure.desktop_virtualization.user_sessions " + where, args.runs, ndjson=True)
        report["big_pool"] = {"estate": BIG_POOL_ESTATE, "resource_group": resource_group, "host_pool": host_pool,
                              "cloudql": [count, rows]}
        if not args.skip_sdk:
            print("  SDK peer: list_by_host_pool %s/%s, page size 1000 x%d" % (resource_group, host_pool, args.sdk_repeat),
                  flush=True)
            report["big_pool"]["sdk"] = sdk_peer(
                emulator, ["--only-list-by-host-pool", "%s/%s" % (resource_group, host_pool), "--page-size", "1000"],
                args.sdk_repeat)


def bench_cold_start(args: argparse.Namespace, report: dict) -> None:
    print("\n== cold start: cloudql exec %r x%d" % (COLD_START, args.cold_runs), flush=True)
    env = {key: value for key, value in os.environ.items() if not key.startswith(("CLOUDQL_", "AZURE_", "AZ_"))}
    argv = [str(CLOUDQL), "exec", COLD_START]
    for _ in range(2):  # untimed: bring the binary and its libraries into the page cache
        run_process(argv, env=env)
    walls, rss = [], []
    for _ in range(args.cold_runs):
        run = run_process(argv, env=env)
        if run.returncode != 0:
            raise RuntimeError("cold start: cloudql exited %d: %s" % (run.returncode, run.stderr))
        walls.append(run.wall_s)
        rss.append(run.max_rss_kib)
    print("  median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms" % (
        median(walls) * 1000, percentile(walls, 0.9) * 1000, min(walls) * 1000, max(walls) * 1000), flush=True)
    report["cold_start"] = {"statement": COLD_START, "runs": args.cold_runs, "wall_s": round(median(walls), 5),
                            "wall_s_p90": round(percentile(walls, 0.9), 5), "wall_s_runs": [round(w, 5) for w in walls],
                            "wall_spread_pct": round(spread_pct(walls), 1), "peak_rss_mb": round(max(rss) / 1024, 1)}


def bench_overhead(args: argparse.Namespace, report: dict) -> None:
    print("\n== overhead: %d warm get queries vs direct GETs, in-process" % args.overhead_queries, flush=True)
    out = tempfile.NamedTemporaryFile(prefix="overhead-", delete=False)
    out.close()
    try:
        run = run_process([str(OVERHEAD_BENCH), "--queries", str(args.overhead_queries)], stdout_path=out.name)
        lines = Path(out.name).read_text().splitlines()
    finally:
        os.unlink(out.name)
    print("\n".join("  " + line for line in run.stderr.strip().splitlines()), flush=True)
    if run.returncode != 0 or not lines:
        raise RuntimeError("cloudql-overhead-bench exited %d: %s" % (run.returncode, run.stderr[-2000:]))
    result = json.loads(lines[-1])
    result["process_wall_s"] = round(run.wall_s, 3)
    result["peak_rss_mb"] = round(run.max_rss_kib / 1024, 1)
    report["overhead"] = result


# ------------------------------------------------------------------------------------ report


def table(report: dict) -> list[dict]:
    """One line per figure: what cloudql did, the SDK's figure, the ratio and the target."""
    lines: list[dict] = []

    def add(case: str, wall: Optional[str], rows_per_s: Optional[float], requests: Optional[int],
            rss: Optional[float], sdk: str, ratio: Optional[float], target: str, met: Optional[bool],
            spread: Optional[float] = None) -> None:
        lines.append({"case": case, "cloudql": wall, "rows_per_s": rows_per_s, "requests": requests,
                      "peak_rss_mb": rss, "spread_pct": spread, "sdk": sdk, "ratio": ratio, "target": target, "met": met})

    sweep = report.get("sweep")
    if sweep:
        sdk = sweep.get("sdk")
        for case in sweep["cloudql"]:
            common = dict(wall="%.0f ms" % (case["wall_s"] * 1000), rows_per_s=case["rows_per_s"],
                          requests=case["requests"], rss=case["peak_rss_mb"], spread=case["wall_spread_pct"])
            if "target_wall_s" in case:
                target = "<= %.0f ms" % (case["target_wall_s"] * 1000)
                add(case["case"], sdk="", ratio=None, target=target, met=case["wall_s"] <= case["target_wall_s"], **common)
            else:
                add(case["case"], sdk="", ratio=None, target="rows = 5000", met=case["rows"] == 5000, **common)
        if sdk:
            base = sweep["cloudql"][0]
            enumerate_s = sdk.get("enumerate_s", 0.0)
            for mode, label, needed in (("sequential", "sequential", 10.0), ("parallel", "16 threads", 2.0)):
                sdk_wall = sdk[mode]["wall_s_median"] + enumerate_s
                ratio = sdk_wall / base["wall_s"]
                add("sweep vs SDK %s" % label, "%.0f ms" % (base["wall_s"] * 1000), base["rows_per_s"], base["requests"],
                    base["peak_rss_mb"], "%.0f ms, %d req" % (sdk_wall * 1000, sdk[mode]["requests"] + sdk.get("enumerate_requests", 0)),
                    round(ratio, 2), ">= %.0fx" % needed, ratio >= needed)
            # For information: the higher concurrency limits against the SDK's 16 threads.
            sdk_wall = sdk["parallel"]["wall_s_median"] + enumerate_s
            for case in sweep["cloudql"][1:]:
                if "concurrency_limit" in case:
                    add("sweep limit %d vs SDK 16 threads" % case["concurrency_limit"], "%.0f ms" % (case["wall_s"] * 1000),
                        case["rows_per_s"], case["requests"], case["peak_rss_mb"], "%.0f ms" % (sdk_wall * 1000),
                        round(sdk_wall / case["wall_s"], 2), "(information)", None)
    big = report.get("big_pool")
    if big:
        count, rows = big["cloudql"]
        for case in (count, rows):
            add(case["case"], "%.0f ms" % (case["wall_s"] * 1000), case["rows_per_s"], case["requests"],
                case["peak_rss_mb"], "", None,
                ">= 200000 rows/s" if case is count else "rows = 100000",
                case["rows_per_s"] >= 200_000 if case is count else case["rows"] == BIG_POOL_SESSIONS,
                case["wall_spread_pct"])
        for case in (count, rows):
            add(case["case"] + " memory", None, None, None, case["peak_rss_mb"], "", None, "< 150 MB",
                case["peak_rss_mb"] < 150)
        sdk = big.get("sdk")
        if sdk:
            sdk_rate = sdk["sessions"] / sdk["wall_s_median"]
            for case in (count, rows):
                ratio = case["rows_per_s"] / sdk_rate
                add(case["case"] + " vs SDK", "%.0f ms" % (case["wall_s"] * 1000), case["rows_per_s"], case["requests"],
                    case["peak_rss_mb"], "%.0f rows/s, %.0f MB" % (sdk_rate, sdk["process_peak_rss_mb"]), round(ratio, 2),
                    ">= 5x", ratio >= 5.0)
    cold = report.get("cold_start")
    if cold:
        add("cold start (p90 %.1f ms)" % (cold["wall_s_p90"] * 1000), "%.1f ms" % (cold["wall_s"] * 1000), None, 0,
            cold["peak_rss_mb"], "", None, "< 30 ms", cold["wall_s"] < 0.030, cold["wall_spread_pct"])
    overhead = report.get("overhead")
    if overhead:
        add("overhead per get (direct %.3f ms)" % overhead["direct_ms_per_get"], "%.3f ms" % overhead["cloudql_ms_per_query"],
            None, 1, overhead["peak_rss_mb"], "", None, "< 0.3 ms over direct", overhead["overhead_ms"] < 0.3)
        lines[-1]["overhead_ms"] = overhead["overhead_ms"]
    return lines


def print_table(lines: list[dict]) -> None:
    headers = ["case", "cloudql", "±%", "rows/s", "requests", "peak MB", "SDK", "ratio", "target", "met?"]
    cells = []
    for line in lines:
        cloud = line["cloudql"] or ""
        if line.get("overhead_ms") is not None:
            cloud += " (+%.3f)" % line["overhead_ms"]
        cells.append([
            line["case"], cloud, "" if line["spread_pct"] is None else "%.0f" % line["spread_pct"],
            "" if line["rows_per_s"] is None else "{:,.0f}".format(line["rows_per_s"]),
            "" if line["requests"] is None else str(line["requests"]),
            "" if line["peak_rss_mb"] is None else "%.1f" % line["peak_rss_mb"],
            line["sdk"], "" if line["ratio"] is None else "%.2fx" % line["ratio"], line["target"],
            "-" if line["met"] is None else ("yes" if line["met"] else "NO"),
        ])
    widths = [max(len(h), *(len(c[i]) for c in cells)) if cells else len(h) for i, h in enumerate(headers)]
    rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    print(rule)
    print("| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths)) + " |")
    print(rule)
    for row in cells:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |")
    print(rule)
    print("cloudql: median wall time of the whole process; ±%: (max-min)/median over the runs; "
          "SDK sweep times include its host-pool enumeration.")


def machine() -> dict:
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True)
    return {"host": platform.node(), "system": platform.platform(), "cpus": os.cpu_count(),
            "python": platform.python_version(), "commit": commit.stdout.strip(),
            "modified": bool(dirty.stdout.strip()),
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer runs: 2 per case, 5 cold starts, 500 overhead queries")
    ap.add_argument("--runs", type=int, help="timed runs per cloudql case (default 5; --quick 2)")
    ap.add_argument("--sdk-repeat", type=int, help="runs per SDK mode (default 3; --quick 1)")
    ap.add_argument("--cold-runs", type=int, help="cold-start runs (default 20; --quick 5)")
    ap.add_argument("--overhead-queries", type=int, help="queries per kind in the overhead bench (default 2000; --quick 500)")
    ap.add_argument("--sweep-page-size", type=int, default=50,
                    help="the emulator's default page size in the sweep (default 50, ARM-like: 4 host-pool pages)")
    ap.add_argument("--skip-sdk", action="store_true", help="do not run the Azure SDK peer")
    ap.add_argument("--only", default="sweep,bigpool,cold,overhead", help="comma-separated cases to run")
    ap.add_argument("--output", default=str(RESULTS), help="where to write the JSON (default Benchmarks/results/latest.json)")
    args = ap.parse_args(argv)
    args.runs = args.runs or (2 if args.quick else 5)
    args.sdk_repeat = args.sdk_repeat or (1 if args.quick else 3)
    args.cold_runs = args.cold_runs or (5 if args.quick else 20)
    args.overhead_queries = args.overhead_queries or (500 if args.quick else 2000)
    only = {name.strip() for name in args.only.split(",") if name.strip()}

    for binary in (CLOUDQL, OVERHEAD_BENCH):
        if not binary.exists():
            print("missing %s: run Benchmarks/run.sh (it builds the release binaries first)" % binary, file=sys.stderr)
            return 1
    if not args.skip_sdk and not PEER_PYTHON.exists():
        print("missing %s: run Benchmarks/run.sh (it creates the peer's virtualenv), or pass --skip-sdk" % PEER_PYTHON,
              file=sys.stderr)
        return 1
    # SIGTERM unwinds like Ctrl-C, so every emulator's context manager stops it.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    report: dict = {"started": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "machine": machine(),
                    "settings": {"runs": args.runs, "sdk_repeat": args.sdk_repeat, "cold_runs": args.cold_runs,
                                 "overhead_queries": args.overhead_queries, "quick": args.quick}}
    failures = []
    for key, bench in (("sweep", bench_sweep), ("bigpool", bench_big_pool), ("cold", bench_cold_start),
                       ("overhead", bench_overhead)):
        if key not in only:
            continue
        try:
            bench(args, report)
        except (RuntimeError, OSError, ValueError, KeyError) as error:
            print("  FAILED: %s" % error, flush=True)
            failures.append("%s: %s" % (key, error))
    report["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    # Children's peak RSS cannot be below this (see count_lines); every figure above it is the child's own.
    report["machine"]["harness_peak_rss_mb"] = own_peak_rss_mb()
    report["table"] = table(report)
    report["failures"] = failures

    print()
    print_table(report["table"])
    print("peak MB: ru_maxrss of the process itself (wait4); this harness's own peak, a floor under it, was %.1f MB."
          % report["machine"]["harness_peak_rss_mb"])
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(report, indent=2) + "\n")
    print("wrote %s" % output)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
