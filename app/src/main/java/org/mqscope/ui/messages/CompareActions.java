package org.mqscope.ui.messages;

import org.mqscope.ui.core.Preview;
import org.mqscope.find.Comparison;
import org.mqscope.find.Comparison.Change;
import org.mqscope.find.Comparison.Row;
import org.mqscope.find.MessageComparison;
import org.mqscope.find.SnapshotDiff;
import org.mqscope.mq.MqMessage;
import org.mqscope.ui.core.ErrorText;
import org.mqscope.ui.core.IoExecutor;

import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Compare (two selected messages), Pin (remember the queue's rows as they are now) and Compare with Pinned (what
 * arrived, left and stayed since). The comparisons are computed on mq-io and shown in a {@link CompareDialog}.
 */
final class CompareActions {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** A pinned snapshot: whose, what, and when (wall clock, for the dialog's headline). */
    record Pinned(String queue, List<MqMessage> messages, LocalTime at) {
    }

    private final MessageTablePanel panel;
    private final IoExecutor io;
    private final JButton compare = button("Compare", "compare",
            "Compare the two selected messages side by side (select two rows with Ctrl+click)");
    private final JButton pin = button("Pin", "pin", "Remember this queue's messages as they are now, to compare "
            + "with later");
    private final JButton comparePinned = button("Compare with Pinned", "comparePinned",
            "Which messages arrived, left and stayed since the pinned snapshot");
    private Pinned pinned;
    private Consumer<CompareDialog> opened = d -> { };

    CompareActions(MessageTablePanel panel, IoExecutor io) {
        this.panel = panel;
        this.io = io;
        compare.addActionListener(e -> compareSelected());
        pin.addActionListener(e -> pin());
        comparePinned.addActionListener(e -> compareWithPinned());
        update();
    }

    private static JButton button(String text, String id, String tip) {
        JButton b = new JButton(text);
        b.setName("find." + id);
        b.setToolTipText(tip);
        b.putClientProperty("JButton.buttonType", "toolBarButton");
        b.setFocusable(false);
        return b;
    }

    List<JComponent> buttons() {
        return List.of(compare, pin, comparePinned);
    }

    /** Selection or rows changed: which buttons apply now. */
    void update() {
        compare.setEnabled(panel.selectedModelRows().length == 2);
        String q = panel.currentQueue();
        pin.setEnabled(q != null && panel.model().getRowCount() > 0);
        comparePinned.setEnabled(pinned != null && pinned.queue().equals(q));
        comparePinned.setToolTipText(pinned == null ? "Pin a snapshot first"
                : "Compare with the " + pinned.messages().size() + " messages of " + pinned.queue() + " pinned at "
                + pinned.at().format(CLOCK));
    }

    /** Tests hear of each dialog opened. */
    void onOpened(Consumer<CompareDialog> listener) {
        opened = listener;
    }

    Pinned pinned() {
        return pinned;
    }

    void pin() {
        String q = panel.currentQueue();
        if (q == null) {
            return;
        }
        pinned = new Pinned(q, panel.model().messages(), LocalTime.now(ZoneId.systemDefault()));
        panel.setInfo("Pinned " + pinned.messages().size() + " messages of " + q + " at " + pinned.at().format(CLOCK)
                + ": Compare with Pinned shows what changed since");
        update();
    }

    void compareSelected() {
        int[] rows = panel.selectedModelRows();
        if (rows.length != 2) {
            return;
        }
        MqMessage left = panel.model().messageAt(rows[0]);
        MqMessage right = panel.model().messageAt(rows[1]);
        String title = "Compare #" + rows[0] + " and #" + rows[1];
        String headline = "#" + rows[0] + " (priority " + left.priority() + ", " + left.size() + " bytes)   ⟷   #"
                + rows[1] + " (priority " + right.priority() + ", " + right.size() + " bytes)";
        io.run(() -> MessageComparison.of(left.body(), right.body()), c -> open(title, headline, c),
                failure -> panel.setInfo("Cannot compare: " + ErrorText.explain(failure).headline()));
    }

    void compareWithPinned() {
        Pinned p = pinned;
        String q = panel.currentQueue();
        if (p == null || !p.queue().equals(q)) {
            return;
        }
        List<MqMessage> now = panel.model().messages();
        String headline = q + ": pinned at " + p.at().format(CLOCK) + " (" + p.messages().size() + " messages) ⟷ now ("
                + now.size() + ")";
        io.run(() -> snapshotComparison(p.messages(), now), c -> open("Compare " + q + " with Pinned", headline, c),
                failure -> panel.setInfo("Cannot compare: " + ErrorText.explain(failure).headline()));
    }

    /** The snapshot diff as rows: what left (pinned order), what arrived and what stayed (receive order now). */
    static Comparison snapshotComparison(List<MqMessage> before, List<MqMessage> now) {
        SnapshotDiff d = SnapshotDiff.of(before, now);
        List<Row> rows = new ArrayList<>();
        for (int i : d.left()) {
            rows.add(row(Change.REMOVED, "Left", Integer.toString(i), "", before.get(i)));
        }
        for (int j : d.arrived()) {
            rows.add(row(Change.ADDED, "Arrived", "", Integer.toString(j), now.get(j)));
        }
        for (int[] pair : d.stayed()) {
            rows.add(row(Change.SAME, "Stayed", Integer.toString(pair[0]), Integer.toString(pair[1]),
                    now.get(pair[1])));
        }
        return new Comparison(Comparison.Kind.SNAPSHOT, List.of("Change", "# pinned", "# now", "Priority", "Size",
                "Preview"), rows, d.summary(), null);
    }

    private static Row row(Change c, String what, String before, String now, MqMessage m) {
        return new Row(c, List.of(what, before, now, Integer.toString(m.priority()), Integer.toString(m.size()),
                Preview.of(m.body())));
    }

    private void open(String title, String headline, Comparison c) {
        assert SwingUtilities.isEventDispatchThread();
        CompareDialog d = new CompareDialog(SwingUtilities.getWindowAncestor(panel), title, headline, c);
        d.setVisible(true);
        opened.accept(d);
    }
}
