package org.mqscope.monitor.processes;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/** A test that needs root, gcc, unshare or another user: skipped with the reason on a laptop, failed under CI=true. */
final class Prerequisites {
    private Prerequisites() {
    }

    static void require(boolean present, String what) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but this test's prerequisite is missing: " + what);
        }
        Assumptions.abort("skipped: " + what);
    }

    static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }
}
