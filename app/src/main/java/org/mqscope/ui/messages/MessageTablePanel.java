package org.mqscope.ui.messages;

import net.miginfocom.swing.MigLayout;
import org.mqscope.find.Filter;
import org.mqscope.mq.MqMessage;
import org.mqscope.ui.core.EmptyTextTable;
import org.mqscope.ui.core.IoExecutor;
import org.mqscope.ui.core.find.FilterBar;
import org.mqscope.ui.core.find.SavedViews;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.KeyStroke;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JToggleButton;
import javax.swing.ListSelectionModel;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.table.TableColumn;
import java.awt.Dimension;
import java.awt.KeyboardFocusManager;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.prefs.Preferences;

/**
 * Centre pane: the selected queue's messages in receive order, with a line above saying whose they are and how
 * they were read. While there are none, the table says why (no queue selected, nothing peeked yet, empty queue).
 * Below that line the filter bar (Ctrl+Shift+F, or / in the table), sorting by any column with Receive Order to go
 * back, and Compare / Pin / Compare with Pinned: see {@link MessageFinder} and {@link CompareActions}.
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
    private final MessageFinder finder;
    private final CompareActions compare;
    private final JButton receiveOrder = new JButton("Receive Order");
    private final JToggleButton freeze = new JToggleButton("Freeze");
    /** "last send/receive 3 s ago", from whoever watches the queue's users. */
    private final JLabel activity = new JLabel();
    private IntConsumer onSelect = row -> { };
    private Consumer<MqMessage> onSelectedLeft = m -> { };
    private Consumer<String> onRowsCopied = text -> { };
    private boolean replacing;
    private boolean selectFirstWhenShown;

    /** {@code io} runs the filter and the comparisons; {@code findNode} keeps the saved views and recent filters. */
    public MessageTablePanel(IoExecutor io, Preferences findNode) {
        super(new MigLayout("insets 0, gap 0, wrap 1", "[grow, fill]", "[][][grow, fill]"));
        setName("messages");
        table.setName("messages.table");
        title.setName("messages.title");
        info.setName("messages.info");
        title.putClientProperty("FlatLaf.styleClass", "h4");
        org.mqscope.ui.core.Dim.text(info);
        // Several rows can be selected to copy them, two (Ctrl+click) to compare; the detail pane shows the lead one.
        table.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        // Tab leaves the table like any other field (JTable would move between its cells).
        table.setFocusTraversalKeys(KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, Set.of(
                KeyStroke.getKeyStroke(KeyEvent.VK_TAB, 0), KeyStroke.getKeyStroke(KeyEvent.VK_TAB,
                        InputEvent.CTRL_DOWN_MASK)));
        table.setFocusTraversalKeys(KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, Set.of(
                KeyStroke.getKeyStroke(KeyEvent.VK_TAB, InputEvent.SHIFT_DOWN_MASK), KeyStroke.getKeyStroke(
                        KeyEvent.VK_TAB, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK)));
        freeze.setName("messages.freeze");
        freeze.setToolTipText("Stop following the queue live: the rows stay as they are until you press it again");
        freeze.putClientProperty("JButton.buttonType", "toolBarButton");
        activity.setName("messages.activity");
        org.mqscope.ui.core.Dim.text(activity);
        table.setAutoResizeMode(JTable.AUTO_RESIZE_LAST_COLUMN);
        table.getTableHeader().setReorderingAllowed(false);
        // Fixed-height rows keep a 65,536-row model as cheap as the rows on screen; the sorter has no keys (receive
        // order, no view index array) until a header is clicked.
        table.setRowHeight(table.getRowHeight());
        finder = new MessageFinder(table, model, new FilterBar("find", new SavedViews(findNode)), io);
        column(MessageTableModel.INDEX, 60, new BandRenderer(SwingConstants.RIGHT, false), false);
        column(MessageTableModel.PRIORITY, 80, new BandRenderer(SwingConstants.RIGHT, true), false);
        column(MessageTableModel.SIZE, 80, new BandRenderer(SwingConstants.RIGHT, false), false);
        column(MessageTableModel.PREVIEW, 600, new BandRenderer(SwingConstants.LEADING, false), true);
        compare = new CompareActions(this, io);
        table.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                compare.update();
                if (!replacing) {
                    onSelect.accept(selectedModelRow());
                }
            }
        });
        receiveOrder.setName("find.receiveOrder");
        receiveOrder.setToolTipText("Back to receive order (the order mq_receive would return them)");
        receiveOrder.putClientProperty("JButton.buttonType", "toolBarButton");
        receiveOrder.setFocusable(false);
        receiveOrder.addActionListener(e -> finder.receiveOrder());
        receiveOrder.setEnabled(false);
        finder.onSortChanged(() -> receiveOrder.setEnabled(finder.sorted()));
        finder.bar().onEscape(table::requestFocusInWindow);
        keys();
        JScrollPane scroll = new JScrollPane(table);
        // Not null: JTable.addNotify replaces a null scroll pane border with the themed one.
        scroll.setBorder(BorderFactory.createEmptyBorder());
        // The title line says whose rows these are and how they were read, then the tools that act on them; the
        // queue's last activity goes on the filter's line, so the title's information keeps its room.
        add(title, "split " + (4 + compare.buttons().size()) + ", gap 8 8 6 6");
        add(info, "gapleft 8, wmin 0, growx");
        add(freeze);
        add(receiveOrder);
        for (JComponent b : compare.buttons()) {
            add(b);
        }
        add(finder.bar(), "split 2, growx, wmin 0");
        add(activity, "gapleft 8, gapright 8");
        add(scroll);
        setPreferredSize(PREFERRED_SIZE);
    }

    private void column(int index, int width, BandRenderer renderer, boolean preview) {
        TableColumn c = table.getColumnModel().getColumn(index);
        c.setPreferredWidth(width);
        c.setCellRenderer(new FindRenderer(renderer, finder, preview));
    }

    /** Ctrl+Shift+F anywhere in the window and / in the table: to the filter; F3 / Shift+F3: next/previous match. */
    private void keys() {
        key(this, WHEN_IN_FOCUSED_WINDOW, KeyStroke.getKeyStroke(KeyEvent.VK_F, InputEvent.CTRL_DOWN_MASK
                | InputEvent.SHIFT_DOWN_MASK), "find.focus", () -> finder.bar().focusField());
        key(table, WHEN_FOCUSED, KeyStroke.getKeyStroke('/'), "find.focus", () -> finder.bar().focusField());
        key(this, WHEN_IN_FOCUSED_WINDOW, KeyStroke.getKeyStroke(KeyEvent.VK_F3, 0), "find.next",
                () -> finder.step(1));
        key(this, WHEN_IN_FOCUSED_WINDOW, KeyStroke.getKeyStroke(KeyEvent.VK_F3, InputEvent.SHIFT_DOWN_MASK),
                "find.previous", () -> finder.step(-1));
        // Ctrl+C in the table copies the selected rows as text (the window's Copy Body works everywhere else).
        key(table, WHEN_FOCUSED, KeyStroke.getKeyStroke(KeyEvent.VK_C, InputEvent.CTRL_DOWN_MASK), COPY_ROWS,
                this::copyRows);
    }

    private static void key(JComponent c, int when, KeyStroke k, String id, Runnable r) {
        c.getInputMap(when).put(k, id);
        c.getActionMap().put(id, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                r.run();
            }
        });
    }

    /** Called with the selected row (or -1) when the user's selection changes, not when rows are replaced. */
    public void onSelect(IntConsumer listener) {
        onSelect = listener;
    }

    /** Called with the selected message when a refresh shows it has left the queue (the selection is cleared). */
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

    /** Freeze applies to live (exact) peeks only; a kernel drain-and-restore peek is a picture already. */
    public void setFreezable(boolean on) {
        freeze.setVisible(on);
        if (!on) {
            freeze.setSelected(false);
        }
    }

    /** The selected queue's last activity in the header ("last send/receive 3 s ago"); null hides it. */
    public void setActivity(String text) {
        activity.setText(text);
    }

    /**
     * Shows a new peek's messages. The selected message stays selected — the same message, wherever it moved in
     * receive order (the same object for the emulation's live peeks, else the nearest equal one); when it is gone
     * the selection is cleared and {@link #onSelectedLeft} hears of it, and when it moved {@link #onSelect} hears
     * its new row. While a filter is set the rows appear once they have been matched (off the EDT).
     */
    public void showMessages(String titleText, String infoText, List<MqMessage> messages, String emptyText) {
        assert SwingUtilities.isEventDispatchThread();
        boolean sameQueue = titleText.equals(title.getText());
        title.setText(titleText);
        info.setText(infoText == null ? " " : infoText);
        info.setToolTipText(infoText); // the line is cut when the pane is narrow
        table.setEmptyText(emptyText);
        finder.bar().setQueue(currentQueue());
        boolean deferred = !finder.filter().isEmpty();
        finder.rowsArriving(messages, sameQueue, () -> replaceRows(messages, deferred));
        compare.update();
    }

    private void replaceRows(List<MqMessage> messages, boolean deferred) {
        int selected = selectedModelRow();
        int[] picked = selectedModelRows(); // two rows picked for Compare stay picked across live refreshes
        List<MqMessage> old = model.messages();
        MqMessage before = selected >= 0 ? old.get(selected) : null;
        int lead = follow(messages, selected, before);
        int[] now = picked.length > FOLLOW_MAX ? new int[0]
                : java.util.Arrays.stream(picked).map(r -> follow(messages, r, old.get(r))).toArray();
        replacing = true;
        try {
            model.setMessages(messages);
            for (int row : now) {
                selectModelRow(row, messages.size(), false);
            }
            selectModelRow(lead, messages.size(), true); // last, so it is the lead again
        } finally {
            replacing = false;
        }
        if (before != null && lead < 0) {
            onSelectedLeft.accept(before);
        } else if (selected >= 0 && (lead >= messages.size() || table.convertRowIndexToView(lead) < 0)) {
            onSelect.accept(-1);
        } else if (selected >= 0 && (lead != selected || (deferred && !messages.get(lead).equals(before)))) {
            onSelect.accept(lead); // its receive index changed, or the caller's check ran before these rows were in
        }
        if (selectFirstWhenShown && table.getRowCount() > 0) {
            selectFirstWhenShown = false;
            table.setRowSelectionInterval(0, 0); // heard by the listener: the detail shows it
        }
        compare.update();
    }

    /** Selected rows followed to their message's new row; more than this many stay where they are. */
    private static final int FOLLOW_MAX = 8;

    /**
     * Where a selected message is in new rows: the same object (the emulation's live peeks share them), else its
     * own row when that holds an equal message, else the nearest row holding an equal one (a live queue moves its
     * messages up as earlier ones are received); -1 when it has left.
     */
    static int follow(List<MqMessage> rows, int row, MqMessage m) {
        if (row < 0 || m == null) {
            return row;
        }
        int best = -1;
        for (int i = 0; i < rows.size(); i++) {
            MqMessage x = rows.get(i);
            if (x == m) {
                return i;
            }
            if (x.equals(m) && (best < 0 || Math.abs(i - row) < Math.abs(best - row))) {
                best = i;
            }
        }
        return best;
    }

    /** The selected rows as text (see {@link RowsText}), in receive order, or null when none is selected. */
    public String selectedRowsText() {
        int[] rows = selectedModelRows();
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

    private void selectModelRow(int row, int rows, boolean lead) {
        if (row < 0 || row >= rows) {
            return;
        }
        int view = table.convertRowIndexToView(row);
        if (view >= 0 && (lead || !table.isRowSelected(view))) {
            table.addRowSelectionInterval(view, view);
        }
    }

    /** The selected row in the model (its receive index), the lead one when several are selected; -1 for none. */
    public int selectedModelRow() {
        int lead = table.getSelectionModel().getLeadSelectionIndex();
        int view = lead >= 0 && lead < table.getRowCount() && table.isRowSelected(lead) ? lead
                : table.getSelectedRow();
        return view < 0 ? -1 : table.convertRowIndexToModel(view);
    }

    /** The selected rows in the model, in receive order. */
    public int[] selectedModelRows() {
        return java.util.Arrays.stream(table.getSelectedRows()).map(table::convertRowIndexToModel).sorted()
                .toArray();
    }

    /**
     * Selects the first row shown (in the order shown), if there is one; while new rows wait for their filter run,
     * once they are in.
     */
    public void selectFirstRow() {
        if (finder.rowsPending()) {
            selectFirstWhenShown = true;
        } else if (table.getRowCount() > 0) {
            table.setRowSelectionInterval(0, 0);
        }
    }

    /** The queue whose messages are listed: the title, when it is a queue name (they start with '/'). */
    String currentQueue() {
        String t = title.getText();
        return t.startsWith("/") ? t : null;
    }

    /** Applies a filter expression now, as if typed and Enter pressed (e.g. --filter). */
    public void setFilter(String expression) {
        finder.bar().setExpression(expression);
    }

    /** Hears every filter that comes into force (Filter.NONE when cleared): the detail pane marks its matches. */
    public void onFilterChanged(Consumer<Filter> listener) {
        finder.onFilterChanged(listener);
    }

    public FilterBar filterBar() {
        return finder.bar();
    }

    MessageFinder finder() {
        return finder;
    }

    CompareActions compareActions() {
        return compare;
    }

    /** No queue, or nothing to show yet: clears the rows and says why. */
    public void clear(String titleText, String emptyText) {
        showMessages(titleText, null, List.of(), emptyText);
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
