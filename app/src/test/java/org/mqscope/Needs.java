package org.mqscope;

import static org.assertj.core.api.Assertions.fail;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine: a display, /dev/mqueue with the kernel backend, a child JVM, root. Where it
 * is missing the test is skipped with the reason, except under CI ({@value #FLAG}=1, which .ci/run exports, or
 * CI=true): CI always provides these, so there a missing one is a failure, never a silent skip. Skips that depend
 * on a choice rather than on the machine (a build without a .deb, a capability that lifts a limit) do not come
 * here.
 */
public final class Needs {
    public static final String FLAG = "MQSCOPE_CI";

    /** The kinds of things a test can need. */
    public enum Need {
        DISPLAY("a display"), KERNEL_MQUEUE("the kernel's message queues (/dev/mqueue, mq_open)"),
        CHILD_JVM("a child JVM"), ROOT("root"), TOOL("a command-line tool"),
        EXACT_PEEK("the exact peek (the kernel's BTF and a built mqpeek helper)");

        private final String what;

        Need(String what) {
            this.what = what;
        }
    }

    private Needs() {
    }

    /** True under CI: a missing need fails. */
    public static boolean strict() {
        return "1".equals(System.getenv(FLAG)) || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** {@code need} is missing: skips the test, or fails it under CI. Never returns normally. */
    public static AssertionError missing(Need need, String why) {
        String message = "needs " + need.what + ": " + why;
        if (strict()) {
            fail(message + " (under CI, where it must be present)");
        }
        Assumptions.abort(message);
        throw new AssertionError(message); // not reached: abort throws
    }

    /** Skips (or fails under CI) unless {@code present}. */
    public static void that(boolean present, Need need, String why) {
        if (!present) {
            throw missing(need, why);
        }
    }

    /** A display Swing can open windows on. */
    public static void display() {
        that(!GraphicsEnvironment.isHeadless(), Need.DISPLAY, "Java runs headless; .ci/run provides Xvfb");
        String display = System.getenv("DISPLAY");
        that(display != null && !display.isBlank(), Need.DISPLAY, "DISPLAY is not set; .ci/run provides Xvfb");
    }

    /** Running as root. */
    public static void root(String why) {
        that(isRoot(), Need.ROOT, why);
    }

    /** The effective uid is 0 (what the kernel checks; the user name can say otherwise). */
    public static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0");
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
