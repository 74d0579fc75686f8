package org.mqscope.mq;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@link MqBackend#moveSelected} for a namespace that lives in this process (the emulation), where a crash takes
 * both queues with it and no journal is needed: the same drain-and-restore the kernel backend journals. Every
 * message of the source is received, the selected ones are checked against what was read, sent to the target in
 * receive order, and the rest go back into the source in their order. A selection that no longer matches puts
 * everything back and refuses with ESTALE; a target that fills up meanwhile gets what it took, and the others go
 * back to their places in the source.
 */
final class SelectedMove {
    /** How long the restore waits for room in a source others refill meanwhile. */
    static final Duration RESTORE_PATIENCE = Duration.ofSeconds(5);

    private SelectedMove() {
    }

    static MoveResult run(MqBackend backend, String source, String target, List<MessageRef> selection,
                          MoveProgress progress) throws MqException {
        MoveRules.checkDistinct(source, target);
        List<MessageRef> sorted = sorted(selection);
        try (MqQueue src = backend.open(source, Mq.O_RDWR | Mq.O_NONBLOCK);
             MqQueue dst = backend.open(target, Mq.O_RDWR | Mq.O_NONBLOCK)) {
            MoveRules.checkSelection(sorted, src.getAttributes(), dst.getAttributes(), source, target);
            List<MqMessage> drained = drain(src);
            long total = 2L * drained.size();
            progress.step(drained.size(), total);
            MqException stale = mismatch(sorted, drained, source);
            boolean[] gone = new boolean[drained.size()];
            long moved = 0;
            String stopped = null;
            if (stale == null) {
                for (MessageRef r : sorted) {
                    if (progress.cancelled()) {
                        stopped = MoveRules.cancelled(moved, source);
                        break;
                    }
                    MqMessage m = drained.get((int) r.position());
                    try {
                        dst.send(m.body(), m.priority());
                    } catch (MqException e) {
                        if (e.errno() != Errno.EAGAIN) {
                            stale = e;
                        } else {
                            stopped = MoveRules.full(target, dst.getAttributes());
                        }
                        break;
                    }
                    gone[(int) r.position()] = true;
                    moved++;
                    progress.step(drained.size() + moved, total);
                }
            }
            restore(backend, source, drained, gone);
            progress.step(total, total);
            if (stale != null) {
                throw stale;
            }
            return new MoveResult(moved, stopped, 0, null);
        }
    }

    static List<MessageRef> sorted(List<MessageRef> selection) {
        List<MessageRef> s = new ArrayList<>(selection);
        s.sort(Comparator.comparingLong(MessageRef::position));
        return s;
    }

    /** ESTALE for the first selected message that is not where it was, or null when all are. */
    static MqException mismatch(List<MessageRef> sorted, List<MqMessage> drained, String source) {
        for (MessageRef r : sorted) {
            if (r.position() >= drained.size()) {
                return MoveRules.mismatch(source, r, null);
            }
            MqMessage m = drained.get((int) r.position());
            if (!r.matches(m)) {
                return MoveRules.mismatch(source, r, m);
            }
        }
        return null;
    }

    private static List<MqMessage> drain(MqQueue src) throws MqException {
        List<MqMessage> out = new ArrayList<>();
        for (;;) {
            try {
                out.add(src.receive());
            } catch (MqException e) {
                if (e.errno() == Errno.EAGAIN) {
                    return out;
                }
                throw e;
            }
        }
    }

    /** Sends back what did not leave, in drain order, waiting for room (others may refill the source). */
    private static void restore(MqBackend backend, String source, List<MqMessage> drained, boolean[] gone)
            throws MqException {
        try (MqQueue back = backend.open(source, Mq.O_WRONLY)) {
            for (int i = 0; i < drained.size(); i++) {
                if (gone[i]) {
                    continue;
                }
                MqMessage m = drained.get(i);
                try {
                    back.timedSend(m.body(), m.priority(), Instant.now().plus(RESTORE_PATIENCE));
                } catch (MqException e) {
                    long left = 0;
                    for (int j = i; j < drained.size(); j++) {
                        left += gone[j] ? 0 : 1;
                    }
                    throw new MqException(e.errno(), "move", source, left + " messages could not go back into "
                            + source + " (" + e.errno().name() + ": others kept it full for "
                            + RESTORE_PATIENCE.toSeconds() + " s); an in-process queue keeps no journal to hold them");
                }
            }
        }
    }
}
