#!/usr/bin/env bash
# Builds mqscope's native packages from the application jar, with the JDK's jpackage:
#   1. the app icon rendered to PNG at 16, 32, 48, 128 and 256 px (installer/RenderIcon.java);
#   2. an app-image: launcher + jar + a Java runtime that jlink trims to installer/modules.txt;
#   3. a start-up archive (lib/app/mqscope.jsa): one training run of the app-image records what a start loads, and
#      cds-archive.sh lays it out for the launcher to map. On a Java 25 runtime (the default, see --java-home) it
#      is an ahead-of-time cache (JEP 483/514: classes loaded and linked; no method profiles, see below) made
#      from the run's AOT configuration; on Java 17 a CDS archive made from its class list
#      (installer/measure-startup.sh measures what each saves);
#   4. lib/mqscope.sh in the image: starts the runtime directly, with the options of jpackage's launcher, which
#      itself spends about 0.1 s of each start asking the package manager which package it belongs to;
#   5. a .deb: jpackage's package (control file, dependencies), to which this script adds what a Debian desktop
#      package carries: /usr/bin/mqscope (→ lib/mqscope.sh), the .desktop entry and the hicolor icons, all owned
#      by dpkg. Its only maintainer scripts make the CDS archive at installation (it is tied to the jar's path)
#      and delete it, and give the exact-peek helper its two capabilities (see deb/postinst).
#
# With --helper PATH (the Maven build passes app/target/mqpeek when it built one) the exact-peek helper ships
# beside the jar, in lib/app/mqpeek, where the app looks for it.
#
# Run by `./mvnw -B -Pinstaller package -DskipTests` (app/pom.xml, profile "installer"); by hand:
#   installer/package.sh --jar app/target/mqscope.jar --version 0.1.0 --out app/target/installer
#       [--java-home DIR] [--types app-image,deb] [--cds auto|on|off] [--helper app/target/mqpeek]
#
# --java-home is the JDK whose jlink and jpackage make the image, and so the runtime it bundles (Maven passes
# -Dinstaller.jdk, by default the Temurin 25 JDK in /usr/lib/jvm; the jar itself is Java 17 bytecode).
# --cds auto trains under $DISPLAY, else under xvfb-run, else builds without the archive and says so; --cds on
# fails instead. Outputs: OUT/image/mqscope (app-image), OUT/mqscope_VERSION-1_ARCH.deb, OUT/icons/.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"

name=mqscope
main_class=org.mqscope.App
description="Desktop inspector for Linux POSIX message queues"
vendor="mqscope"
# jpackage writes "Maintainer: VENDOR <this>"; the project has no address yet (.invalid: reserved, never delivered).
maintainer_email="maintainers@mqscope.invalid"
icon_sizes=(16 32 48 128 256)

jar=""
version=""
out=""
java_home="${JAVA_HOME:-}"
types="app-image,deb"
cds=auto
helper=""

log() {
    echo "installer [$((SECONDS - ${started:-$SECONDS})) s]: $*" >&2
}
die() {
    log "$*"
    exit 1
}

while [ "$#" -gt 0 ]; do
    case "$1" in
        --jar) jar="$2"; shift 2 ;;
        --version) version="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        --java-home) java_home="$2"; shift 2 ;;
        --types) types="$2"; shift 2 ;;
        --cds) cds="$2"; shift 2 ;;
        --helper) helper="$2"; shift 2 ;;
        *) die "unknown argument '$1' (see the comment at the top of $0)" ;;
    esac
done
[ -n "$jar" ] && [ -n "$version" ] && [ -n "$out" ] || die "--jar, --version and --out are required"
[ -f "$jar" ] || die "no application jar at $jar; build it first (./mvnw -B package -DskipTests)"
if [ -n "$helper" ] && [ ! -x "$helper" ]; then
    echo "installer: no exact-peek helper at $helper: packaging without it (the app then peeks by drain and restore)" >&2
    helper=""
