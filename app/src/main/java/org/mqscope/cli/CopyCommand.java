package org.mqscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MoveResult;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.transfer.Copier;
import org.mqscope.transfer.Importer;
import org.mqscope.transfer.TransferRefused;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mqscope copy SRC DST [--move]}. */
@Command(name = "copy", description = {"Copy every message of SRC to the end of DST, in receive order; SRC keeps its "
        + "messages (read like peek: exact, or drain and restore with --allow-drain). Checked first as import is.",
        "With --move the messages leave SRC, each only once it is safe: on the kernel every message is journaled "
                + "between SRC and DST, so a crash loses nothing and doubles nothing (mqscope --recover sends "
                + "what the journal holds on to DST). Needs DST's msgsize at least SRC's; stops when DST is full."})
final class CopyCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "SRC", description = "The queue to copy from.")
    String source;

    @Parameters(index = "1", paramLabel = "DST", description = "The queue to copy to (it must exist).")
    String target;

    @Option(names = "--move", description = "Take the messages out of SRC (see above).")
    boolean move;

    @Option(names = "--count", paramLabel = "N", description = "With --move: at most N messages (default: all).")
    Long count;

    @Option(names = "--allow-drain", description = "Copy: without an exact peek, read SRC by drain and restore.")
    boolean allowDrain;

    @Option(names = "--json", description = "Report as JSON: {\"from\":..., \"to\":..., \"copied\"|\"moved\": N}.")
    boolean json;

    @Override
    protected String subject() {
        return source;
    }

    @Override
    protected int run(MqBackend backend) throws MqException, TransferRefused, IOException {
        if (count != null && (!move || count < 0)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--count applies to --move and must not be negative");
        }
        if (move) {
            MoveResult r = backend.move(source, target, count == null ? Long.MAX_VALUE : count);
            summary("moved", r.moved());
            if (r.kept() > 0) {
                return report(source, Errno.EAGAIN.name() + ": " + r.kept() + " taken from " + source
                        + " wait in " + r.journal() + " for room in " + target + "; mqscope --recover sends them on");
            }
            if (r.stopped() != null) {
                note("stopped: " + r.stopped());
            }
            return Cli.EXIT_OK;
        }
        Importer.Result r = Copier.copy(backend, source, target, allowDrain, this::note, (d, t) -> { }, () -> false);
        summary("copied", r.sent());
        return r.complete() ? Cli.EXIT_OK : report(target, r.describe(target).replaceFirst("^line ", "message "));
    }

    private void summary(String verb, long n) throws IOException {
        if (json) {
            try (JsonGenerator g = json()) {
                g.writeStartObject();
                g.writeStringField("from", source);
                g.writeStringField("to", target);
                g.writeNumberField(verb, n);
                g.writeEndObject();
            }
            out().println();
        } else {
            out().println(verb + " " + n + (n == 1 ? " message" : " messages") + " from " + source + " to " + target);
        }
    }
}
