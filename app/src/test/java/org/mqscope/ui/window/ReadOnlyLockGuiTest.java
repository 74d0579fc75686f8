package org.mqscope.ui.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.ui.actions.AppAction;
import org.mqscope.ui.core.BackendKind;

/**
 * Started with --read-only, the window stays read-only: the toggle and its menu item are off, say why, and even an
 * action fired by other means leaves the mode on. Turned on from the toolbar, it still turns off again.
 */
class ReadOnlyLockGuiTest {
    @RegisterExtension
    final GuiWindow gui = new GuiWindow();

    @Test
    void startedReadOnlyStaysReadOnly() throws Exception {
        MqBackend emulated = gui.closeAfter(MqBackends.emulated());
        FrameFixture window = gui.open(kind -> emulated, Optional.empty());
        GuiActionRunner.execute(() -> gui.frame().start(Optional.of(BackendKind.EMULATED), true));
        gui.settle();
        window.requireTitle(MainFrame.READ_ONLY_TITLE);
        window.toggleButton("readOnly").requireSelected().requireDisabled();
        assertThat(window.toggleButton("readOnly").target().getToolTipText()).startsWith("Started with --read-only");
        window.menuItem("menuitem.read_only").requireDisabled();
        GuiActionRunner.execute(() -> {
            javax.swing.Action a = gui.frame().actions().get(AppAction.READ_ONLY);
            a.setEnabled(true); // as if something re-enabled it: the controller still refuses
            a.actionPerformed(null);
        });
        gui.settle();
        assertThat(GuiActionRunner.execute(gui.frame()::readOnly)).isTrue();
        window.requireTitle(MainFrame.READ_ONLY_TITLE);
    }

    @Test
    void readOnlyTurnedOnInTheWindowTurnsOffAgain() throws Exception {
        MqBackend emulated = gui.closeAfter(MqBackends.emulated());
        FrameFixture window = gui.open(kind -> emulated, BackendKind.EMULATED);
        window.toggleButton("readOnly").requireEnabled().click();
        gui.settle();
        window.requireTitle(MainFrame.READ_ONLY_TITLE);
        window.toggleButton("readOnly").requireEnabled().click();
        gui.settle();
        window.requireTitle(MainFrame.TITLE);
    }
}
