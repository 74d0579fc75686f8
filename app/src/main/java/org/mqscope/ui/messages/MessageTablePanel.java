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
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.Set;
import java.awt.KeyboardFocusManager;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;

/**
 * Centre pane: the selected queue's messages in receive order, with a line above saying whose they are and how
 * they were read. While there are none, the table says why (no queue selected, nothing peeked yet, empty queue).
 */
public final class MessageTablePanel extends JPanel {
    private static final String COPY_ROWS = "mqscope.copyRows";
    static final String EMPTY_TEXT = "Select a queue to list its messages here, in receive order.";
    /** Most of the right-hand side; the detail pane below gets a few lines. */
    private static final Dimension PREFERRED_SIZE = new Dimension(600, 400);

    private final MessageTableModel model = new MessageTableModel();
    private final EmptyTextTable table = new EmptyTextTable(model, EMPTY_TEXT);
    private final JLabel title = new JLabel("Messages");
    private final JLabel info = new JLabel(" ");
    private final JToggleButton freeze = new JToggleButton("Freeze");
    /** "last send/receive 3 s ago", from whoever watches the queue's users. */
    private final JLabel activity = new JLabel();
    private IntConsumer onSelect = row -> { };
    private Consumer<MqMessage> onSelectedLeft = m -> { };
    private Consumer<String> onRowsCopied = text -> { };
    private boolean replacing;

    public MessageTablePanel() {
        super(new MigLayout("insets 0, gap 0, wrap 1", "[grow, fill]", "[][grow, fill]"));
        setName("messages");
        table.setName("messages.table");
        title.setName("messages.title");
        info.setName("messages.info");
        title.putClientProperty("FlatLaf.styleClass", "h4");
        org.mqscope.ui.core.Dim.text(info);
        // Several rows can be selected to copy them; the detail pane shows the lead one.
        table.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        // Tab leaves the table like any other field (JTable would move between its cells).
        table.setFocusTraversalKeys(KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, Set.of(
                KeyStroke.getKeyStroke(KeyEvent.VK_TAB, 0), KeyStroke.getKeyStroke(KeyEvent.VK_TAB,
                        InputEvent.CTRL_DOWN_MASK)));
        table.setFocusTraversalKeys(KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, Set.of(
                KeyStroke.getKeyStroke(KeyEvent.VK_TAB, InputEvent.SHIFT_DOWN_MASK), KeyStroke.getKeyStroke(
                        KeyEvent.VK_TAB, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK)));
        // Ctrl+C in the table copies the selected rows as text (the window's Copy Body works everywhere else).
        table.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_C,
                InputEvent.CTRL_DOWN_MASK), COPY_ROWS);
        table.getActionMap().put(COPY_ROWS, new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                copyRows();
            }
        });
        freeze.setName("messages.freeze");
        freeze.setToolTipText("Stop following the queue live: the rows stay as they are until you press it again");
        freeze.putClientProperty("JButton.buttonType", "toolBarButton");
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
        add(title, "split 4, gap 8 8 6 6");
        add(info, "gapleft 8, wmin 0, pushx");
        add(activity, "gapright 8");
        add(freeze, "gapright 8");
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

    /** Called when the selected message is not in a new peek any more (received, purged): not another row. */
    public void onSelectedLeft(Consumer<MqMessage> listener) {
        onSelectedLeft = listener;
    }

    /** Called with the text Ctrl+C put on the clipboard. */
    public void onRowsCopied(Consumer<String> listener) {
        onRowsCopied = listener;
    }

    /** Called when Freeze is pressed or released. */
    public void onFreezeChanged(Consumer<Boolean> listener) {
        freeze.addActionListener(e -> listener.accept(freeze.isSelected()));
    }

    /** The user froze the live table. */
    public boolean frozen() {
        return freeze.isSelected();
    }

    /** Freeze applies to live (exact) peeks only; a kernel peek is a picture already. */
    public void setFreezable(boolean on) {
        freeze.setVisible(on);
        if (!on) {
            freeze.setSelected(false);
        }
    }

    /**
     * Shows a new peek's messages. The selected message stays selected — the same message, wherever it moved in
     * receive order (the same object for the emulation's live peeks, else the nearest equal one); when it is gone
     * the selection is cleared and {@link #onSelectedLeft} hears of it, and when it moved {@link #onSelect} hears
     * its new row.
     */
    public void showMessages(String titleText, String infoText, List<MqMessage> messages, String emptyText) {
        assert SwingUtilities.isEventDispatchThread();
        int selected = table.getSelectedRow();
        MqMessage was = selected >= 0 && selected < model.getRowCount() ? model.messageAt(selected) : null;
        int now = was == null ? -1 : find(messages, was, selected);
        replacing = true;
        try {
            model.setMessages(messages);
            if (now >= 0) {
                table.setRowSelectionInterval(now, now);
            }
        } finally {
            replacing = false;
        }
        title.setText(titleText);
        info.setText(infoText == null ? " " : infoText);
        info.setToolTipText(infoText);
        table.setEmptyText(emptyText);
        if (was != null && now < 0) {
            onSelectedLeft.accept(was);
        } else if (now >= 0 && now != selected) {
            onSelect.accept(now);
        }
    }

    /** Where {@code m} is in {@code list}: the same object, else the equal message nearest {@code near}; or -1. */
    static int find(List<MqMessage> list, MqMessage m, int near) {
        int equal = -1;
        for (int i = 0; i < list.size(); i++) {
            MqMessage x = list.get(i);
            if (x == m) {
                return i;
            }
            if (x.equals(m) && (equal < 0 || Math.abs(i - near) < Math.abs(equal - near))) {
                equal = i;
            }
        }
        return equal;
    }

    /** The selected rows as text (see {@link RowsText}), or null when none is selected. */
    public String selectedRowsText() {
        int[] rows = table.getSelectedRows();
        return rows.length == 0 ? null : RowsText.of(rows, model.messages());
    }

    private void copyRows() {
        String text = selectedRowsText();
        if (text != null) {
            java.awt.Toolkit.getDefaultToolkit().getSystemClipboard().setContents(
                    new java.awt.datatransfer.StringSelection(text), null);
            onRowsCopied.accept(text);
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
        info.setToolTipText(infoText); // the line is cut when the pane is narrow
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
