package org.mqscope.ui.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Point;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mqscope.ui.core.BackendFactory;
import org.mqscope.ui.core.BackendKind;

/**
 * A window narrower than its parts would like still shows all of it: the parts give way (labels are cut short) instead
 * of the content growing past the window's right edge, where the status bar's version and the message pane's buttons
 * were cut off at the default 1,098 pixels once the status texts grew long.
 */
class NarrowWindowGuiTest {
    @RegisterExtension
    final GuiWindow gui = new GuiWindow();

    @Test
    void nothingReachesPastTheRightEdgeOfANarrowWindow() throws Exception {
        gui.open(BackendFactory.standard(), BackendKind.EMULATED);
        GuiActionRunner.execute(() -> gui.frame().setSize(new Dimension(900, 650)));
        gui.eventually("the window 900 pixels wide", () -> GuiActionRunner.execute(() -> gui.frame().getWidth() == 900));
        gui.settle();
        GuiActionRunner.execute(() -> {
            gui.frame().validate();
            Container content = gui.frame().getContentPane();
            assertThat(content.getWidth()).isLessThanOrEqualTo(gui.frame().getRootPane().getWidth());
            for (String name : new String[] {"status", "status.version"}) {
                Component c = find(content, name);
                assertThat(c).as(name).isNotNull();
                Point at = SwingUtilities.convertPoint(c.getParent(), c.getLocation(), content);
                assertThat(at.x + c.getWidth()).as("right edge of " + name).isLessThanOrEqualTo(content.getWidth());
            }
        });
    }

    private static Component find(Container in, String name) {
        for (Component c : in.getComponents()) {
            if (name.equals(c.getName())) {
                return c;
            }
            if (c instanceof JComponent j) {
                Component inner = find(j, name);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }
}
