#!/usr/bin/env bash
# Fuzzes cloudql's SQL front end with libFuzzer for SECONDS (default 60).
#   scripts/fuzz.sh [SECONDS]
# A crash leaves its input in .build/fuzz/crash-*: copy it into Fuzz/regressions/, where
# FuzzRegressionTests (part of swift test) runs every file, and fix the front end.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
out=.build/fuzz
mkdir -p "$out/corpus"
sources=(
    Sources/CloudQL/CloudQLError.swift
    Sources/CloudQL/Output/SQLValue.swift
    Sources/CloudQL/SQL/SQLLexer.swift
    Sources/CloudQL/SQL/StatementSplitter.swift
    Sources/CloudQL/SQL/NameRewriter.swift
    Sources/CloudQL/SQL/MetadataStatement.swift
    Sources/CloudQL/SQL/ExecStatement.swift
)
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name CloudQLFuzz \
    Fuzz/FrontEndFuzzer.swift "${sources[@]}" -o "$out/frontend-fuzzer"
cp Fuzz/corpus/* Fuzz/regressions/* "$out/corpus/" 2>/dev/null || true
# A fixed seed (FUZZ_SEED, default 1) makes CI's run repeatable: a longer run with the same seed
# goes through the same inputs first. Set FUZZ_SEED=0 for a fresh random seed.
"$out/frontend-fuzzer" "$out/corpus" -seed="${FUZZ_SEED:-1}" -max_total_time="$seconds" -max_len=4096 \
    -artifact_prefix="$out/" -print_final_stats=1
