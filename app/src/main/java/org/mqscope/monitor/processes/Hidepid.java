package org.mqscope.monitor.processes;

import java.nio.file.Path;

/** The hidepid= option of the /proc mount, from /proc/self/mountinfo. */
final class Hidepid {
    private Hidepid() {
    }

    /** The option's value when it hides anything ("1", "2", "invisible", "noaccess"), else null. */
    static String of(Path proc) {
        String mounts = ProcFiles.text(proc.resolve("self/mountinfo"));
        if (mounts == null) {
            return null;
        }
        for (String line : mounts.split("\n")) {
            String[] f = line.split(" ");
            if (f.length > 4 && f[4].equals(proc.toString()) && line.contains(" - proc ")) {
                return parse(line);
            }
        }
        return null;
    }

    static String parse(String mountinfoLine) {
        for (String opt : mountinfoLine.substring(mountinfoLine.indexOf(" - ") + 3).split("[ ,]")) {
            if (opt.startsWith("hidepid=")) {
                String v = opt.substring("hidepid=".length());
                return v.equals("0") || v.equals("off") ? null : v;
            }
        }
        return null;
    }
}
