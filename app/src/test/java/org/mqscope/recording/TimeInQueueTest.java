package org.mqscope.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mqscope.recording.Events.failedReceive;
import static org.mqscope.recording.Events.failedSend;
import static org.mqscope.recording.Events.receive;
import static org.mqscope.recording.Events.send;
import static org.mqscope.recording.Events.sendBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.RecordedEvent;
import org.mqscope.recording.Match.Origin;

/** Time in queue from hand-built event streams (times in µs of CLOCK_MONOTONIC; see {@link Events}). */
class TimeInQueueTest {
    private static final String Q = "/orders";
    private final List<Match> matches = new ArrayList<>();

    private TimeInQueue startingWith(long startMicros, long endMicros, MqMessage... queued) {
        return new TimeInQueue(Map.of(Q, new QueueSnapshot("exact peek", RecordingFilesTest.T0, startMicros * 1000,
                endMicros * 1000, List.of(queued))), matches::add);
    }

    private TimeInQueue emptyAtStart() {
        return startingWith(0, 1);
    }

    private static MqMessage msg(String body, int priority) {
        return new MqMessage(body.getBytes(StandardCharsets.UTF_8), priority);
    }

    private String describe(Match m) {
        String body = new String(m.receive().payload(), StandardCharsets.UTF_8);
        return body + " " + m.origin() + " " + (m.hasLatency() ? m.latencyNanos() / 1000 + "us" : "?")
                + (m.uncertain() ? " uncertain" : "");
    }

    private List<String> described() {
        return matches.stream().map(this::describe).toList();
    }

    @Test
    void aHigherPriorityOvertakesAndEachMessageGetsItsOwnSend() {
        TimeInQueue t = emptyAtStart();
        t.event(send(1, Q, 10, 1, "A"));
        t.event(send(2, Q, 20, 5, "B"));
        t.event(send(3, Q, 30, 1, "C"));
        t.event(receive(4, Q, 40, 5, "B"));
        t.event(receive(5, Q, 50, 1, "A"));
        t.event(receive(6, Q, 60, 1, "C"));
        t.finish();
        assertThat(described()).containsExactly("B SENT 20us", "A SENT 40us", "C SENT 30us");
        assertThat(matches.get(1).send().event().seq()).isEqualTo(1);
        assertThat(matches.get(1).send().event().pid()).isEqualTo(Events.SENDER);
        assertThat(t.stillQueued(Q)).isZero();
        assertThat(t.certain(Q)).isTrue();
    }

    @Test
    void equalPayloadsOfOnePriorityLeaveInFifoOrder() {
        TimeInQueue t = emptyAtStart();
        t.event(send(1, Q, 10, 0, "same"));
        t.event(send(2, Q, 20, 0, "same"));
        t.event(receive(3, Q, 25, 0, "same"));
        t.event(receive(4, Q, 50, 0, "same"));
        assertThat(described()).containsExactly("same SENT 15us", "same SENT 30us");
        assertThat(matches.get(0).send().event().seq()).isEqualTo(1);
    }

    @Test
    void messagesQueuedAtTheStartHaveNoSendTimeAndComeFirstInTheirPriority() {
        TimeInQueue t = startingWith(0, 1, msg("X", 7), msg("Y", 0));
        assertThat(t.stillQueued(Q)).isEqualTo(2);
        t.event(send(1, Q, 10, 7, "Z"));
        t.event(receive(2, Q, 20, 7, "X"));
        t.event(receive(3, Q, 30, 7, "Z"));
        t.event(receive(4, Q, 40, 0, "Y"));
        t.finish();
        assertThat(described()).containsExactly("X QUEUED_AT_START ?", "Z SENT 20us", "Y QUEUED_AT_START ?");
        assertThat(t.stillQueued(Q)).isZero();
    }

    @Test
    void sendsThatReturnedBeforeTheSnapshotGiveItsLastMessagesTheirSend() {
        // the recorder started, A and B were sent, then the snapshot (50..60 µs) found W (older), A and B
        TimeInQueue t = startingWith(50, 60, msg("W", 3), msg("A", 3), msg("B", 3));
        t.event(send(1, Q, 10, 3, "A"));
        t.event(send(2, Q, 20, 3, "B"));
        t.event(receive(3, Q, 100, 3, "W"));
        t.event(receive(4, Q, 110, 3, "A"));
        t.event(receive(5, Q, 120, 3, "B"));
        assertThat(described()).containsExactly("W QUEUED_AT_START ?", "A SENT 100us", "B SENT 100us");
    }

    @Test
    void aCallDuringTheSnapshotMakesTheMatchesUncertainUntilTheQueueIsSeenEmpty() {
        TimeInQueue t = startingWith(50, 60);
        t.event(send(1, Q, 55, 0, "A")); // in the snapshot or not: cannot tell
        t.event(receive(2, Q, 70, 0, "A"));
        t.event(failedReceive(3, Q, 80, Errno.EAGAIN));
        t.event(send(4, Q, 90, 0, "B"));
        t.event(receive(5, Q, 95, 0, "B"));
        assertThat(described()).containsExactly("A SENT 15us uncertain", "B SENT 5us");
    }