fi
case "$cds" in auto | on | off) ;; *) die "--cds must be auto, on or off, not '$cds'" ;; esac
case ",$types," in *,app-image,* | *,deb,*) ;; *) die "--types names neither app-image nor deb: '$types'" ;; esac

# Packages carry the release version: a -SNAPSHOT build packages as its release number (dpkg and jpackage both
# want digits and dots).
version="${version%-SNAPSHOT}"
[[ "$version" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || die "version '$version' is not N[.N[.N]], which jpackage needs"

if [ -z "$java_home" ]; then
    java_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
fi
for tool in java jpackage jlink jdeps; do
    [ -x "$java_home/bin/$tool" ] || die "$java_home/bin/$tool is missing: a full JDK (17 or newer) is needed (Maven: -Dinstaller.jdk=DIR)"
done
jdk_bin="$java_home/bin"

rm -rf "$out"
mkdir -p "$out/input" "$out/work"
out="$(cd "$out" && pwd)"
cp "$jar" "$out/input/$name.jar"
started=$SECONDS

# --- 1. icons -----------------------------------------------------------------------------------------------
log "rendering $repo/icons/$name.svg at ${icon_sizes[*]} px"
"$jdk_bin/java" -Djava.awt.headless=true -cp "$out/input/$name.jar" "$here/RenderIcon.java" \
    "$repo/icons/$name.svg" "$out/icons" "${icon_sizes[@]}"

# --- 2. modules and app-image -------------------------------------------------------------------------------
listed=()
left_out=()
while read -r line; do
    line="${line%%#*}"
    line="${line//[[:space:]]/}"
    case "$line" in
        "") ;;
        -*) left_out+=("${line#-}") ;;
        *) listed+=("$line") ;;
    esac
done <"$here/modules.txt"
feature="$("$jdk_bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
# Every module the jar's classes refer to directly (jdeps), checked against the runtime once it is built.
found="$("$jdk_bin/jdeps" -summary --ignore-missing-deps --multi-release "$feature" "$out/input/$name.jar" \
    | sed -n 's/^.* -> \([a-z][a-z0-9.]*\)$/\1/p' | sort -u | paste -sd ' ')"
modules="$(IFS=,; echo "${listed[*]}")"
# JVM options every launch gets. JNA calls native code: from Java 22 on the JVM warns about that (and later
# refuses) unless native access is enabled. Java 17 needs nothing, and there the option would cost startup time:
# it turns off CDS's archived module graph.
java_options=()
if [ "$feature" -ge 22 ]; then
    java_options+=(--enable-native-access=ALL-UNNAMED)
fi

if [[ ",$types," == *,app-image,* || ",$types," == *,deb,* ]]; then
    jpackage_java_options=()
    for option in "${java_options[@]}"; do
        jpackage_java_options+=(--java-options "$option")
    done
    # --generate-cds-archive gives the trimmed runtime its own default CDS archive (the JDK's does not fit it),
    # for the app-image without its own; it needs bin/java, which jlink then keeps.
    "$jdk_bin/jpackage" --type app-image --dest "$out/image" --name "$name" --app-version "$version" \
        --description "$description" --vendor "$vendor" \
        --input "$out/input" --main-jar "$name.jar" --main-class "$main_class" --icon "$out/icons/$name-256.png" \
        --add-modules "$modules" \
        --jlink-options "--strip-debug --no-man-pages --no-header-files --generate-cds-archive" \
        "${jpackage_java_options[@]}"
fi
image="$out/image/$name"
runtime="$image/lib/runtime"
if [ -n "$helper" ]; then
    # beside the jar, executable (file capabilities cannot travel in an image; the .deb's postinst sets them)
    install -m 0755 "$helper" "$image/lib/app/mqpeek"
fi
cfg="$image/lib/app/$name.cfg"
[ -x "$image/bin/$name" ] && [ -f "$cfg" ] || die "jpackage left no launcher at $image/bin/$name"
in_runtime="$(sed -n 's/^MODULES="\(.*\)"$/\1/p' "$runtime/release")"
for module in $found; do
    if [[ ! " $in_runtime ${left_out[*]} " =~ " $module " ]]; then
        die "$name.jar uses module $module, which installer/modules.txt neither lists nor leaves out"
    fi
