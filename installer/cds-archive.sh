#!/bin/sh
# Makes mqscope's class-data-sharing archive (lib/app/mqscope.jsa) for the installation this script is part of:
# the classes a start loads (lib/app/mqscope.classlist, recorded when the package was built) parsed and laid out
# once, so each launch maps them instead. It shortens the launch; without it mqscope starts all the same.
#
# The Java 17 runtime only accepts an archive made with the jar at the very path it runs from, so the archive
# cannot travel in the package: the .deb's postinst runs this script, its prerm deletes the archive, and the build
# runs it for the app-image where the image is built. Run it again after moving an app-image. Takes a few seconds.
set -eu

lib="$(cd "$(dirname "$0")" && pwd -P)"
app="$lib/app"
if [ ! -f "$app/mqscope.classlist" ]; then
    echo "mqscope: no class list at $app/mqscope.classlist; no CDS archive made" >&2
    exit 0
fi
rm -f "$app/mqscope.jsa"
# Same class path as the launcher's (its cfg says $APPDIR/mqscope.jar, with $APPDIR resolved like pwd -P).
if ! log="$("$lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$app/mqscope.classlist" \
    -XX:SharedArchiveFile="$app/mqscope.jsa" -Djava.class.path="$app/mqscope.jar" 2>&1)"; then
    printf '%s\n' "$log" >&2
    rm -f "$app/mqscope.jsa"
    echo "mqscope: could not make the CDS archive; mqscope starts without it" >&2
    exit 1
fi
