package org.mqscope.ui.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Point;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.StringSelection;
import java.awt.datatransfer.Transferable;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Which drops onto the tree the drag of message rows accepts: rows of this window, onto another queue. */
class MessageDragTest {
    private static final Function<Point, String> TREE = at -> at.y < 10 ? "/src" : at.y < 20 ? "/dst" : null;

    private static Transferable rowsOf(String queue) {
        return new Transferable() {
            @Override
            public DataFlavor[] getTransferDataFlavors() {
                return new DataFlavor[] {MessageDrag.ROWS};
            }

            @Override
            public boolean isDataFlavorSupported(DataFlavor flavor) {
                return MessageDrag.ROWS.equals(flavor);
            }

            @Override
            public Object getTransferData(DataFlavor flavor) {
                return new MessageDrag.Rows(queue);
            }
        };
    }

    @Test
    void rowsDroppedOnAnotherQueueGoThereAndNowhereElse() {
        assertThat(MessageDrag.target(rowsOf("/src"), new Point(5, 15), TREE)).isEqualTo("/dst");
        assertThat(MessageDrag.target(rowsOf("/src"), new Point(5, 5), TREE)).as("onto their own queue").isNull();
        assertThat(MessageDrag.target(rowsOf("/src"), new Point(5, 25), TREE)).as("beside any queue").isNull();
        assertThat(MessageDrag.target(new StringSelection("text from elsewhere"), new Point(5, 15), TREE))
                .as("not rows of this window").isNull();
    }
}
