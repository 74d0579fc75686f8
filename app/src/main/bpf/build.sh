#!/usr/bin/env bash
# Builds the mqpeek helper into OUT_DIR (default: ./out): vmlinux.h from this kernel's BTF, the CO-RE BPF object,
# its skeleton, and the helper linked statically against libbpf (so it runs where libbpf is not installed).
#
#   build.sh OUT_DIR          build; exit 1 with the reason on a failure
#   build.sh --check          say in one line whether the tools are here (exit 0) or which are missing (exit 3)
#
# vmlinux.h is generated, never committed: CO-RE relocates every field access at load time, so the types of the
# build machine's kernel serve every kernel with BTF. BTF may be taken from another file with VMLINUX_BTF=path.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
btf="${VMLINUX_BTF:-/sys/kernel/btf/vmlinux}"
clang="${CLANG:-clang}"
bpftool="${BPFTOOL:-$(command -v bpftool || echo /usr/sbin/bpftool)}"

missing=()
command -v "$clang" >/dev/null 2>&1 || missing+=("clang")
[ -x "$bpftool" ] || command -v "$bpftool" >/dev/null 2>&1 || missing+=("bpftool")
[ -f /usr/include/bpf/libbpf.h ] && [ -f /usr/include/bpf/bpf_helpers.h ] || missing+=("libbpf-dev")
[ -r "$btf" ] || missing+=("kernel BTF ($btf)")
for lib in elf z; do
    if ! printf 'int main(void){return 0;}' | "$clang" -x c - -o /dev/null "-l$lib" >/dev/null 2>&1; then
        case $lib in elf) missing+=("libelf-dev") ;; z) missing+=("zlib1g-dev") ;; esac
    fi
done

if [ "${1:-}" = "--check" ]; then
    if [ ${#missing[@]} -gt 0 ]; then
        echo "mqpeek helper not built: missing ${missing[*]} (apt-get install clang llvm libbpf-dev bpftool libelf-dev zlib1g-dev)"
        exit 3
    fi
    echo "mqpeek helper: clang, bpftool, libbpf-dev and BTF present"
    exit 0
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "build.sh: missing ${missing[*]}" >&2
    exit 1
fi

out="${1:-$here/out}"
gen="$out/gen"
mkdir -p "$gen"
arch="$(uname -m)"
case "$arch" in
    x86_64) target_arch=x86 ;;
    aarch64) target_arch=arm64 ;;
    *) target_arch="$arch" ;;
esac

"$bpftool" btf dump file "$btf" format c > "$gen/vmlinux.h.tmp"
mv "$gen/vmlinux.h.tmp" "$gen/vmlinux.h"
"$clang" -g -O2 -target bpf "-D__TARGET_ARCH_$target_arch" -Wall -Wextra -Werror \
    -I"$gen" -I"$here" -c "$here/mqpeek.bpf.c" -o "$gen/mqpeek.bpf.o"
"$bpftool" gen skeleton "$gen/mqpeek.bpf.o" name mqpeek > "$gen/mqpeek.skel.h.tmp"
mv "$gen/mqpeek.skel.h.tmp" "$gen/mqpeek.skel.h"
"$clang" -g -O2 -target bpf "-D__TARGET_ARCH_$target_arch" -Wall -Wextra -Werror \
    -I"$gen" -I"$here" -c "$here/mqrecord.bpf.c" -o "$gen/mqrecord.bpf.o"
"$bpftool" gen skeleton "$gen/mqrecord.bpf.o" name mqrecord > "$gen/mqrecord.skel.h.tmp"
mv "$gen/mqrecord.skel.h.tmp" "$gen/mqrecord.skel.h"
libbpf_a=""
for candidate in "/usr/lib/$(gcc -dumpmachine 2>/dev/null || echo "$arch-linux-gnu")/libbpf.a" /usr/lib64/libbpf.a /usr/lib/libbpf.a; do
    if [ -f "$candidate" ]; then libbpf_a="$candidate"; break; fi
done
if [ -n "$libbpf_a" ]; then
    libbpf=("$libbpf_a")
else
    libbpf=(-lbpf)
fi
"$clang" -std=c11 -O2 -g -Wall -Wextra -Werror -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE -pie \
    -I"$gen" -I"$here" "$here/mqpeek.c" "$here/reader.c" "$here/wire.c" "$here/record.c" "$here/opener.c" -o "$out/mqpeek.tmp" "${libbpf[@]}" -lelf -lz
mv "$out/mqpeek.tmp" "$out/mqpeek"
echo "mqpeek helper built: $out/mqpeek"
