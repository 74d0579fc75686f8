package org.mqscope.mq.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What the exact-peek tests need: root (for CAP_BPF and CAP_PERFMON), the kernel's BTF and a built helper. On a
 * laptop without them the tests are skipped with the reason; under CI=true (.ci/run installs the toolchain and runs
 * as root) a missing piece fails them instead, so the feature can never pass CI untested.
 */
final class ExactPeekAssumptions {
    private ExactPeekAssumptions() {
    }

    static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static void require(boolean ok, String why) {
        if (ok) {
            return;
        }
        if (underCi()) {
            Assertions.fail("CI=true, yet " + why);
        }
        Assumptions.abort(why);
    }

    /** The helper the kernel backend would use, after checking it can run here. */
    static Path helper() {
        require(isRoot(), "the exact-peek tests run as root (the helper needs CAP_BPF and CAP_PERFMON)");
        require(Files.exists(ExactPeek.BTF), "the kernel has no BTF (" + ExactPeek.BTF + ")");
        Path helper = PeekHelperLocation.find();
        require(helper != null && Files.isExecutable(helper),
                "the mqpeek helper was not built (clang, bpftool and libbpf-dev are needed; see the build output)");
        return helper;
    }

    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0"); // effective uid
                }
            }
        } catch (java.io.IOException e) {
            return false;
        }
        return false;
    }
}
