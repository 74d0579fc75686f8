package org.mqscope.ui.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.JTable;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mqscope.find.Comparison;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqQueue;
import org.mqscope.demo.DemoQueues;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.window.GuiWindow;

/**
 * The find layer on a live queue (the emulation's exact peeks refresh the table on their own): pin and compare,
 * the arrival tint, a filter kept across refreshes; saved views across a restart; and a 65,536-message queue
 * filtered while the EDT stays free.
 */
class FindLiveGuiTest {
    @RegisterExtension
    final GuiWindow gui = new GuiWindow().waitingUpTo(Duration.ofSeconds(60));

    private MessageTablePanel panel() {
        return (MessageTablePanel) gui.robot().finder().findByName(gui.frame(), "messages", MessageTablePanel.class,
                false);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void pinThenCompareWhileTheQueueChangesAndTheFilterHolds() throws Exception {
        MqBackend backend = gui.closeAfter(FindGuiTest.filledBackend());
        FrameFixture w = gui.open(kind -> backend, BackendKind.EMULATED);
        gui.selectQueue(FindGuiTest.QUEUE);
        JTable table = w.table("messages.table").target();
        gui.eventually("six rows", () -> table.getRowCount() == 6);
        GuiActionRunner.execute(() -> panel().setFilter("order"));
        gui.eventually("five of six", () -> "5 of 6 match".equals(w.label("find.count").target().getText()));
        w.button("find.comparePinned").requireDisabled();
        w.button("find.pin").click();
        w.button("find.comparePinned").requireEnabled();

        // another process: one message received (the priority 9 one), two sent; the live peek follows
        try (MqQueue q = backend.open(FindGuiTest.QUEUE, Mq.O_RDWR)) {
            q.receive();
            q.send(utf8("new order 7"), 4);
            q.send(utf8("unrelated"), 0);
        }
        gui.eventually("the live peek", () -> table.getModel().getRowCount() == 7);
        gui.eventually("the filter held", () -> "5 of 7 match".equals(w.label("find.count").target().getText()));
        assertThat(GuiActionRunner.execute(table::getRowCount)).isEqualTo(5);
        MessageFinder finder = GuiActionRunner.execute(() -> panel().finder());
        gui.eventually("the arrivals tinted", () -> finder.arrivedRows().cardinality() == 2);
        assertThat(GuiActionRunner.execute(() -> finder.arrivedRows().stream().toArray())).containsExactly(3, 6);
        assertThat(GuiActionRunner.execute(() -> finder.arrived(3))).isTrue();

        List<CompareDialog> opened = new CopyOnWriteArrayList<>();
        GuiActionRunner.execute(() -> panel().compareActions().onOpened(opened::add));
        w.button("find.comparePinned").click();
        gui.eventually("the dialog", () -> !opened.isEmpty() && opened.get(0).isShowing());
        Comparison c = opened.get(0).comparison();
        assertThat(c.kind()).isEqualTo(Comparison.Kind.SNAPSHOT);
        assertThat(c.summary()).isEqualTo("2 arrived, 1 left, 5 stayed");
        assertThat(c.rows().get(0).cells()).startsWith("Left", "0", "", "9");
        GuiActionRunner.execute(opened.get(0)::dispose);
    }

    @Test
    void theSelectionFollowsItsMessageWhenRowsMoveUnderAFilter() throws Exception {
        MqBackend backend = gui.closeAfter(FindGuiTest.filledBackend());
        FrameFixture w = gui.open(kind -> backend, BackendKind.EMULATED);
        gui.selectQueue(FindGuiTest.QUEUE);
        JTable table = w.table("messages.table").target();
        gui.eventually("six rows", () -> table.getRowCount() == 6);
        GuiActionRunner.execute(() -> panel().setFilter("gold"));
        gui.eventually("three rows", () -> table.getRowCount() == 3);
        w.table("messages.table").selectRows(1); // model row 2, the plain text gold order
        gui.settle();
        w.label("detail.title").requireText("Message #2 of " + FindGuiTest.QUEUE);
        try (MqQueue q = backend.open(FindGuiTest.QUEUE, Mq.O_RDWR)) {
            q.receive(); // the priority 9 message: every other moves up one
        }
        gui.eventually("five rows", () -> table.getModel().getRowCount() == 5);
        gui.eventually("the heading follows", () -> ("Message #1 of " + FindGuiTest.QUEUE).equals(
                w.label("detail.title").target().getText()));
        assertThat(GuiActionRunner.execute(() -> panel().selectedModelRow())).isEqualTo(1);
        assertThat(GuiActionRunner.execute(table::getSelectedRow)).isEqualTo(0);
    }

    /** A new namespace per window: the first window's quit closes the backend it used. */
    private MqBackend freshBackend() throws Exception {
        return gui.closeAfter(FindGuiTest.filledBackend());
    }

    @Test
    void savedViewsSurviveARestart() throws Exception {
        FrameFixture w = gui.open(kind -> freshBackend(), BackendKind.EMULATED);
        gui.selectQueue(FindGuiTest.QUEUE);
        GuiActionRunner.execute(() -> {
            panel().setFilter("$.customer.tier=gold");
            panel().filterBar().saveView("gold customers", false);
            panel().setFilter("prio:>=5");
            panel().filterBar().saveView("urgent", true);
        });
        GuiActionRunner.execute(gui.frame()::quit);
        gui.settle();

        FrameFixture again = gui.open(kind -> freshBackend(), BackendKind.EMULATED);
        gui.selectQueue(FindGuiTest.QUEUE);
        JTable table = again.table("messages.table").target();
        gui.eventually("six rows", () -> table.getRowCount() == 6);
        again.button("find.views").click();
        JPopupMenu menu = (JPopupMenu) gui.robot().finder().findByName("find.menu", JPopupMenu.class, true);
        assertThat(GuiActionRunner.execute(() -> java.util.Arrays.stream(menu.getComponents())
                .filter(JMenuItem.class::isInstance).map(m -> ((JMenuItem) m).getName()).toList()))
                .contains("find.view.gold customers", "find.view.urgent");
        again.menuItem("find.view.gold customers").click();
        gui.eventually("the view applied", () -> "2 of 6 match".equals(again.label("find.count").target().getText()));
        assertThat(again.textBox("find.field").target().getText()).isEqualTo("$.customer.tier=gold");

        // on another queue only the view for all queues is offered
        GuiActionRunner.execute(() -> panel().filterBar().setQueue("/other"));
        assertThat(GuiActionRunner.execute(() -> panel().filterBar().views().forQueue("/other"))).extracting(
                v -> v.name()).containsExactly("urgent");
    }

    @Test
    void aLargeQueueIsFilteredOffTheEdt() throws Exception {
        int n = 65_536;
        MqBackend backend = gui.closeAfter(MqBackends.emulated(DemoQueues.LIMITS));
        try (MqQueue q = backend.open("/find-big", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(n, 64))) {
            for (int i = 0; i < n; i++) {
                q.send(utf8("{\"n\":" + i + ",\"tier\":\"" + (i % 7 == 0 ? "gold" : "basic") + "\"}"), i % 10);
            }
        }
        FrameFixture w = gui.open(kind -> backend, BackendKind.EMULATED);
        gui.selectQueue("/find-big");
        JTable table = w.table("messages.table").target();
        gui.eventually("all rows", () -> table.getRowCount() == n);
        for (String[] f : new String[][] {{"gold", "9,363"}, {"$.tier=gold", "9,363"}, {"prio:>=5 -gold", "28,085"}}) {
            GuiActionRunner.execute(() -> panel().setFilter(""));
            gui.eventually("no filter", () -> "65,536 messages".equals(w.label("find.count").target().getText()));
            long t0 = System.nanoTime();
            GuiActionRunner.execute(() -> panel().setFilter(f[0]));
            long worstEdtMs = 0;
            // while it runs, the EDT answers promptly
            while (!GuiActionRunner.execute(() -> w.label("find.count").target().getText())
                    .equals(f[1] + " of 65,536 match")) {
                long r0 = System.nanoTime();
                GuiActionRunner.execute(() -> null);
                worstEdtMs = Math.max(worstEdtMs, (System.nanoTime() - r0) / 1_000_000);
                assertThat(System.nanoTime() - t0).as("filter " + f[0] + " done").isLessThan(30_000_000_000L);
            }
            gui.robot().waitForIdle();
            long shownMs = (System.nanoTime() - t0) / 1_000_000;
            var run = GuiActionRunner.execute(() -> panel().finder().lastRun());
            long applyMs = GuiActionRunner.execute(() -> panel().finder().lastApplyNanos()) / 1_000_000;
            System.out.printf("MEASURE filter %s over 65536 messages: matched on mq-io in %d ms (%d ms of CPU), "
                    + "applied on the EDT in %d ms, shown after %d ms, slowest EDT round trip meanwhile %d ms%n", f[0],
                    run.nanos() / 1_000_000, run.cpuNanos() / 1_000_000, applyMs, shownMs, worstEdtMs);
            assertThat(worstEdtMs).as("EDT round trip while filtering, ms").isLessThan(1_000);
        }
        assertThat(GuiActionRunner.execute(table::getRowCount)).isEqualTo(28_085);
    }
}
