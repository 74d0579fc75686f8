package org.mqscope;

import java.io.PrintStream;

import org.mqscope.mq.JournalRecovery;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.RecoveryReport;

/**
 * {@code mqscope --recover}: finish interrupted kernel peeks, moves and recreates from their journals, say what
 * happened, exit.
 */
final class RecoverCommand {
    static final int EXIT_OK = 0;
    /** Something is still kept in a journal, or the kernel backend could not start. */
    static final int EXIT_KEPT = 1;

    private RecoverCommand() {
    }

    static int run(boolean includeInDoubt, PrintStream out, PrintStream err) {
        try (MqBackend kernel = MqBackends.kernel()) {
            if (!(kernel instanceof JournalRecovery recovery)) {
                err.println("mqscope: the kernel backend keeps no journals");
                return EXIT_KEPT;
            }
            RecoveryReport report = recovery.recover(includeInDoubt);
            if (report.entries().isEmpty()) {
                out.println("mqscope: no interrupted peek, move or recreate to recover");
                return EXIT_OK;
            }
            report.describe().forEach(line -> out.println("mqscope: " + line));
            return report.complete() ? EXIT_OK : EXIT_KEPT;
        } catch (MqException e) {
            err.println("mqscope: cannot recover: " + e.getMessage());
            return EXIT_KEPT;
        }
    }
}
