package org.mqscope.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Moving selected messages out of the middle of a queue: the selected ones reach the target in receive order with
 * their priorities, the rest stay in the source in their order; a source that changed since it was read, a target
 * too small or too full, and a bad selection are refused with nothing moved.
 */
abstract class MoveSelectedContract extends MqContract {
    /** Receive order of the source: priority 5 first, then 3, then 1; FIFO within each. */
    private static final String[] BODIES = {"p5-a", "p5-b", "p3-a", "p3-b", "p3-c", "p1-a", "p1-b"};
    private static final int[] PRIORITIES = {5, 5, 3, 3, 3, 1, 1};

    private MqQueue source() throws MqException {
        MqQueue q = mq.open(newName(), RDWR_CREATE | Mq.O_NONBLOCK, 0600, MqAttributes.of(8, 64));
        // lowest priority sent first, so the order checked below is the queue's, not the sending order
        for (int i : new int[] {5, 6, 2, 3, 4, 0, 1}) {
            q.send(bytes(BODIES[i]), PRIORITIES[i]);
        }
        return q;
    }

    private MqQueue target(long maxmsg, long msgsize) throws MqException {
        return mq.open(newName(), RDWR_CREATE | Mq.O_NONBLOCK, 0600, MqAttributes.of(maxmsg, msgsize));
    }

    private static List<MqMessage> receiveOrder() {
        List<MqMessage> out = new ArrayList<>();
        for (int i = 0; i < BODIES.length; i++) {
            out.add(new MqMessage(bytes(BODIES[i]), PRIORITIES[i]));
        }
        return out;
    }

    private static List<String> drain(MqQueue q) throws MqException {
        List<String> out = new ArrayList<>();
        for (;;) {
            try {
                MqMessage m = q.receive();
                out.add(new String(m.body(), StandardCharsets.UTF_8) + "@" + m.priority());
            } catch (MqException e) {
                if (e.errno() == Errno.EAGAIN) {
                    return out;
                }
                throw e;
            }
        }
    }

    @Test
    void movesMessagesFromTheMiddleKeepingTheRestInOrder() throws MqException {
        try (MqQueue src = source(); MqQueue dst = target(8, 64)) {
            dst.send(bytes("already-there"), 4);
            MoveResult r = mq.moveSelected(src.name(), dst.name(),
                    MessageRef.select(receiveOrder(), new int[] {6, 1, 3}));
            assertThat(r.moved()).isEqualTo(3);
            assertThat(r.stopped()).isNull();
            assertThat(r.kept()).isZero();
            assertThat(drain(src)).containsExactly("p5-a@5", "p3-a@3", "p3-c@3", "p1-a@1");
            // sent in receive order, each placed by its priority among what the target held
            assertThat(drain(dst)).containsExactly("p5-b@5", "already-there@4", "p3-b@3", "p1-b@1");
        }
    }

    @Test
    void movesTheWholeQueueOrASingleLastMessage() throws MqException {
        try (MqQueue src = source(); MqQueue dst = target(8, 64)) {
            assertThat(mq.moveSelected(src.name(), dst.name(), MessageRef.select(receiveOrder(), new int[] {6}))
                    .moved()).isEqualTo(1);
            List<MqMessage> rest = receiveOrder().subList(0, 6);
            assertThat(mq.moveSelected(src.name(), dst.name(),
                    MessageRef.select(rest, new int[] {0, 1, 2, 3, 4, 5})).moved()).isEqualTo(6);
            assertThat(drain(src)).isEmpty();
            assertThat(drain(dst)).containsExactly("p5-a@5", "p5-b@5", "p3-a@3", "p3-b@3", "p3-c@3", "p1-b@1",
                    "p1-a@1");
        }
    }

    @Test
    void aSourceChangedSinceItWasReadIsRefusedWithEverythingBackInPlace() throws MqException {
        try (MqQueue src = source(); MqQueue dst = target(8, 64)) {
            List<MessageRef> sel = MessageRef.select(receiveOrder(), new int[] {2, 4});
            MqMessage first = src.receive(); // another process took the head meanwhile: every place shifted
            assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("p5-a");
            assertThatThrownBy(() -> mq.moveSelected(src.name(), dst.name(), sel))
                    .isInstanceOfSatisfying(MqException.class, e -> {
                        assertThat(e.errno()).isEqualTo(Errno.ESTALE);
                        assertThat(e.detail()).contains("message 2").contains("changed since it was read")
                                .contains("nothing was moved");
                    });
            assertThat(drain(dst)).isEmpty();
            assertThat(drain(src)).containsExactly("p5-b@5", "p3-a@3", "p3-b@3", "p3-c@3", "p1-a@1", "p1-b@1");
        }
    }

