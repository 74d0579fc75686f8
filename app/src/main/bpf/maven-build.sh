#!/usr/bin/env bash
# Called by the Maven build (generate-resources): builds the mqpeek helper into TARGET/bpf when clang, bpftool,
# libbpf-dev and the kernel's BTF are present, and puts it where the app looks for it: inside the jar
# (TARGET/classes/org/mqscope/native/linux-OS_ARCH/mqpeek) and beside it (TARGET/mqpeek). Without the tools it
# says so in one line and succeeds, so the build works everywhere; the exact-peek tests then fail under CI=true.
#   maven-build.sh TARGET OS_ARCH
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="$1"
arch="$2"
if ! line="$("$here/build.sh" --check)"; then
    echo "[mqpeek] $line"
    exit 0
fi
built="$target/bpf/mqpeek"
if [ ! -x "$built" ] || [ -n "$(find "$here" -newer "$built" -type f -print -quit)" ]; then
    "$here/build.sh" "$target/bpf" >/dev/null
fi
resource_dir="$target/classes/org/mqscope/native/linux-$arch"
mkdir -p "$resource_dir"
install -m 0755 "$built" "$resource_dir/mqpeek"
install -m 0755 "$built" "$target/mqpeek"
echo "[mqpeek] helper built: $target/mqpeek (also in the jar)"
