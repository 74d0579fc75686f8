package org.mqscope.mq.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mqscope.Needs;

/**
 * What the exact-peek tests need: root (for CAP_BPF and CAP_PERFMON), the kernel's BTF and a built helper, checked
 * through {@link Needs}: skipped with the reason on a laptop without them, failed under CI (.ci/run installs the
 * toolchain and runs as root), so the feature can never pass CI untested.
 */
final class ExactPeekAssumptions {
    private ExactPeekAssumptions() {
    }

    /** As {@link Needs#that} for a tool a test runs with (unshare, setpriv; gcc is CProgram's). */
    static void require(boolean ok, String why) {
        Needs.that(ok, Needs.Need.TOOL, why);
    }

    /** The helper the kernel backend would use, after checking it can run here. */
    static Path helper() {
        Needs.root("the exact-peek tests run as root (the helper needs CAP_BPF and CAP_PERFMON)");
        Needs.that(Files.exists(ExactPeek.BTF), Needs.Need.EXACT_PEEK, "the kernel has no BTF (" + ExactPeek.BTF
                + ")");
        Path helper = PeekHelperLocation.find();
        Needs.that(helper != null && Files.isExecutable(helper), Needs.Need.EXACT_PEEK,
                "the mqpeek helper was not built (clang, bpftool and libbpf-dev are needed; see the build output)");
        return helper;
    }
}
