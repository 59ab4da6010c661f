#!/usr/bin/env bash
# The benchmarks in one command: builds the release binaries, sets up the Azure SDK peer's
# virtualenv (.venv-peers, from ../shared/peers/requirements.lock), then runs Benchmarks/bench.py,
# which prints a table and writes Benchmarks/results/latest.json.
#
#   Benchmarks/run.sh [--quick] [bench.py options: --runs N, --skip-sdk, --only sweep,bigpool,cold,overhead]
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -c release --product cloudql
swift build -c release --product cloudql-overhead-bench

lock=../shared/peers/requirements.lock
if [[ " $* " != *" --skip-sdk "* ]]; then
    if [[ ! -f "$lock" ]]; then
        echo "missing $lock: the shared folder must sit beside the repository (or pass --skip-sdk)" >&2
        exit 1
    fi
    # Reinstall only when the lock file changed since the last install.
    if ! cmp -s "$lock" .venv-peers/installed.lock 2>/dev/null; then
        python3 -m venv .venv-peers
        .venv-peers/bin/pip install --quiet --disable-pip-version-check -r "$lock"
        cp "$lock" .venv-peers/installed.lock
    fi
fi

exec python3 Benchmarks/bench.py "$@"
