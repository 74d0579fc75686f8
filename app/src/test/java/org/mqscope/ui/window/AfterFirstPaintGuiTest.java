package org.mqscope.ui.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.dnd.DropTarget;

import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mqscope.ui.core.BackendFactory;
import org.mqscope.ui.core.BackendKind;

/** What the window sets up only after its first frame is there once it shows. */
class AfterFirstPaintGuiTest {
    @RegisterExtension
    final GuiWindow gui = new GuiWindow();

    @Test
    void theQueueTreeTakesDroppedMessageRows() throws Exception {
        gui.open(BackendFactory.standard(), BackendKind.EMULATED);
        gui.eventually("the tree's drop target replaced by the message rows' one", () -> GuiActionRunner.execute(
                () -> {
                    DropTarget target = gui.queues().tree().getDropTarget();
                    // Swing's own (javax.swing.TransferHandler's SwingDropTarget) until MessageDrag installs its own
                    return target != null && target.getClass() == DropTarget.class && target.isActive();
                }));
    }
}
