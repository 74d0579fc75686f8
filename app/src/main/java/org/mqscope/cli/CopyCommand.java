package org.mqscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MessageRef;
import org.mqscope.mq.MoveResult;
import org.mqscope.mq.MoveRules;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.transfer.Copier;
import org.mqscope.transfer.Importer;
import org.mqscope.transfer.QueueReading;
import org.mqscope.transfer.TransferRefused;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mqscope copy SRC DST [--move] [--index N[,N...]]}. */
@Command(name = "copy", description = {"Copy every message of SRC to the end of DST, in receive order; SRC keeps its "
        + "messages (read like peek: exact, or drain and restore with --allow-drain). Checked first as import is.",
        "With --move the messages leave SRC, each only once it is safe: on the kernel every message is journaled "
                + "between SRC and DST, so a crash loses nothing and doubles nothing (mqscope --recover sends "
                + "what the journal holds on to DST). Needs DST's msgsize at least SRC's; stops when DST is full.",
        "With --index only the messages at those places go. --move --index takes them out of the middle of SRC "
                + "by a drain and restore that skips them (every message received, the others sent back in their "
                + "order; others can see SRC empty or partly filled meanwhile, and a registered notification "
                + "fires), so it needs --allow-drain; journaled on the kernel, and refused (ESTALE) when SRC "
                + "changed between reading it and the move."})
final class CopyCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "SRC", description = "The queue to copy from.")
    String source;

    @Parameters(index = "1", paramLabel = "DST", description = "The queue to copy to (it must exist).")
    String target;

    @Option(names = "--move", description = "Take the messages out of SRC (see above).")
    boolean move;

    @Option(names = "--count", paramLabel = "N", description = "With --move: at most N messages (default: all).")
    Long count;

    @Option(names = "--index", split = ",", splitSynopsisLabel = ",", paramLabel = "N", description = "Only the messages at these "
            + "places of SRC, 0 = the next one mq_receive would return (as in peek --index); they reach DST in "
            + "receive order.")
    List<Long> indexes;

    @Option(names = "--allow-drain", description = "Read SRC by drain and restore when there is no exact peek; "
            + "with --move --index, move out of the middle of SRC by drain and restore (see above).")
    boolean allowDrain;

    @Option(names = "--json", description = "Report as JSON: {\"from\":..., \"to\":..., \"copied\"|\"moved\": N}.")
    boolean json;

    @Override
    protected String subject() {
        return source;
    }

    @Override
    protected int run(MqBackend backend) throws MqException, TransferRefused, IOException {
        if (count != null && (!move || count < 0 || indexes != null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--count applies to --move without --index and must not be negative");
        }
        if (indexes != null) {
            return selected(backend);
        }
        if (move) {
            return moved(backend.move(source, target, count == null ? Long.MAX_VALUE : count));
        }
        Importer.Result r = Copier.copy(backend, source, target, allowDrain, this::note, (d, t) -> { }, () -> false);
        summary("copied", r.sent());
        return r.complete() ? Cli.EXIT_OK : report(target, r.describe(target).replaceFirst("^line ", "message "));
    }

    /** --index: read SRC, pick the messages, then copy them or move them out of wherever they are. */
    private int selected(MqBackend backend) throws MqException, TransferRefused, IOException {
        int[] places = indexes.stream().distinct().sorted().mapToInt(i -> {
            if (i < 0 || i > Integer.MAX_VALUE) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--index " + i + ": a place in the queue, 0 or more");
            }
            return (int) (long) i;
        }).toArray();
        if (move && !allowDrain) { // said before anything is read, as peek does
            throw new TransferRefused(source, MoveRules.selectionDrain(source) + "; add --allow-drain to accept"
                    + " that");
        }
        List<MqMessage> all = QueueReading.read(backend, source, allowDrain, this::note).messages();
        int last = places[places.length - 1];
        if (last >= all.size()) {
            throw new MqException(Errno.ENOENT, move ? "move" : "copy", source, "--index " + last + " but the queue"
                    + " holds " + all.size() + (all.size() == 1 ? " message" : " messages"));
        }
        if (move) {
            note("moving " + places.length + " of " + source + " to " + target + ": " + MoveRules.selectionDrain(source)
                    + " (on the kernel every step is journaled: mqscope --recover finishes or undoes what a crash"
                    + " interrupts)");
            return moved(backend.moveSelected(source, target, MessageRef.select(all, places)));
        }
        List<MqMessage> chosen = java.util.Arrays.stream(places).mapToObj(all::get).toList();
        long[] numbers = java.util.Arrays.stream(places).mapToLong(p -> p + 1L).toArray();
        Importer.Result r = Copier.copyMessages(backend, chosen, numbers, target, (d, t) -> { }, () -> false);
        summary("copied", r.sent());
        return r.complete() ? Cli.EXIT_OK : report(target, r.describe(target).replaceFirst("^line ", "message "));
    }

    private int moved(MoveResult r) throws IOException {
        summary("moved", r.moved());
        if (r.kept() > 0) {
            return report(source, Errno.EAGAIN.name() + ": " + r.kept() + " taken from " + source + " wait in "
                    + r.journal() + (indexes == null ? " for room in " + target + "; mqscope --recover sends them on"
                    : " for room in " + source + "; mqscope --recover puts them back"));
        }
        if (r.stopped() != null) {
            note("stopped: " + r.stopped());
        }
        return Cli.EXIT_OK;
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
