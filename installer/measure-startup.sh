#!/usr/bin/env bash
# Measures launch → first painted frame, as StartupProbe reports it (-Dmqscope.startupProbe=1), for one or more
# ways of starting mqscope, and prints the median and the range of each. Needs a display (DISPLAY set).
#
#   installer/measure-startup.sh RUNS 'LABEL=COMMAND' ['LABEL=COMMAND'...]
#   e.g. installer/measure-startup.sh 15 'jar=java -jar app/target/mqscope.jar' \
#            'app-image=app/target/installer/image/mqscope/bin/mqscope' \
#            'app-image, no CDS=JAVA_TOOL_OPTIONS=-Xshare:off app/target/installer/image/mqscope/bin/mqscope'
#
# A command is split at spaces (no quoting); it may start with VAR=value words for its environment.
#
# The commands run in turn, round after round, so a load that comes and goes on the machine spreads over all of
# them instead of spoiling one. Each gets --screenshot FILE --after 0 appended, so each run exits by itself once
# the window has settled. The probe is switched on through JAVA_TOOL_OPTIONS, which reaches the JVM behind a
# jpackage launcher as well as a plain `java -jar`. The time runs from the shell's clock just before the command
# starts to the wall-clock time the probe prints. Beside it, the CPU time (user + system, all threads) the process had
# used by its first frame, as the probe prints it: less sensitive to other load on the machine than the wall clock.
set -euo pipefail

if [ "$#" -lt 2 ]; then
    echo "usage: $0 RUNS 'LABEL=COMMAND'..." >&2
    exit 2
fi
runs="$1"
shift
if [ -z "${DISPLAY:-}" ]; then
    echo "$0: DISPLAY is not set; the first frame needs a display" >&2
    exit 1
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

labels=()
commands=()
for spec in "$@"; do
    labels+=("${spec%%=*}")
    commands+=("${spec#*=}")
done

# One run: prints "WALL_MS CPU_MS", or explains and fails. A command may start with VAR=value words; a
# JAVA_TOOL_OPTIONS among them is added to the probe's instead of replacing it.
measure_once() {
    local label="$1" command="$2"
    local -a words assignments=()
    local tool_options="-Dmqscope.startupProbe=1 ${JAVA_TOOL_OPTIONS:-}"
    read -r -a words <<<"$command"
    while [ "${#words[@]}" -gt 0 ] && [[ "${words[0]}" =~ ^[A-Za-z_][A-Za-z0-9_]*= ]]; do
        if [[ "${words[0]}" == JAVA_TOOL_OPTIONS=* ]]; then
            tool_options="$tool_options ${words[0]#JAVA_TOOL_OPTIONS=}"
        else
            assignments+=("${words[0]}")
        fi
        words=("${words[@]:1}")
    done
    local started="${EPOCHREALTIME/./}" # microseconds, read without forking
    if ! env "${assignments[@]}" JAVA_TOOL_OPTIONS="$tool_options" \
        "${words[@]}" --screenshot "$scratch/shot.png" --after 0 >"$scratch/out" 2>"$scratch/err"; then
        echo "$0: '$label' failed:" >&2
        cat "$scratch/out" "$scratch/err" >&2
        return 1
    fi
    local painted
    painted="$(sed -n 's/^mqscope: first frame painted at epoch ms \([0-9]*\)$/\1/p' "$scratch/out")"
    if [ -z "$painted" ]; then
        echo "$0: '$label' printed no first-frame line:" >&2
        cat "$scratch/out" "$scratch/err" >&2
        return 1
    fi
    local cpu
    cpu="$(sed -n 's/^mqscope: cpu time to first frame ms \([0-9]*\)$/\1/p' "$scratch/out")"
    echo "$(( painted - started / 1000 )) ${cpu:-?}"
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
declare -A times cpus
for _ in $(seq 1 "$runs"); do
    for i in "${!labels[@]}"; do
        measured="$(measure_once "${labels[$i]}" "${commands[$i]}")" # a failed run stops the script (set -e)
        read -r wall cpu <<<"$measured"
        times[$i]="${times[$i]:-} $wall"
        cpus[$i]="${cpus[$i]:-} $cpu"
    done
done

# "MEDIAN FASTEST SLOWEST" of a list of numbers ("?" for a run without the figure makes the whole figure "?")
summary() {
    if [[ "$1" == *"?"* ]]; then
        echo "? ? ?"
        return
    fi
    local -a sorted
    read -r -a sorted <<<"$(tr ' ' '\n' <<<"$1" | sed '/^$/d' | sort -n | tr '\n' ' ')"
    echo "${sorted[$(( ${#sorted[@]} / 2 ))]} ${sorted[0]} ${sorted[-1]}"
}

echo "load average (1, 5, 15 min): $load_before before the runs, $(cut -d' ' -f1-3 /proc/loadavg) after"
for i in "${!labels[@]}"; do
    read -r median fastest slowest <<<"$(summary "${times[$i]}")"
    read -r cpu_median cpu_fastest cpu_slowest <<<"$(summary "${cpus[$i]}")"
    printf '%-28s median %5s ms   fastest %5s ms   slowest %5s ms   cpu median %5s ms (%s-%s)   (%d runs)\n' \
        "${labels[$i]}" "$median" "$fastest" "$slowest" "$cpu_median" "$cpu_fastest" "$cpu_slowest" "$runs"
done
