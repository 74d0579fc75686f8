package org.mqscope.ui.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Point;
import java.awt.geom.Rectangle2D;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.jfree.chart.ChartPanel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqQueue;
import org.mqscope.ui.charts.ChartsPanel;

/**
 * The selected-queue chart's readout in the real window: with the mouse resting on the chart it shows the values
 * there and keeps showing them through the refreshes (live and paused), the time under the mouse moving on with
 * the axis.
 */
class ChartsReadoutGuiTest {
    private static final String QUEUE = "/gui-rough-readout";
    private static final Pattern READOUT = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d · " + QUEUE + ": 2 of 10 .*");

    @RegisterExtension
    final GuiWindow gui = new GuiWindow();

    @Test
    void theReadoutStaysThroughRefreshesAndFollowsTheTimeUnderTheMouse() throws Exception {
        MqBackend emulated = gui.closeAfter(MqBackends.emulated());
        try (MqQueue q = emulated.open(QUEUE, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(10, 64))) {
            q.send(new byte[8], 1);
            q.send(new byte[8], 1);
        }
        FrameFixture window = gui.open(kind -> emulated, BackendKind());
        gui.selectQueue(QUEUE);
        window.tabbedPane("tabs").selectTab("Charts");
        window.comboBox("charts.refresh").selectItem("10 Hz");
        ChartsPanel charts = (ChartsPanel) gui.robot().finder().findByName(gui.frame(), "charts", false);
        gui.eventually("samples drawn", () -> charts.selectedCurmsgs().getSeriesCount() == 1
                && charts.selectedCurmsgs().getItemCount(0) >= 1);
        ChartPanel chart = (ChartPanel) gui.robot().finder().findByName(gui.frame(), "charts.selected", false);
        Point inside = GuiActionRunner.execute(() -> {
            Rectangle2D area = chart.getScreenDataArea();
            return new Point((int) area.getMaxX() - 10, (int) area.getCenterY());
        });
        gui.robot().moveMouse(chart, inside);
        gui.eventually("the readout", () -> READOUT.matcher(window.label("charts.cursor").target().getText())
                .matches());

        // Through several refreshes the readout stays, and the time under the resting mouse moves on.
        String first = window.label("charts.cursor").text();
        AtomicInteger changes = new AtomicInteger();
        GuiActionRunner.execute(() -> charts.selectedCurmsgs().addChangeListener(e -> changes.incrementAndGet()));
        gui.eventually("five refreshes", () -> changes.get() >= 5);
        assertThat(window.label("charts.cursor").text()).matches(READOUT).isNotEqualTo(first);

        // Paused (Alt+P, the mouse stays on the chart): still there, and still.
        javax.swing.AbstractButton pause = window.toggleButton("charts.pause").target();
        org.mqscope.ui.core.Edt.run(pause::doClick);
        gui.settle();
        String paused = window.label("charts.cursor").text();
        assertThat(paused).matches(READOUT);
        int before = changes.get();
        gui.eventually("two redraws while paused", () -> changes.get() >= before + 2);
        assertThat(window.label("charts.cursor").text()).isEqualTo(paused);
    }

    private static org.mqscope.ui.core.BackendKind BackendKind() {
        return org.mqscope.ui.core.BackendKind.EMULATED;
    }
}
