package org.mqscope.ui.messages;

import net.miginfocom.swing.MigLayout;
import org.mqscope.mq.MqMessage;
import org.mqscope.ui.core.EmptyTextTable;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.table.TableColumn;
import java.awt.Dimension;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Centre pane: the selected queue's messages in receive order, with a line above saying whose they are and how
 * they were read. While there are none, the table says why (no queue selected, nothing peeked yet, empty queue).
 */
public final class MessageTablePanel extends JPanel {
    static final String EMPTY_TEXT = "Select a queue to list its messages here, in receive order.";
    /** Most of the right-hand side; the detail pane below gets a few lines. */
    private static final Dimension PREFERRED_SIZE = new Dimension(600, 400);

    private final MessageTableModel model = new MessageTableModel();
    private final EmptyTextTable table = new EmptyTextTable(model, EMPTY_TEXT);
    private final JLabel title = new JLabel("Messages");
    private final JLabel info = new JLabel(" ");
    /** "last send/receive 3 s ago", from whoever watches the queue's users. */
    private final JLabel activity = new JLabel();
    private IntConsumer onSelect = row -> { };
    private boolean replacing;

    public MessageTablePanel() {
        super(new MigLayout("insets 0, gap 0, wrap 1", "[grow, fill]", "[][grow, fill]"));
        setName("messages");
        table.setName("messages.table");
        title.setName("messages.title");
        info.setName("messages.info");
        title.putClientProperty("FlatLaf.styleClass", "h4");
        org.mqscope.ui.core.Dim.text(info);
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setAutoResizeMode(JTable.AUTO_RESIZE_LAST_COLUMN);
        table.getTableHeader().setReorderingAllowed(false);
        // Fixed-height rows and no sorter keep a 65,536-row model as cheap as the rows on screen.
        table.setRowHeight(table.getRowHeight());
        column(MessageTableModel.INDEX, 60, new BandRenderer(SwingConstants.RIGHT, false));
        column(MessageTableModel.PRIORITY, 80, new BandRenderer(SwingConstants.RIGHT, true));
        column(MessageTableModel.SIZE, 80, new BandRenderer(SwingConstants.RIGHT, false));
        column(MessageTableModel.PREVIEW, 600, new BandRenderer(SwingConstants.LEADING, false));
        table.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && !replacing) {
                onSelect.accept(table.getSelectedRow());
            }
        });
        JScrollPane scroll = new JScrollPane(table);
        // Not null: JTable.addNotify replaces a null scroll pane border with the themed one.
        scroll.setBorder(BorderFactory.createEmptyBorder());
        activity.setName("messages.activity");
        org.mqscope.ui.core.Dim.text(activity);
        add(title, "split 3, gap 8 8 6 6");
        add(info, "gapleft 8, wmin 0");
        add(activity, "gapleft push, gapright 8");
        add(scroll);
        setPreferredSize(PREFERRED_SIZE);
    }

    private void column(int index, int width, BandRenderer renderer) {
        TableColumn c = table.getColumnModel().getColumn(index);
        c.setPreferredWidth(width);
        c.setCellRenderer(renderer);
    }

    /** Called with the selected row (or -1) when the user's selection changes, not when rows are replaced. */
    public void onSelect(IntConsumer listener) {
        onSelect = listener;
    }

    /**
     * Shows a new peek's messages. The selected row stays selected (by position in receive order) when it still
     * exists; the listener hears of the change only when it did not.
     */
    public void showMessages(String titleText, String infoText, List<MqMessage> messages, String emptyText) {
        assert SwingUtilities.isEventDispatchThread();
        int selected = table.getSelectedRow();
        replacing = true;
        try {
            model.setMessages(messages);
            if (selected >= 0 && selected < messages.size()) {
                table.setRowSelectionInterval(selected, selected);
            }
        } finally {
            replacing = false;
        }
        title.setText(titleText);
        info.setText(infoText == null ? " " : infoText);
        table.setEmptyText(emptyText);
        if (selected >= 0 && selected >= messages.size()) {
            onSelect.accept(-1);
        }
    }

    /** No queue, or nothing to show yet: clears the rows and says why. */
    public void clear(String titleText, String emptyText) {
        showMessages(titleText, null, List.of(), emptyText);
    }

    /** The selected queue's last activity in the header ("last send/receive 3 s ago"); null hides it. */
    public void setActivity(String text) {
        activity.setText(text);
    }

    public void setInfo(String infoText) {
        info.setText(infoText == null ? " " : infoText);
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

    public String titleText() {
        return title.getText();
    }

    public String infoText() {
        return info.getText();
    }
}
