package org.mqscope.ui.messages;

import org.mqscope.ui.common.EmptyTextTable;

import javax.swing.BorderFactory;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import java.awt.BorderLayout;
import java.awt.Dimension;

/** Centre pane: the selected queue's messages; while there are none, a line says what will be listed. */
public final class MessageTablePanel extends JPanel {
    static final String EMPTY_TEXT = "The selected queue's messages will be listed here, in receive order.";
    /** Most of the right-hand side; the detail pane below gets a few lines. */
    private static final Dimension PREFERRED_SIZE = new Dimension(600, 400);

    private final MessageTableModel model = new MessageTableModel();
    private final EmptyTextTable table = new EmptyTextTable(model, EMPTY_TEXT);

    public MessageTablePanel() {
        super(new BorderLayout());
        setName("messages");
        table.setName("messages.table");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.getColumnModel().getColumn(MessageTableModel.INDEX).setPreferredWidth(50);
        table.getColumnModel().getColumn(MessageTableModel.PRIORITY).setPreferredWidth(70);
        table.getColumnModel().getColumn(MessageTableModel.SIZE).setPreferredWidth(70);
        table.getColumnModel().getColumn(MessageTableModel.PREVIEW).setPreferredWidth(600);
        JScrollPane scroll = new JScrollPane(table);
        // Not null: JTable.addNotify replaces a null scroll pane border with the themed one.
        scroll.setBorder(BorderFactory.createEmptyBorder());
        add(scroll, BorderLayout.CENTER);
        setPreferredSize(PREFERRED_SIZE);
    }

    public MessageTableModel model() {
        return model;
    }

    public JTable table() {
        return table;
    }

    /** What the empty table says. */
    public String emptyText() {
        return table.emptyText();
    }
}
