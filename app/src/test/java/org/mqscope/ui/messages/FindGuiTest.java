package org.mqscope.ui.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.event.KeyEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.JTable;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JTableFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mqscope.find.Comparison;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqQueue;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.LineView;
import org.mqscope.ui.detail.DetailPanel;
import org.mqscope.ui.window.GuiWindow;

/** The filter bar, highlighting, F3, sorting and the compare dialogs in the real window on the emulation. */
class FindGuiTest {
    static final String QUEUE = "/find-orders";
    /** Receive order is priority first: 9, 7, 5, 5, 3, 1. */
    static final String[] BODIES = {
        "{\"order\":1,\"customer\":{\"tier\":\"gold\"},\"items\":[{\"qty\":3}]}",
        "{\"order\":2,\"customer\":{\"tier\":\"silver\"},\"items\":[{\"qty\":1}]}",
        "plain text: order 3 for a gold customer\nsecond line",
        "plain text: order 4 for a silver customer\nsecond line changed",
        null, // binary, below
        "{\"order\":6,\"customer\":{\"tier\":\"gold\"},\"items\":[{\"qty\":2}],\"rush\":true}",
    };
    static final int[] PRIORITIES = {9, 7, 5, 5, 3, 1};
    static final byte[] BINARY = {0x01, 0x02, (byte) 0xCA, (byte) 0xFE, 0x00, 0x10, 0x11};

    @RegisterExtension
    final GuiWindow gui = new GuiWindow();

    /** A new emulated namespace holding {@link #QUEUE} with the six messages. */
    static MqBackend filledBackend() throws Exception {
        MqBackend b = MqBackends.emulated();
        try (MqQueue q = b.open(QUEUE, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(10, 256))) {
            for (int i = 0; i < BODIES.length; i++) {
                q.send(BODIES[i] == null ? BINARY : BODIES[i].getBytes(StandardCharsets.UTF_8), PRIORITIES[i]);
            }
        }
        return b;
    }

    private FrameFixture openOnQueue() throws Exception {
        MqBackend backend = gui.closeAfter(filledBackend());
        FrameFixture w = gui.open(kind -> backend, BackendKind.EMULATED);
        gui.selectQueue(QUEUE);
        JTable table = w.table("messages.table").target();
        gui.eventually("six rows", () -> table.getRowCount() == 6);
        return w;
    }

    private MessageTablePanel panel() {
        return (MessageTablePanel) gui.robot().finder().findByName(gui.frame(), "messages", MessageTablePanel.class,
                false);
    }

    private void filter(String expression) throws Exception {
        GuiActionRunner.execute(() -> panel().setFilter(expression));
        gui.settle();
    }

    @Test
    void typingFiltersCountsMarksAndUnderlinesErrors() throws Exception {
        FrameFixture w = openOnQueue();
        JTable table = w.table("messages.table").target();
        w.table("messages.table").focus();
        w.table("messages.table").pressAndReleaseKeys(KeyEvent.VK_SLASH); // / goes to the filter
        gui.eventually("focus in the filter", () -> w.textBox("find.field").target().hasFocus());
        gui.robot().enterText("gold");
        gui.eventually("two of six", () -> "3 of 6 match".equals(w.label("find.count").target().getText()));
        assertThat(GuiActionRunner.execute(table::getRowCount)).isEqualTo(3);
        assertThat(GuiActionRunner.execute(() -> modelRows(table))).containsExactly(0, 2, 5);

        // the preview column marks "gold"
        Component c = GuiActionRunner.execute(() -> table.prepareRenderer(table.getCellRenderer(0,
                MessageTableModel.PREVIEW), 0, MessageTableModel.PREVIEW));
        assertThat(c).isInstanceOf(FindRenderer.Overlay.class);
        String preview = (String) GuiActionRunner.execute(() -> table.getValueAt(0, MessageTableModel.PREVIEW));
        var span = ((FindRenderer.Overlay) c).spans().get(0);
        assertThat(preview.substring(span.start(), span.end())).isEqualTo("gold");

        // bad syntax: underlined with the reason; the last good filter stays (set at once: typing it would pass
        // through valid filters such as "gold p", which apply when the typing pauses)
        GuiActionRunner.execute(() -> w.textBox("find.field").target().setText("gold prio:x"));
        gui.eventually("the reason", () -> w.label("find.problem").target().isShowing());
        gui.settle();
        assertThat(w.label("find.problem").target().getText()).isEqualTo("column 11: prio: needs a priority (9), a "
                + "comparison (>=5, <3) or a range (1..4), not 'x'");
        assertThat(GuiActionRunner.execute(() -> panel().filterBar().error().start())).isEqualTo(10);
        assertThat(GuiActionRunner.execute(table::getRowCount)).isEqualTo(3);

        // fixed: applies after the pause
        gui.robot().pressAndReleaseKey(KeyEvent.VK_BACK_SPACE);
        gui.robot().enterText(">=5");
        gui.eventually("gold and prio >= 5", () -> "2 of 6 match".equals(w.label("find.count").target().getText()));
        assertThat(GuiActionRunner.execute(() -> panel().filterBar().problemText())).isNull();

        // Escape clears and gives the table the focus back
        gui.robot().pressAndReleaseKey(KeyEvent.VK_ESCAPE);
        gui.eventually("all rows back", () -> table.getRowCount() == 6);
        assertThat(w.label("find.count").target().getText()).isEqualTo("6 messages");
        assertThat(GuiActionRunner.execute(() -> panel().filterBar().views().recent())).isEmpty();
    }

