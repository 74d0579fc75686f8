package org.mqscope.ui.core.sequence;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.swing.JComponent;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.UIManager;

import org.mqscope.mq.QueueEvent;
import org.mqscope.mq.QueueEvent.Kind;

/**
 * The sequence diagram: one row per event, a vertical lane per actor and per queue, an arrow between the actor
 * and the queue labelled with the call. Click a row to select it. Shared by the activity timeline (the emulation's
 * events) and the recording window (real processes, whose actor is "command pid"). EDT only.
 */
public final class SequenceView extends JComponent implements Scrollable {
    public static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final int MIN_COLUMN = 110;
    private static final int ARROW = 6;

    private final List<QueueEvent> rows = new ArrayList<>();
    private Lanes lanes = new Lanes(List.of());
    private int selected = -1;
    private Consumer<QueueEvent> onSelect = e -> { };
    private final JComponent header = new Header();

    /** A diagram named {@code name} (its header is "{@code name}.header"). */
    public SequenceView(String name) {
        setName(name);
        header.setName(name + ".header");
        setOpaque(true);
        addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                int row = e.getY() / rowHeight();
                if (row >= 0 && row < rows.size()) {
                    select(row);
                    onSelect.accept(rows.get(row));
                }
            }
        });
    }

    /** The column titles, for the scroll pane's header. */
    public JComponent header() {
        return header;
    }

    public void onSelect(Consumer<QueueEvent> listener) {
        onSelect = listener;
    }

    /** Replaces the rows (the model keeps them bounded). */
    public void setRows(List<QueueEvent> events) {
        rows.clear();
        rows.addAll(events);
        lanes = new Lanes(rows);
        if (selected >= rows.size()) {
            selected = -1;
        }
        revalidate();
        header.revalidate();
        repaint();
        header.repaint();
    }

    public List<QueueEvent> rows() {
        return rows;
    }

    /** The lane titles from left to right: actors around the queues. */
    public List<String> columns() {
        return lanes.columns();
    }

    public int selected() {
        return selected;
    }

    public void select(int row) {
        selected = row;
        scrollRectToVisible(new Rectangle(0, row * rowHeight(), 1, rowHeight()));
        repaint();
    }

    public void clearSelection() {
        selected = -1;
        repaint();
    }

    /** Shows the last row. */
    public void scrollToEnd() {
        if (!rows.isEmpty()) {
            scrollRectToVisible(new Rectangle(0, (rows.size() - 1) * rowHeight(), 1, rowHeight()));
        }
    }

    public int rowHeight() {
        return getFontMetrics(font()).getHeight() * 2 + 4;
    }

    private Font font() {
        Font f = UIManager.getFont("Label.font");
        return f != null ? f : getFont();
    }

    private int timeWidth() {
        return getFontMetrics(font()).stringWidth("00:00:00.000") + 16;
    }

    private int columnWidth() {
        int n = Math.max(1, lanes.columns().size());
        int fit = (Math.max(getWidth(), 1) - timeWidth()) / n;
        return Math.max(fit, MIN_COLUMN * font().getSize() / 12);
    }

    private int centre(int column) {
        return timeWidth() + column * columnWidth() + columnWidth() / 2;
    }

    @Override
    public Dimension getPreferredSize() {
        int w = timeWidth() + Math.max(1, lanes.columns().size()) * MIN_COLUMN * font().getSize() / 12;
        return new Dimension(w, Math.max(1, rows.size()) * rowHeight());
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(font());
            g.setColor(color("Mqscope.timeline.background"));
            Rectangle clip = g.getClipBounds();
            g.fillRect(clip.x, clip.y, clip.width, clip.height);
            int h = rowHeight();
            int first = Math.max(0, clip.y / h);
            int last = Math.min(rows.size() - 1, (clip.y + clip.height) / h);
            if (selected >= first && selected <= last) {
                g.setColor(color("Mqscope.timeline.selection"));
                g.fillRect(0, selected * h, getWidth(), h);
            }
            for (int c = 0; c < lanes.columns().size(); c++) {
                boolean queue = lanes.isQueue(c);
                g.setColor(color(queue ? "Mqscope.timeline.queue" : "Mqscope.timeline.lane"));
                g.setStroke(new BasicStroke(queue ? 3f : 1f));
                g.drawLine(centre(c), clip.y, centre(c), clip.y + clip.height);
            }
            g.setStroke(new BasicStroke(1.5f));
            for (int i = first; i <= last; i++) {
                paintRow(g, rows.get(i), i * h, h);
            }
        } finally {
            g.dispose();
        }
    }

    private void paintRow(Graphics2D g, QueueEvent e, int y, int h) {
        FontMetrics fm = g.getFontMetrics();
        g.setColor(color("Mqscope.placeholder.foreground"));
        g.drawString(LocalTime.ofInstant(e.time(), ZoneId.systemDefault()).format(CLOCK), 6, y + h / 2 + fm.getAscent() / 2);
        int a = centre(lanes.actorColumn(e.actor()));
        int q = centre(lanes.queueColumn(e.queue()));
        int arrowY = y + h - fm.getDescent() - 6;
        String label = e.summary();
        Color c = color(colourKey(e));
        g.setColor(c);
        if (e.kind() == Kind.BLOCKED) {
            g.fillRect(a - 5, y + 4, 10, h - 8);
            drawLabel(g, label, a + 10, y);
            return;
        }
        boolean towardQueue = e.kind() == Kind.CALL && !(isReceive(e) && e.errno() == null);
        Stroke old = g.getStroke();
        if (e.kind() == Kind.WOKEN || e.kind() == Kind.NOTIFY_FIRED) {
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f},
                    0f));
        }
        int from = towardQueue ? a : q;
        int to = towardQueue ? q : a;
        g.drawLine(from, arrowY, to, arrowY);
        g.setStroke(old);
        int dir = Integer.signum(to - from);
        g.fillPolygon(new int[] {to, to - dir * ARROW * 2, to - dir * ARROW * 2},
                new int[] {arrowY, arrowY - ARROW, arrowY + ARROW}, 3);
        if (e.errno() != null) {
            g.drawLine(to - 5, arrowY - 5, to + 5, arrowY + 5);
            g.drawLine(to - 5, arrowY + 5, to + 5, arrowY - 5);
        }
        g.setColor(color("Mqscope.timeline.foreground"));
        drawLabel(g, label, Math.min(a, q) + 8, y);
    }

    /** The call's words at the top of its row, above its arrow. */
    private static void drawLabel(Graphics2D g, String text, int x, int y) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, x, y + fm.getAscent() + 2);
    }

    private static boolean isReceive(QueueEvent e) {
        return e.call().contains("receive");
    }

    private static String colourKey(QueueEvent e) {
        if (e.errno() != null) {
            return "Mqscope.timeline.error";
        }
        return switch (e.kind()) {
            case BLOCKED -> "Mqscope.timeline.blocked";
            case NOTIFY_FIRED -> "Mqscope.timeline.notify";
            case WOKEN -> "Mqscope.timeline.receive";
            case CALL -> isReceive(e) ? "Mqscope.timeline.receive" : e.call().contains("send")
                    ? "Mqscope.timeline.send" : "Mqscope.timeline.foreground";
        };
    }

    private static Color color(String key) {
        Color c = UIManager.getColor(key);
        return c != null ? c : Color.GRAY;
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return new Dimension(600, 300);
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
        return orientation == SwingConstants.VERTICAL ? rowHeight() : 20;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
        return orientation == SwingConstants.VERTICAL ? visible.height - rowHeight() : visible.width - 40;
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return getParent() != null && getParent().getWidth() > getPreferredSize().width;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return false;
    }

    /** Lane titles: actors, and the queues in bold. */
    private final class Header extends JComponent {
        @Override
        public Dimension getPreferredSize() {
            return new Dimension(SequenceView.this.getPreferredSize().width,
                    getFontMetrics(font()).getHeight() + 10);
        }

        @Override
        protected void paintComponent(Graphics g0) {
            Graphics2D g = (Graphics2D) g0.create();
            try {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setColor(color("Mqscope.timeline.background"));
                g.fillRect(0, 0, getWidth(), getHeight());
                for (int c = 0; c < lanes.columns().size(); c++) {
                    boolean queue = lanes.isQueue(c);
                    g.setFont(queue ? font().deriveFont(Font.BOLD) : font());
                    g.setColor(color(queue ? "Mqscope.timeline.queue" : "Mqscope.timeline.foreground"));
                    String t = lanes.columns().get(c);
                    FontMetrics fm = g.getFontMetrics();
                    g.drawString(t, centre(c) - fm.stringWidth(t) / 2, fm.getAscent() + 5);
                }
            } finally {
                g.dispose();
            }
        }
    }
}