done
log "runtime modules: $in_runtime (the jar refers to: $found)"
# bin/java stays: cds-archive.sh needs it. Only a heap of 32 GiB or more (no compressed oops) would use the
# second default archive.
rm -f "$runtime/bin/keytool"
rm -f "$runtime/lib/server/classes_nocoops.jsa"

# --- 3. start-up archive ------------------------------------------------------------------------------------
# A training run, started as a user would start the app-image, records what a start loads; cds-archive.sh
# (shipped in the image) turns that record into the archive, where the jar will run from: both archive kinds are
# tied to the jar's path (a Java 25 cache found elsewhere would give the classes their build-time code source,
# and the app looks for its helper beside that), so the .deb's postinst makes its own. The run gets a home of its
# own: it must not read or write the builder's preferences, journals or JNA cache.
display_runner() {
    if [ -n "${DISPLAY:-}" ]; then
        echo direct
    elif command -v xvfb-run >/dev/null 2>&1; then
        echo xvfb-run
    else
        echo none
    fi
}
install -m 0755 "$here/cds-archive.sh" "$image/lib/cds-archive.sh"
if [ "$feature" -ge 25 ]; then
    record="$image/lib/app/$name.aotconf"
    # Without the methods' profiles (JEP 515): replayed from the cache, they have the JIT compile at once, in both
    # of its tiers, and on a 2-core machine its threads took the CPU the window's own start needed. The same jar,
    # cache with and without them, 11 interleaved runs of lib/mqscope.sh (installer/measure-startup.sh, load
    # 1.2-2.0): first frame 457 → 426 ms median, CPU used by then 800 → 720 ms. The classes stay loaded and
    # linked in the cache; the JIT profiles the running program as it does without a cache. A diagnostic option
    # of the JVM, at recording only: the launcher's options stay as they are.
    record_options="-XX:AOTMode=record -XX:AOTConfiguration=$record -XX:+UnlockDiagnosticVMOptions"
    record_options+=" -XX:-AOTRecordTraining"
else
    record="$image/lib/app/$name.classlist"
    record_options="-XX:DumpLoadedClassList=$record"
fi
if [ "$cds" != off ]; then
    runner="$(display_runner)"
    if [ "$runner" = none ]; then
        [ "$cds" = on ] && die "--cds on needs a display (DISPLAY) or xvfb-run for the training run"
        log "WARNING: no display and no xvfb-run: building without a start-up archive (slower first start)"
    else
        log "training run for the start-up archive ($runner, Java $feature)"
        home="$out/work/training-home"
        mkdir -p "$home"
        train=(env HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config"
            XDG_CACHE_HOME="$home/cache" JAVA_TOOL_OPTIONS="$record_options"
            "$image/bin/$name" --screenshot "$out/work/training.png" --after 500)
        if [ "$runner" = xvfb-run ]; then
            train=(xvfb-run -a -s "-screen 0 1280x1024x24" "${train[@]}")
        fi
        if ! "${train[@]}" >"$out/work/training.log" 2>&1 || [ ! -s "$record" ]; then
            cat "$out/work/training.log" >&2
            die "the training run failed (log above)"
        fi
        if [ "$feature" -lt 25 ]; then
            # A command (mqscope ls ...) loads classes the window never does (picocli, the command's own): a
            # second run records them, and its lines join the list unless the window's run has the class already.
            # (An AOT configuration cannot be merged; a command maps the part of the cache it shares.)
            cli_list="$out/work/cli.classlist"
            if ! env HOME="$home" XDG_DATA_HOME="$home/data" JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$cli_list" \
                "$image/bin/$name" ls --backend=emulated >>"$out/work/training.log" 2>&1; then
                cat "$out/work/training.log" >&2
                die "the training run of a command failed (log above)"
            fi
            awk 'NR == FNR { seen[$1] = 1; next } !($1 in seen) { seen[$1] = 1; print }' "$record" "$cli_list" \
                >>"$record"
        fi
        "$image/lib/cds-archive.sh" || die "cds-archive.sh failed"
        # $APPDIR is the launcher's own lib/app directory, wherever the image is installed. A missing archive or
        # one that does not fit (an app-image moved elsewhere) is passed over silently: -Xshare:auto (the default,
        # said here for the reader) on Java 17; on Java 25 the cache's own log, which would print its error on
        # every start, is off.
        if [ "$feature" -ge 25 ]; then
            printf '%s\n' "java-options=-XX:AOTCache=\$APPDIR/$name.jsa" "java-options=-Xlog:aot=off" >>"$cfg"
        else
            printf '%s\n' "java-options=-XX:SharedArchiveFile=\$APPDIR/$name.jsa" "java-options=-Xshare:auto" >>"$cfg"
        fi
        if ! JAVA_TOOL_OPTIONS="-Xlog:class+load=info" "$image/bin/$name" --version 2>/dev/null \
            | grep -q "$main_class source: shared objects file"; then
            die "the app-image does not load $main_class from its start-up archive"
        fi
        log "start-up archive: $(du -h "$image/lib/app/$name.jsa" | cut -f1) from $(basename "$record")"
    fi