    @Test
    void theDetailMarksMatchesInTextHexAndJson() throws Exception {
        FrameFixture w = openOnQueue();
        filter("gold");
        w.table("messages.table").selectRows(0);
        gui.settle();
        DetailPanel detail = (DetailPanel) gui.robot().finder().findByName(gui.frame(), "detail", DetailPanel.class,
                false);
        assertThat(GuiActionRunner.execute(() -> marked(detail.view(DetailPanel.TEXT_TAB)))).containsExactly("gold");
        assertThat(GuiActionRunner.execute(() -> marked(detail.view(DetailPanel.JSON_TAB)))).containsExactly("gold");
        assertThat(GuiActionRunner.execute(() -> marked(detail.view(DetailPanel.HEX_TAB))))
                .containsExactly("67", "g", "6f 6c 64", "old"); // bytes 31..34 cross a dump line; hex and ASCII

        filter("hex:CA FE");
        w.table("messages.table").selectRows(0);
        gui.settle();
        assertThat(GuiActionRunner.execute(() -> marked(detail.view(DetailPanel.HEX_TAB)))).containsExactly("ca fe",
                "..");
        filter("$.customer.tier=gold");
        w.table("messages.table").selectRows(1);
        gui.settle();
        assertThat(GuiActionRunner.execute(() -> marked(detail.view(DetailPanel.JSON_TAB))))
                .containsExactly("\"tier\": \"gold\"");
        filter("");
        assertThat(GuiActionRunner.execute(() -> marked(detail.view(DetailPanel.TEXT_TAB)))).isEmpty();
    }

