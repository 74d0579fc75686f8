#!/bin/sh
# Makes mqscope's start-up archive (lib/app/mqscope.jsa) for the installation this script is part of, from what
# the package's training run recorded: on a Java 25 runtime an ahead-of-time cache (classes loaded and linked; the
# run recorded no method profiles, package.sh says why) from lib/app/mqscope.aotconf; on Java 17 a class-data-
# sharing archive from lib/app/mqscope.classlist. Each launch then maps it instead of loading, parsing and linking
# those classes again. It shortens the launch; without it mqscope starts all the same.
#
# Both kinds are tied to the path the jar runs from (Java 17 refuses an archive made elsewhere; a Java 25 cache
# made elsewhere would give the classes their old code source), so the archive does not travel in the package:
# the .deb's postinst runs this script, its prerm deletes the archive, and the build runs it for the app-image
# where the image is built. Run it again after moving an app-image. Takes a few seconds; needs no display.
set -eu

lib="$(cd "$(dirname "$0")" && pwd -P)"
app="$lib/app"
java="$lib/runtime/bin/java"
rm -f "$app/mqscope.jsa"
if [ -f "$app/mqscope.aotconf" ]; then
    # The cache is only used by a JVM started with the same module options as the one that made it: the
    # launcher's (its cfg), less the ones that name the archive itself. Same class path as the launcher's
    # ($APPDIR/mqscope.jar, with $APPDIR resolved like pwd -P).
    set --
    while IFS= read -r line; do
        case "$line" in
            java-options=-XX:AOTCache=* | java-options=-Xlog:aot* | java-options=-XX:SharedArchiveFile=* \
                | java-options=-Xshare:*) ;;
            java-options=*)
                option="${line#java-options=}"
                set -- "$@" "$(printf '%s' "$option" | sed "s|\\\$APPDIR|$app|g")" ;;
        esac
    done <"$app/mqscope.cfg"
    made() {
        "$java" "$@" -XX:AOTMode=create -XX:AOTConfiguration="$app/mqscope.aotconf" \
            -XX:AOTCache="$app/mqscope.jsa" -cp "$app/mqscope.jar" 2>&1
    }
elif [ -f "$app/mqscope.classlist" ]; then
    made() {
        "$java" -Xshare:dump -XX:SharedClassListFile="$app/mqscope.classlist" \
            -XX:SharedArchiveFile="$app/mqscope.jsa" -Djava.class.path="$app/mqscope.jar" 2>&1
    }
else
    echo "mqscope: no training record in $app (mqscope.aotconf or mqscope.classlist); no start-up archive made" >&2
    exit 0
fi
if ! log="$(made "$@")" || [ ! -s "$app/mqscope.jsa" ]; then
    printf '%s\n' "$log" >&2
    rm -f "$app/mqscope.jsa"
    echo "mqscope: could not make the start-up archive; mqscope starts without it" >&2
    exit 1
fi
