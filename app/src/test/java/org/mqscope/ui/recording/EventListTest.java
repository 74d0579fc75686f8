package org.mqscope.ui.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import javax.swing.event.TableModelEvent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mqscope.find.Filter;
import org.mqscope.mq.Errno;
import org.mqscope.mq.QueueEvent;
import org.mqscope.mq.RecordedEvent;
import org.mqscope.threads.Workers;
import org.mqscope.ui.core.Edt;

/**
 * The recording window's event list without a window: memory keeps the last N events and their rows leave the
 * top; a filter looks at each event once, follows new ones, and forgets matches that fell out of memory;
 * {@code size:} is the whole message's size even when only its first bytes were recorded.
 */
class EventListTest {
    private final ExecutorService background = Workers.single(Workers.Intent.RECORDING);

    @AfterEach
    void stop() throws InterruptedException {
        background.shutdown();
        assertThat(background.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void memoryKeepsTheLastEventsAndTheirRowsLeaveTheTop() {
        EventTableModel model = Edt.call(() -> new EventTableModel(new EventLog(5)));
        List<String> notes = new ArrayList<>();
        Edt.run(() -> model.addTableModelListener(e -> notes.add(type(e) + " " + e.getFirstRow() + ".."
                + e.getLastRow())));
        Edt.run(() -> model.append(events(0, 3)));
        Edt.run(() -> model.append(events(3, 4)));
        assertThat(notes).containsExactly("insert 0..2", "delete 0..1", "insert 1..4");
        assertThat(Edt.call(model::getRowCount)).isEqualTo(5);
        assertThat(Edt.call(() -> model.getValueAt(0, EventTableModel.Column.SEQ.ordinal()))).isEqualTo(3L);
        assertThat(Edt.call(() -> model.log().dropped())).isEqualTo(2);
        assertThat(Edt.call(() -> model.getValueAt(4, EventTableModel.Column.PREVIEW.ordinal())))
                .isEqualTo("msg 6 (first 5 B)");
        assertThat(Edt.call(() -> model.getValueAt(4, EventTableModel.Column.RESULT.ordinal())))
                .isEqualTo("EAGAIN");
    }

    @Test
    void aFilterFollowsNewEventsAndForgetsWhatMemoryDropped() throws Exception {
        EventTableModel model = Edt.call(() -> new EventTableModel(new EventLog(6)));
        List<String> problems = new ArrayList<>();
        EventFilter filter = Edt.call(() -> new EventFilter(model, background, problems::add, () -> { }));
        Edt.run(() -> model.append(events(0, 4)));
        Edt.run(() -> filter.apply(Filter.parse("prio:2").filter()));
        awaitRows(model, 2); // events 0 and 2 have priority 2
        Edt.run(() -> {
            model.append(events(4, 4)); // 8 in all, 6 kept: events 0 and 1 fall out
            filter.eventsAdded();
        });
        awaitRows(model, 3); // 2, 4, 6
        assertThat(Edt.call(() -> model.shown().stream().map(e -> e.event().seq()).toList()))
                .containsExactly(3L, 5L, 7L);
        Edt.run(() -> filter.apply(Filter.parse("size:>100").filter())); // the whole size, not the 5 bytes kept
        awaitRows(model, 6);
        Edt.run(() -> filter.apply(Filter.parse("\"msg 7\"").filter()));
        awaitRows(model, 1);
        Edt.run(() -> filter.apply(Filter.NONE));
        awaitRows(model, 6); // no find terms, but mqscope's own calls are still looked for
        Edt.run(() -> filter.hideOwnCalls(false));
        assertThat(Edt.call(model::getRowCount)).isEqualTo(6); // nothing to look for: every kept row at once
        assertThat(problems).isEmpty();
    }

    @Test
    void mqscopesOwnCallsAreHiddenUnlessAskedFor() throws Exception {
        EventTableModel model = Edt.call(() -> new EventTableModel(new EventLog(100)));
        EventFilter filter = Edt.call(() -> new EventFilter(model, background, p -> { }, () -> { }));
        long self = ProcessHandle.current().pid();
        List<RecordedEvent> batch = new ArrayList<>(events(0, 2));
        batch.add(call(self, "mq-sampler", "mq_open"));   // the window's sampler
        batch.add(call(self + 1, "mqpeek", "mq_open"));   // the exact peek's helper
        batch.add(call(self, "main", "mq_timedsend"));    // this process, but not one of mqscope's threads
        Edt.run(() -> {
            model.append(batch);
            filter.hideOwnCalls(true);
        });
        awaitRows(model, 3);
        assertThat(Edt.call(() -> model.shown().stream().map(e -> e.event().actor()).toList()))
                .containsExactly("producer", "producer", "main");
        Edt.run(() -> filter.hideOwnCalls(false));
        assertThat(Edt.call(model::getRowCount)).isEqualTo(5);
    }

    private static RecordedEvent call(long pid, String comm, String call) {
        return new RecordedEvent(new QueueEvent(99, Instant.EPOCH, comm, pid, pid, QueueEvent.Kind.CALL, call, "/q", -1,
                -1, 0, null, ""), new byte[0], 0, 1);
    }

    /** Waits for the filter's runs to settle on {@code rows} rows (they run on the background thread). */
    private void awaitRows(EventTableModel model, int rows) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Edt.call(model::getRowCount) != rows) {
            assertThat(System.nanoTime()).as("waited for " + rows + " rows").isLessThan(deadline);
            Thread.sleep(10); // polls the EDT's view of the model, as GuiWindow.eventually does
        }
    }

    private static String type(TableModelEvent e) {
        return switch (e.getType()) {
            case TableModelEvent.INSERT -> "insert";
            case TableModelEvent.DELETE -> "delete";
            default -> "update";
        };
    }

    /**
     * {@code n} events from {@code first}: event i is a send at priority (i % 2 == 0 ? 2 : 1) of a 200-byte
     * message of which "msg i" (5 bytes) was recorded; every 7th fails with EAGAIN.
     */
    static List<RecordedEvent> events(int first, int n) {
        List<RecordedEvent> out = new ArrayList<>();
        for (int i = first; i < first + n; i++) {
            QueueEvent e = new QueueEvent(i + 1, Instant.EPOCH.plusSeconds(i), "producer", 42, 42,
                    QueueEvent.Kind.CALL, "mq_timedsend", "/q", i % 2 == 0 ? 2 : 1, 200, 0,
                    i % 7 == 6 ? Errno.EAGAIN : null, "");
            out.add(new RecordedEvent(e, ("msg " + i).getBytes(StandardCharsets.US_ASCII), i * 1000L, i * 1000L + 5));
        }
        return out;
    }
}