    /** The marked text of every line of a view. */
    private static List<String> marked(LineView v) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.source().lineCount(); i++) {
            String line = v.source().line(i);
            v.marks().of(i, line).forEach(s -> out.add(line.substring(s.start(), s.end())));
        }
        return out;
    }

    private static List<Integer> modelRows(JTable table) {
        List<Integer> out = new ArrayList<>();
        for (int v = 0; v < table.getRowCount(); v++) {
            out.add(table.convertRowIndexToModel(v));
        }
        return out;
    }

    @Test
    void f3StepsThroughMatchesWithAllRowsShown() throws Exception {
        FrameFixture w = openOnQueue();
        JTable table = w.table("messages.table").target();
        filter("gold");
        w.toggleButton("find.only").click();
        gui.eventually("all rows", () -> table.getRowCount() == 6);
        assertThat(w.label("find.count").target().getText()).isEqualTo("3 of 6 match");
        MessageFinder finder = GuiActionRunner.execute(() -> panel().finder());
        assertThat(GuiActionRunner.execute(() -> finder.dimmed(1))).isTrue();
        assertThat(GuiActionRunner.execute(() -> finder.dimmed(2))).isFalse();
        List<Integer> seen = new ArrayList<>();
        w.table("messages.table").focus();
        for (int i = 0; i < 4; i++) {
            gui.robot().pressAndReleaseKey(KeyEvent.VK_F3);
            gui.settle();
            seen.add(GuiActionRunner.execute(table::getSelectedRow));
        }
        assertThat(seen).containsExactly(0, 2, 5, 0);
        gui.robot().pressKey(KeyEvent.VK_SHIFT);
        gui.robot().pressAndReleaseKey(KeyEvent.VK_F3);
        gui.robot().releaseKey(KeyEvent.VK_SHIFT);
        gui.settle();
        assertThat(GuiActionRunner.execute(table::getSelectedRow)).isEqualTo(5);
        w.label("detail.title").requireText("Message #5 of " + QUEUE);
    }

    @Test
    void sortByAColumnThenBackToReceiveOrder() throws Exception {
        FrameFixture w = openOnQueue();
        JTableFixture t = w.table("messages.table");
        JTable table = t.target();
        w.button("find.receiveOrder").requireDisabled();
        t.tableHeader().clickColumn(MessageTableModel.SIZE);
        gui.settle();
        List<Integer> sizes = GuiActionRunner.execute(() -> {
            List<Integer> out = new ArrayList<>();
            for (int v = 0; v < table.getRowCount(); v++) {
                out.add((Integer) table.getValueAt(v, MessageTableModel.SIZE));
            }
            return out;
        });
        assertThat(sizes).isSorted();
        assertThat(GuiActionRunner.execute(() -> table.getValueAt(0, MessageTableModel.INDEX))).isEqualTo(4);
        w.button("find.receiveOrder").requireEnabled().click();
        gui.settle();
        assertThat(GuiActionRunner.execute(() -> modelRows(table))).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(GuiActionRunner.execute(() -> table.getValueAt(3, MessageTableModel.INDEX))).isEqualTo(3);
        w.button("find.receiveOrder").requireDisabled();
        // the detail names the receive index, sorted or not
        t.tableHeader().clickColumn(MessageTableModel.SIZE);
        t.selectRows(0);
        gui.settle();
        w.label("detail.title").requireText("Message #4 of " + QUEUE);
    }

    private CompareDialog compareRows(FrameFixture w, int a, int b) throws Exception {
        List<CompareDialog> opened = new CopyOnWriteArrayList<>();
        GuiActionRunner.execute(() -> panel().compareActions().onOpened(opened::add));
        JTableFixture t = w.table("messages.table");
        t.selectRows(a);
        w.button("find.compare").requireDisabled();
        t.selectRows(a, b); // the second with Ctrl held
        gui.settle();
        assertThat(GuiActionRunner.execute(() -> panel().selectedModelRows())).containsExactly(Math.min(a, b),
                Math.max(a, b));
        w.button("find.compare").requireEnabled().click();
        gui.eventually("the dialog", () -> !opened.isEmpty() && opened.get(0).isShowing());
        return opened.get(0);
    }

    @Test
    void compareTwoJsonMessagesByPath() throws Exception {
        FrameFixture w = openOnQueue();
        CompareDialog d = compareRows(w, 0, 5);
        Comparison c = d.comparison();
        assertThat(c.kind()).isEqualTo(Comparison.Kind.JSON);
        assertThat(c.summary()).isEqualTo("2 members changed, 1 added, 0 removed");
        assertThat(GuiActionRunner.execute(d::getTitle)).isEqualTo("Compare #0 and #5");
        new org.assertj.swing.fixture.DialogFixture(gui.robot(), d).checkBox("compare.differencesOnly").click();
        gui.settle();
        assertThat(GuiActionRunner.execute(() -> d.table().getRowCount())).isEqualTo(3);
        GuiActionRunner.execute(d::dispose);
    }

    @Test
    void compareTwoTextMessagesByLine() throws Exception {
        FrameFixture w = openOnQueue();
        CompareDialog d = compareRows(w, 2, 3);
        assertThat(d.comparison().kind()).isEqualTo(Comparison.Kind.TEXT);
        assertThat(d.comparison().summary()).isEqualTo("2 lines changed, 0 added, 0 removed");
        GuiActionRunner.execute(d::dispose);
    }

    @Test
    void compareBinaryWithTextByBytes() throws Exception {
        FrameFixture w = openOnQueue();
        CompareDialog d = compareRows(w, 4, 1);
        assertThat(d.comparison().kind()).isEqualTo(Comparison.Kind.BINARY);
        assertThat(d.comparison().identical()).isFalse();
        GuiActionRunner.execute(d::dispose);
    }
}
