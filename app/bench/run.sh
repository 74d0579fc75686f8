#!/usr/bin/env bash
# Runs mqscope's benchmark suite and writes app/target/bench/results.json (README "Performance").
#
#   app/bench/run.sh [--quick | --first-frame-only] [--only REGEX] [--kernel-depth N] [--raise-msg-max]
#
# --first-frame-only measures only launch → first frame (the jar and a fresh app-image).
# --quick runs short JMH forks and iterations (a few minutes in all); the full run takes about 15 minutes. The
# other options are BenchMain's (app/src/bench/java/org/mqscope/bench/BenchMain.java). The C baselines are built
# with gcc, the GUI figures need a display: without DISPLAY the run uses xvfb-run (with openbox when installed)
# if it exists, and otherwise records the GUI figures as skipped. Run it on a quiet machine: the figures are
# only as good as the machine is idle (results.json records the load average at the start).
set -euo pipefail

cd "$(dirname "$0")/../.."

if [ -z "${DISPLAY:-}" ] && [ -z "${MQBENCH_IN_XVFB:-}" ] && command -v xvfb-run >/dev/null 2>&1; then
    # Again, inside a virtual display; openbox gives the window a manager as on a desktop.
    exec env MQBENCH_IN_XVFB=1 xvfb-run -a -s "-screen 0 1280x1024x24" bash -c \
        'if command -v openbox >/dev/null 2>&1; then openbox >/dev/null 2>&1 & sleep 1; fi; exec "$0" "$@"' \
        "$0" "$@"
fi

args="--full"
if [ "$#" -gt 0 ]; then
    args="$*"
fi
./mvnw -B -q -Pbench verify "-Dbench.args=$args"
