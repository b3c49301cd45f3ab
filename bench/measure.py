#!/usr/bin/env python3
"""Measures keylint against ripgrep on the bench corpus; called by bench/run.sh.

    measure.py KEYLINT CORPUS RUNS WORKDIR

Prints, best of RUNS each (wall clock of the whole process, including start-up):
  - keylint with one thread and with all threads: files, MB read, seconds, MB/s, peak RSS;
  - the share of the corpus's bytes outside source maps that keylint read;
  - ripgrep (-uuu, every file, the credential keywords) on the same tree, one thread and all,
    and the ratio keylint / ripgrep;
  - a pre-commit run: `keylint scan --staged` over 10 staged files, whole process.
Asserts nothing: the figures are for people, the machine may be shared.
"""
import json
import os
import shutil
import subprocess
import sys
import time

RG_PATTERN = "sk_live_|AKIA|ghp_|-----BEGIN|api[_-]?key|secret|password|token"


def run(cmd, cwd=None):
    """Runs cmd; returns (wall seconds, peak RSS in MB, exit code)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status)


def best(cmd, runs, cwd=None):
    results = [run(cmd, cwd) for _ in range(runs)]
    return min(r[0] for r in results), max(r[1] for r in results)


def corpus_bytes(corpus):
    total = maps = 0
    for root, _, files in os.walk(corpus):
        for f in files:
            p = os.path.join(root, f)
            if os.path.islink(p) or not os.path.isfile(p):
                continue
            size = os.path.getsize(p)
            total += size
            if f.endswith(".map"):
                maps += size
    return total, maps


def precommit_repo(corpus, workdir):
    """A git repository with one commit and 10 staged source files taken from the corpus."""
    repo = os.path.join(workdir, "precommit")
    shutil.rmtree(repo, ignore_errors=True)
    os.makedirs(repo)
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.com",
           "-c", "commit.gpgsign=false"]
    subprocess.run(git + ["init", "-q"], cwd=repo, check=True)
    with open(os.path.join(repo, "README.md"), "w") as f:
        f.write("bench\n")
    subprocess.run(git + ["add", "README.md"], cwd=repo, check=True)
    subprocess.run(git + ["commit", "-qm", "init"], cwd=repo, check=True)
    picked = []
    for root, _, files in sorted(os.walk(os.path.join(corpus, "express"))):
        for f in sorted(files):
            if f.endswith(".js") and len(picked) < 10:
                picked.append(os.path.join(root, f))
    for i, src in enumerate(picked):
        dst = os.path.join(repo, "src", f"{i}-{os.path.basename(src)}")
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy(src, dst)
    subprocess.run(git + ["add", "src"], cwd=repo, check=True)
    return repo, len(picked)


def main():
    keylint, corpus, runs, workdir = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    nproc = os.cpu_count() or 1
    total, maps = corpus_bytes(corpus)
    report = os.path.join(workdir, "out.json")
    rows = {}
    for jobs in (1, nproc):
        cmd = [keylint, "scan", "--format", "json", "-j", str(jobs), "-o", report, corpus]
        wall, rss = best(cmd, runs)
        summary = json.load(open(report))["summary"]
        rows[jobs] = (wall, rss, summary)
        mb = summary["bytes_scanned"] / 1e6
        print(f"keylint jobs={jobs} files={summary['files_scanned']} skipped={summary['files_skipped']} "
              f"MB={mb:.1f} seconds={wall:.2f} MB/s={mb / wall:.1f} peak_rss_MB={rss:.0f} "
              f"findings={summary['findings']}")
    read = rows[1][2]["bytes_scanned"]
    print(f"bytes read: {read / 1e6:.1f} MB of {(total - maps) / 1e6:.1f} MB outside source maps "
          f"({100.0 * read / (total - maps):.1f}%); source maps {maps / 1e6:.1f} MB, skipped by default")
    for jobs in (1, nproc):
        cmd = ["rg", "-uuu", "-c", "-i", "-j", str(jobs), "-e", RG_PATTERN, corpus]
        wall, rss = best(cmd, runs)
        ratio = rows[jobs][0] / wall
        print(f"ripgrep jobs={jobs} seconds={wall:.2f} MB/s={total / 1e6 / wall:.1f} "
              f"peak_rss_MB={rss:.0f}  keylint/ripgrep={ratio:.2f}x")
    repo, n = precommit_repo(corpus, workdir)
    wall, rss = best([keylint, "scan", "--staged"], max(runs, 10), cwd=repo)
    print(f"pre-commit: keylint scan --staged, {n} staged files: {wall * 1000:.1f} ms "
          f"(whole process), peak_rss_MB={rss:.0f}")


if __name__ == "__main__":
    main()