fi

# --- 3b. shell launcher -------------------------------------------------------------------------------------
# jpackage's launcher (bin/mqscope) asks rpm and then dpkg, twice over, which package owns it before it starts
# the JVM: about 0.1 s of every start on a Debian machine. lib/mqscope.sh starts the same JVM with the same
# options, read from the launcher's configuration now; the .deb's /usr/bin/mqscope points to it.
shell_word() {
    local value="$1"
    if [[ "$value" == *[\"\\\`]* || "${value//\$APPDIR/}" == *\$* ]]; then
        die "cannot carry '$value' from $cfg into a shell launcher"
    fi
    printf '"%s"' "${value//\$APPDIR/\$app}"
}
jvm_words=""
while IFS= read -r option; do
    jvm_words+=" $(shell_word "$option")"
done < <(sed -n 's/^java-options=//p' "$cfg")
classpath_word="$(shell_word "$(sed -n 's/^app.classpath=//p' "$cfg")")"
main_word="$(shell_word "$(sed -n 's/^app.mainclass=//p' "$cfg")")"
cat >"$image/lib/$name.sh" <<SCRIPT
#!/bin/sh
# Starts $name: the bundled Java runtime with the JVM options of bin/$name (lib/app/$name.cfg, from which
# installer/package.sh wrote this file), without that launcher's package-manager lookups. Works through symlinks.
self="\$(readlink -f "\$0")"
lib="\${self%/*}"
app="\$lib/app"
# A command (mqscope ls ...) lives a moment: the optimising compiler's warm-up would only cost it start-up time.
case "\${1:-}" in
    "" | -*) jit="" ;;
    *) jit="-XX:TieredStopAtLevel=1" ;;
esac
exec "\$lib/runtime/bin/java"$jvm_words \$jit -classpath $classpath_word $main_word "\$@"
SCRIPT
chmod 0755 "$image/lib/$name.sh"
[ "$("$image/lib/$name.sh" --version)" = "$("$image/bin/$name" --version)" ] || die "lib/$name.sh does not start"
log "app-image: $image ($(du -sh "$image" | cut -f1))"

# --- 4. .deb ------------------------------------------------------------------------------------------------
if [[ ",$types," == *,deb,* ]]; then
    command -v dpkg-deb >/dev/null || die "dpkg-deb is needed for the .deb (or build --types app-image)"
    log "jpackage .deb"
    # The archive stays out of the package (postinst makes it where the jar is installed): set aside meanwhile, so
    # jpackage does not compress its tens of MiB for nothing. Release 1 said explicitly: jpackage 17 wrote
    # "VERSION-1", later ones write no release unless told.
    if [ -f "$image/lib/app/$name.jsa" ]; then
        mv "$image/lib/app/$name.jsa" "$out/work/$name.jsa"
    fi
    "$jdk_bin/jpackage" --type deb --dest "$out/work/jpackage-deb" --app-image "$image" \
        --name "$name" --app-version "$version" --description "$description" --vendor "$vendor" \
        --install-dir /usr/lib --linux-deb-maintainer "$maintainer_email" --linux-app-category devel \
        --linux-app-release 1
    if [ -f "$out/work/$name.jsa" ]; then
        mv "$out/work/$name.jsa" "$image/lib/app/$name.jsa"
    fi
    jpackage_deb="$(ls "$out/work/jpackage-deb/"*.deb)"

    stage="$out/work/deb-root"
    dpkg-deb --raw-extract "$jpackage_deb" "$stage"
    # jpackage's maintainer scripts only manage shortcuts, which this package ships as plain files instead; its
    # own make and delete the CDS archive, which is tied to the path the jar is installed at.
    rm -f "$stage/DEBIAN/preinst" "$stage/DEBIAN/postinst" "$stage/DEBIAN/prerm" "$stage/DEBIAN/postrm"
    rm -f "$stage/usr/lib/$name/lib/app/$name.jsa"
    # The AOT configuration names the jar by path, size and modification time: the packaged jar keeps the time of
    # the one the training ran with (jpackage's copy has its own), or postinst could not make the cache from it.
    touch -r "$image/lib/app/$name.jar" "$stage/usr/lib/$name/lib/app/$name.jar"
    if [ -f "$stage/usr/lib/$name/lib/app/$name.classlist" ] || [ -f "$stage/usr/lib/$name/lib/app/$name.aotconf" ] \
        || [ -f "$stage/usr/lib/$name/lib/app/mqpeek" ]; then
        install -m 0755 "$here/deb/postinst" "$here/deb/prerm" "$stage/DEBIAN/"
    fi
    mkdir -p "$stage/usr/bin" "$stage/usr/share/applications" "$stage/usr/share/icons/hicolor/scalable/apps"
    ln -s "../lib/$name/lib/$name.sh" "$stage/usr/bin/$name"
    install -m 0644 "$here/$name.desktop" "$stage/usr/share/applications/$name.desktop"
    for size in "${icon_sizes[@]}"; do
        install -D -m 0644 "$out/icons/$name-$size.png" "$stage/usr/share/icons/hicolor/${size}x$size/apps/$name.png"
    done
    install -m 0644 "$repo/icons/$name.svg" "$stage/usr/share/icons/hicolor/scalable/apps/$name.svg"
    # The man page and the bash completion, generated from the same picocli definitions as --help.
    "$runtime/bin/java" -cp "$image/lib/app/$name.jar" org.mqscope.cli.CliDocs "$out/work/docs" \
        || die "generating the man page and completion failed"
    install -d "$stage/usr/share/man/man1" "$stage/usr/share/bash-completion/completions"
    gzip -9n -c "$out/work/docs/$name.1" >"$stage/usr/share/man/man1/$name.1.gz"
    chmod 0644 "$stage/usr/share/man/man1/$name.1.gz"
    install -m 0644 "$out/work/docs/$name" "$stage/usr/share/bash-completion/completions/$name"
    installed_kib="$(du -sk --exclude=DEBIAN "$stage" | cut -f1)"
    sed -i "s/^Installed-Size:.*/Installed-Size: $installed_kib/" "$stage/DEBIAN/control"
    deb="$out/$(basename "$jpackage_deb")"
    dpkg-deb --root-owner-group --build "$stage" "$deb" >/dev/null
    rm -rf "$stage" "$out/work/jpackage-deb"
    log ".deb: $deb ($(du -h "$deb" | cut -f1), installs $((installed_kib / 1024)) MiB)"
fi

rm -rf "$out/input"
log "done in $((SECONDS - started)) s"