    @Test
    void failedCallsMoveNothing() {
        TimeInQueue t = emptyAtStart();
        t.event(failedSend(1, Q, 10, 0, "refused", Errno.EAGAIN));
        t.event(send(2, Q, 20, 0, "kept"));
        t.event(failedReceive(3, Q, 25, Errno.EBADF));
        t.event(receive(4, Q, 30, 0, "kept"));
        assertThat(described()).containsExactly("kept SENT 10us");
        assertThat(t.stillQueued(Q)).isZero();
    }

    @Test
    void aReceiverThatReturnsBeforeItsSenderIsMatchedWithZeroTimeInTheQueue() {
        TimeInQueue t = emptyAtStart();
        t.event(receive(1, Q, 100, 4, "direct")); // woken by the send below, it returned first
        assertThat(matches).isEmpty();
        t.event(send(2, Q, 102, 4, "direct"));
        assertThat(described()).containsExactly("direct SENT 0us");
        assertThat(matches.get(0).uncertain()).isFalse();
    }

    @Test
    void twoSendersReturningTheOtherWayRoundAreMatchedByPayload() {
        TimeInQueue t = emptyAtStart();
        t.event(sendBy(300, 1, Q, 10, 0, "from 300"));
        t.event(sendBy(301, 2, Q, 11, 0, "from 301"));
        t.event(receive(3, Q, 20, 0, "from 301")); // 301 took the lock first but returned last
        t.event(receive(4, Q, 30, 0, "from 300"));
        assertThat(described()).containsExactly("from 301 SENT 9us", "from 300 SENT 20us");
        assertThat(matches.get(0).send().event().pid()).isEqualTo(301);
    }

    @Test
    void afterALossMatchesAreUncertainUntilTheQueueIsSeenEmpty() {
        TimeInQueue t = emptyAtStart();
        t.event(send(1, Q, 10, 0, "A"));
        t.lost(3); // among them, say, the send of "L"
        t.event(send(2, Q, 20, 0, "B"));
        t.event(receive(3, Q, 30, 0, "A"));
        t.event(receive(4, Q, 40, 0, "L")); // its send is gone: the head is the best guess, marked
        t.event(failedReceive(5, Q, 50, Errno.EAGAIN)); // empty: known again
        t.event(send(6, Q, 60, 0, "C"));
        t.event(receive(7, Q, 70, 0, "C"));
        assertThat(described()).containsExactly("A SENT 20us uncertain", "L SENT 20us uncertain", "C SENT 10us");
        assertThat(matches.get(1).send().payload()).isEqualTo("B".getBytes(StandardCharsets.UTF_8));
        assertThat(t.certain(Q)).isTrue();
    }

    @Test
    void aReceiveWhoseSendNeverComesIsNotFoundOnceTheReorderWindowHasPassed() {
        TimeInQueue t = emptyAtStart();
        t.event(receive(1, Q, 10, 0, "ghost"));
        t.event(send(2, Q, 10 + TimeInQueue.REORDER_NANOS / 1000 + 5, 0, "later"));
        assertThat(described()).containsExactly("ghost NOT_FOUND ? uncertain");
        assertThat(t.certain(Q)).as("the queue held something unknown").isFalse();
    }

    @Test
    void withoutASnapshotNothingIsCertainUntilTheQueueIsSeenEmpty() {
        TimeInQueue t = new TimeInQueue(Map.of(), matches::add);
        assertThat(t.certain(Q)).isFalse();
        t.event(send(1, Q, 10, 0, "A"));
        t.event(receive(2, Q, 15, 0, "old")); // a message from before: the only guess is A, marked
        t.event(receive(3, Q, 20, 2, "older"));
        t.finish();
        t.event(failedReceive(4, Q, 30, Errno.ETIMEDOUT));
        t.event(send(5, Q, 40, 0, "B"));
        t.event(receive(6, Q, 45, 0, "B"));
        assertThat(described()).containsExactly("old SENT 5us uncertain", "older NOT_FOUND ? uncertain",
                "B SENT 5us");
    }

    @Test
    void cutPayloadsMatchOnTheirCommonPrefix() {
        TimeInQueue t = startingWith(0, 1, msg("0123456789 whole message", 1));
        t.event(Events.cut(1, Q, 10, 1, "abcdef", 300));
        RecordedEvent got = Events.event(2, Q, 20, Events.RECEIVER, "mq_timedreceive", 1, 24,
                "0123456789".getBytes(StandardCharsets.UTF_8), null);
        t.event(got);
        t.event(Events.event(3, Q, 30, Events.RECEIVER, "mq_timedreceive", 1, 300,
                "abcdef".getBytes(StandardCharsets.UTF_8), null));
        assertThat(described()).containsExactly("0123456789 QUEUED_AT_START ?", "abcdef SENT 20us");
    }

    @Test
    void eachQueueHasItsOwnFifos() {
        TimeInQueue t = new TimeInQueue(Map.of(Q, new QueueSnapshot("exact peek", RecordingFilesTest.T0, 0, 1,
                List.of()), "/b", new QueueSnapshot("exact peek", RecordingFilesTest.T0, 0, 1, List.of())),
                matches::add);
        t.event(send(1, Q, 10, 0, "same"));
        t.event(send(2, "/b", 20, 0, "same"));
        t.event(receive(3, "/b", 30, 0, "same"));
        assertThat(described()).containsExactly("same SENT 10us");
        assertThat(matches.get(0).send().event().queue()).isEqualTo("/b");
        assertThat(t.stillQueued(Q)).isEqualTo(1);
    }
}
