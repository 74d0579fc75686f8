package org.mqscope.ui.transfer;

import java.awt.Point;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.dnd.DnDConstants;
import java.awt.dnd.DragGestureEvent;
import java.awt.dnd.DragSource;
import java.awt.dnd.DropTarget;
import java.awt.dnd.DropTargetAdapter;
import java.awt.dnd.DropTargetDragEvent;
import java.awt.dnd.DropTargetDropEvent;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.swing.JComponent;
import javax.swing.JTable;

/**
 * Drag the selected message rows onto a queue in the tree: a plain drop copies, a move drop (Shift on most
 * desktops) moves after asking, as Queue → Copy/Move Messages to Queue… do. Installed from outside the two
 * panels: a drag gesture on the table (its own TransferHandler, which copies text, stays) and a drop target on
 * the tree that takes only this window's rows, dropped on a queue other than the one they come from.
 */
public final class MessageDrag {
    /** Only this JVM's drags carry it: rows of the message table, not text from elsewhere. */
    static final DataFlavor ROWS = new DataFlavor(Rows.class, "mqscope message rows");

    /** The drag's payload: which queue the rows come from (the selection itself is read at the drop). */
    record Rows(String queue) {
    }

    private MessageDrag() {
    }

    /**
     * @param sourceQueue the queue whose rows the table shows (null: nothing to drag)
     * @param queueAt     the queue under a point of the tree, or null when there is none
     */
    public static void install(JTable table, JComponent tree, Supplier<String> sourceQueue,
                               Function<Point, String> queueAt, TransferActions actions) {
        DragSource.getDefaultDragSource().createDefaultDragGestureRecognizer(table, DnDConstants.ACTION_COPY_OR_MOVE,
                gesture -> startDrag(gesture, table, sourceQueue.get()));
        new DropTarget(tree, DnDConstants.ACTION_COPY_OR_MOVE, new DropTargetAdapter() {
            @Override
            public void dragOver(DropTargetDragEvent e) {
                if (target(e.getTransferable(), e.getLocation(), queueAt) == null) {
                    e.rejectDrag();
                } else {
                    e.acceptDrag(e.getDropAction());
                }
            }

            @Override
            public void drop(DropTargetDropEvent e) {
                String target = target(e.getTransferable(), e.getLocation(), queueAt);
                if (target == null) {
                    e.rejectDrop();
                    return;
                }
                e.acceptDrop(e.getDropAction());
                e.dropComplete(true);
                actions.copySelectedTo(e.getDropAction() == DnDConstants.ACTION_MOVE, target);
            }
        }, true);
    }

    private static void startDrag(DragGestureEvent gesture, JTable table, String queue) {
        if (queue == null || table.getSelectedRowCount() == 0) {
            return;
        }
        gesture.startDrag(null, new RowsTransferable(new Rows(queue)));
    }

    /** The queue a drop at {@code at} would go to, or null when it is not a drop of rows onto another queue. */
    static String target(Transferable t, Point at, Function<Point, String> queueAt) {
        if (!t.isDataFlavorSupported(ROWS)) {
            return null;
        }
        String target = queueAt.apply(at);
        try {
            Rows rows = (Rows) t.getTransferData(ROWS);
            return target == null || target.equals(rows.queue()) ? null : target;
        } catch (java.awt.datatransfer.UnsupportedFlavorException | java.io.IOException e) {
            return null;
        }
    }

    private record RowsTransferable(Rows rows) implements Transferable {
        @Override
        public DataFlavor[] getTransferDataFlavors() {
            return new DataFlavor[] {ROWS};
        }

        @Override
        public boolean isDataFlavorSupported(DataFlavor flavor) {
            return ROWS.equals(flavor);
        }

        @Override
        public Object getTransferData(DataFlavor flavor) throws java.awt.datatransfer.UnsupportedFlavorException {
            if (!isDataFlavorSupported(flavor)) {
                throw new java.awt.datatransfer.UnsupportedFlavorException(flavor);
            }
            return rows;
        }
    }
}