    @Test
    void aMessageReplacedBySameSizeAndPriorityIsNoticedByItsBody() throws MqException {
        try (MqQueue src = mq.open(newName(), RDWR_CREATE | Mq.O_NONBLOCK, 0600, MqAttributes.of(4, 64));
             MqQueue dst = target(4, 64)) {
            src.send(bytes("aaaa"), 1);
            src.send(bytes("bbbb"), 1);
            List<MessageRef> sel = MessageRef.select(List.of(new MqMessage(bytes("aaaa"), 1),
                    new MqMessage(bytes("bbbb"), 1)), new int[] {1});
            src.receive();
            src.send(bytes("cccc"), 1); // same count, sizes and priorities: only the body tells
            assertThatThrownBy(() -> mq.moveSelected(src.name(), dst.name(), sel))
                    .isInstanceOfSatisfying(MqException.class, e -> {
                        assertThat(e.errno()).isEqualTo(Errno.ESTALE);
                        assertThat(e.detail()).contains("other contents");
                    });
            assertThat(drain(src)).containsExactly("bbbb@1", "cccc@1");
        }
    }

    @Test
    void refusesBeforeTakingAnythingWhenTheTargetCannotTakeTheSelection() throws MqException {
        try (MqQueue src = source(); MqQueue small = target(8, 4); MqQueue tight = target(2, 64)) {
            List<MessageRef> sel = MessageRef.select(receiveOrder(), new int[] {1, 3, 5});
            String before = src.readStatus();
            assertThatThrownBy(() -> mq.moveSelected(src.name(), small.name(), List.of(MessageRef.of(5,
                    new MqMessage(bytes("p1-a-long"), 1))))).isInstanceOfSatisfying(MqException.class, e -> {
                        assertThat(e.errno()).isEqualTo(Errno.EMSGSIZE);
                        assertThat(e.detail()).contains("message 5").contains("4 bytes");
                    });
            assertThatThrownBy(() -> mq.moveSelected(src.name(), tight.name(), sel))
                    .isInstanceOfSatisfying(MqException.class, e -> {
                        assertThat(e.errno()).isEqualTo(Errno.EAGAIN);
                        assertThat(e.detail()).contains("room for 2 of the 3");
                    });
            assertThat(errnoOf(() -> mq.moveSelected(src.name(), src.name(), sel))).isEqualTo(Errno.EINVAL);
            assertThat(errnoOf(() -> mq.moveSelected(src.name(), tight.name(), List.of()))).isEqualTo(Errno.EINVAL);
            assertThat(errnoOf(() -> mq.moveSelected(src.name(), tight.name(),
                    List.of(sel.get(0), sel.get(0))))).isEqualTo(Errno.EINVAL);
            assertThat(errnoOf(() -> mq.moveSelected(src.name(), tight.name(), List.of(MessageRef.of(7,
                    new MqMessage(bytes("x"), 1)))))).isEqualTo(Errno.ESTALE);
            assertThat(errnoOf(() -> mq.moveSelected(src.name(), "/no-such-queue-move", sel)))
                    .isEqualTo(Errno.ENOENT);
            assertThat(src.readStatus()).isEqualTo(before);
            assertThat(drain(src)).hasSize(7);
        }
    }

    /** Stops when {@code after} messages of the selection have gone (0: before any); records the steps. */
    private static final class StopAfter implements MoveProgress {
        private final int after;
        private long drained = -1;
        private long lastDone;
        private long lastTotal;

        StopAfter(int after) {
            this.after = after;
        }

        @Override
        public void step(long done, long total) {
            if (drained < 0) {
                drained = done; // the first step: the drain is done
            }
            lastDone = done;
            lastTotal = total;
        }

        @Override
        public boolean cancelled() {
            return drained >= 0 && lastDone - drained >= after;
        }
    }

    @Test
    void aCancelledMovePutsBackWhatHadNotMovedYet() throws MqException {
        try (MqQueue src = source(); MqQueue dst = target(8, 64)) {
            StopAfter before = new StopAfter(0);
            MoveResult none = mq.moveSelected(src.name(), dst.name(),
                    MessageRef.select(receiveOrder(), new int[] {1, 3, 6}), before);
            assertThat(none.moved()).isZero();
            assertThat(none.stopped()).contains("cancelled before anything moved");
            assertThat(before.drained).isEqualTo(7);
            assertThat(before.lastDone).as("the last step is the end").isEqualTo(before.lastTotal).isEqualTo(14);
            assertThat(dst.getAttributes().currentMessages()).isZero();

            MoveResult one = mq.moveSelected(src.name(), dst.name(),
                    MessageRef.select(receiveOrder(), new int[] {1, 3, 6}), new StopAfter(1));
            assertThat(one.moved()).isEqualTo(1);
            assertThat(one.stopped()).contains("cancelled after 1 had moved");
            assertThat(drain(dst)).containsExactly("p5-b@5");
            assertThat(drain(src)).containsExactly("p5-a@5", "p3-a@3", "p3-b@3", "p3-c@3", "p1-a@1", "p1-b@1");
        }
    }
}
