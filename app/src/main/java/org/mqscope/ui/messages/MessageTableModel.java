package org.mqscope.ui.messages;

import org.mqscope.ui.core.ColumnTableModel;
import org.mqscope.ui.core.Preview;
import org.mqscope.mq.MqMessage;

import javax.swing.SwingUtilities;
import java.util.List;

/**
 * The messages of one peek, in receive order: index, priority, size, preview. A view over the peek's list: no row
 * objects; each preview is computed the first time its row is painted and kept (one short string per row), so
 * 65,536 rows cost what the screen shows.
 */
public final class MessageTableModel extends ColumnTableModel {
    public static final int INDEX = 0;
    public static final int PRIORITY = 1;
    public static final int SIZE = 2;
    public static final int PREVIEW = 3;


    private List<MqMessage> messages = List.of();
    /** Band number of each row: it goes up by one each time the priority changes down the list. */
    private int[] bands = new int[0];
    private String[] previews = new String[0];

    public MessageTableModel() {
        super(List.of(column("#", Integer.class), column("Priority", Integer.class), column("Size", Integer.class),
                column("Preview", String.class)));
    }

    /** Replaces the rows; EDT only. The list is the peek's own (immutable) list, not copied. */
    public void setMessages(List<MqMessage> newMessages) {
        assert SwingUtilities.isEventDispatchThread();
        messages = List.copyOf(newMessages); // no copy when already immutable
        bands = bandsOf(messages);
        previews = new String[messages.size()];
        fireTableDataChanged();
    }

    /** Priority bands down a receive-ordered list: rows of one priority share a band number. */
    static int[] bandsOf(List<MqMessage> list) {
        int[] b = new int[list.size()];
        int band = 0;
        for (int i = 1; i < b.length; i++) {
            if (list.get(i).priority() != list.get(i - 1).priority()) {
                band++;
            }
            b[i] = band;
        }
        return b;
    }

    public List<MqMessage> messages() {
        return messages;
    }

    public MqMessage messageAt(int row) {
        return messages.get(row);
    }

    /** The priority band of a row (0 for the first priority in the list, 1 for the next, ...). */
    public int bandAt(int row) {
        return bands[row];
    }

    /** How many previews have been computed so far (the rest wait until their rows are painted). */
    int previewsComputed() {
        int n = 0;
        for (String p : previews) {
            if (p != null) {
                n++;
            }
        }
        return n;
    }

    @Override
    public int getRowCount() {
        return messages.size();
    }

    @Override
    public Object getValueAt(int row, int column) {
        MqMessage m = messages.get(row);
        return switch (column) {
            case INDEX -> row;
            case PRIORITY -> m.priority();
            case SIZE -> m.size();
            case PREVIEW -> {
                String p = previews[row];
                if (p == null) {
                    p = Preview.of(m.body());
                    previews[row] = p;
                }
                yield p;
            }
            default -> throw new IndexOutOfBoundsException("column " + column);
        };
    }
}
