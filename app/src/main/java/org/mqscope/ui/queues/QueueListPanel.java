package org.mqscope.ui.queues;

import net.miginfocom.swing.MigLayout;
import org.mqscope.mq.QueueInfo;
import org.mqscope.ui.ErrorText.Explanation;
import org.mqscope.ui.common.MessageView;

import javax.swing.JLabel;
import javax.swing.BorderFactory;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import java.awt.CardLayout;
import java.util.List;

/**
 * Left pane: the queues of the backend in use, or why they cannot be listed. Shows one of three cards: the table,
 * or a message (loading, empty namespace, failure in words).
 */
public final class QueueListPanel extends JPanel {
    static final String TABLE_CARD = "table";
    static final String MESSAGE_CARD = "message";

    private final QueueTableModel model = new QueueTableModel();
    private final JTable table = new JTable(model);
    private final MessageView message = new MessageView("queues.message");
    private final JLabel title = new JLabel("Queues");
    private final CardLayout cards = new CardLayout();
    private final JPanel body = new JPanel(cards);
    private String visibleCard;

    public QueueListPanel() {
        super(new MigLayout("insets 0, gap 0, wrap 1", "[grow, fill]", "[][grow, fill]"));
        setName("queues");
        table.setName("queues.table");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setAutoCreateRowSorter(true);
        table.setFillsViewportHeight(true);
        table.getColumnModel().getColumn(QueueTableModel.QSIZE).setPreferredWidth(80);
        table.getColumnModel().getColumn(QueueTableModel.NAME).setPreferredWidth(200);
        title.setName("queues.title");
        title.putClientProperty("FlatLaf.styleClass", "h4");

        JScrollPane scroll = new JScrollPane(table);
        // Not null: JTable.addNotify replaces a null scroll pane border with the themed one.
        scroll.setBorder(BorderFactory.createEmptyBorder());
        body.add(scroll, TABLE_CARD);
        body.add(message, MESSAGE_CARD);
        add(title, "gap 8 8 6 6");
        add(body);
        showHint("Loading…");
    }

    /** Shows a neutral line instead of the table (e.g. while the first list() runs). */
    public void showHint(String text) {
        assert SwingUtilities.isEventDispatchThread();
        message.showHint(text);
        show(MESSAGE_CARD);
    }

    /** Shows the queues; when there are none, {@code emptyText} says so. */
    public void showQueues(List<QueueInfo> queues, String emptyText) {
        assert SwingUtilities.isEventDispatchThread();
        model.setQueues(queues);
        title.setText("Queues (" + queues.size() + ")");
        if (queues.isEmpty()) {
            message.showHint(emptyText);
            show(MESSAGE_CARD);
        } else {
            show(TABLE_CARD);
        }
    }

    /** Shows why list() failed, in words, with the backend's advice (e.g. the mount command). */
    public void showFailure(String headline, Explanation why) {
        assert SwingUtilities.isEventDispatchThread();
        model.setQueues(List.of());
        title.setText("Queues");
        message.showProblem(headline + ": " + why.headline(), why.call(), why.detail());
        show(MESSAGE_CARD);
    }

    public QueueTableModel model() {
        return model;
    }

    /** Which card is showing: {@value #TABLE_CARD} or {@value #MESSAGE_CARD}. */
    String visibleCard() {
        return visibleCard;
    }

    MessageView messageView() {
        return message;
    }

    private void show(String card) {
        cards.show(body, card);
        visibleCard = card;
    }
}
