package org.mqscope.ui.detail;

import org.mqscope.ui.core.Numbers;

import net.miginfocom.swing.MigLayout;
import org.mqscope.find.Highlights;
import org.mqscope.ui.core.LineSource;
import org.mqscope.ui.core.LineView;

import javax.swing.Action;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import java.awt.CardLayout;
import java.awt.Dimension;

/**
 * Bottom pane: one message in full, as Text, Hex (offset | hex | ASCII) and pretty JSON. The views paint only the
 * lines on screen, so a 16 MiB payload opens as fast as a small one; the content itself is prepared off the EDT
 * ({@link DetailContent}).
 */
public final class DetailPanel extends JPanel {
    static final String PLACEHOLDER = "Select a message to see it here as text, hex and JSON.";
    public static final int TEXT_TAB = 0;
    public static final int HEX_TAB = 1;
    public static final int JSON_TAB = 2;
    private static final String EMPTY_CARD = "empty";
    private static final String CONTENT_CARD = "content";

    /** Room for a few lines of hex dump; the message table gets the rest. */
    private static final int PREFERRED_WIDTH = 600;
    private static final int PREFERRED_HEIGHT = 220;

    private final JLabel title = new JLabel("Message");
    private final JLabel facts = new JLabel(" ");
    /** Plain wrapped text, not an HTML label: the first frame shows it, and HTML would load Swing's HTML kit. */
    private final JTextArea placeholder = new JTextArea(PLACEHOLDER);
    private final JLabel textNote = note("detail.text.note");
    private final JLabel jsonNote = note("detail.json.note");
    private final LineView text = new LineView("detail.text");
    private final LineView hex = new LineView("detail.hex");
    private final LineView json = new LineView("detail.json");
    private final JTabbedPane tabs = new JTabbedPane();
    private final CardLayout cards = new CardLayout();
    private final JPanel body = new JPanel(cards);
    private final JButton copy = new JButton();
    private DetailContent content;
    private Highlights highlights = Highlights.NONE;
    /** Until the user picks a tab, JSON payloads open in the JSON tab and everything else in Text. */
    private boolean tabChosen;
    private boolean choosingTab;

    public DetailPanel(Action copyAction) {
        super(new MigLayout("insets 6 8 8 8, wrap 1, hidemode 3", "[grow, fill]", "[]4[grow, fill]"));
        setName("detail");
        title.setName("detail.title");
        facts.setName("detail.facts");
        placeholder.setName("detail.placeholder");
        tabs.setName("detail.tabs");
        title.putClientProperty("FlatLaf.styleClass", "h4");
        org.mqscope.ui.core.Dim.text(placeholder);
        placeholder.setEditable(false);
        placeholder.setFocusable(false);
        placeholder.setOpaque(false);
        placeholder.setLineWrap(true);
        placeholder.setWrapStyleWord(true);
        placeholder.setBorder(null);
        copy.setAction(copyAction);
        copy.setName("detail.copy");
        copy.putClientProperty("JButton.buttonType", "toolBarButton");
        copy.setFocusable(false);

        tabs.addTab("Text", view(text, textNote));
        tabs.addTab("Hex", view(hex, null));
        tabs.addTab("JSON", view(json, jsonNote));
        tabs.addChangeListener(e -> tabChosen |= !choosingTab);
        JPanel empty = new JPanel(new MigLayout("insets 0", "[grow, fill]", "[top]"));
        empty.add(placeholder, "wmin 0");
        body.add(empty, EMPTY_CARD);
        body.add(tabs, CONTENT_CARD);

        add(title, "split 3");
        add(facts, "gapleft 8, growx, wmin 0");
        add(copy);
        add(body);
        setPreferredSize(new Dimension(PREFERRED_WIDTH, PREFERRED_HEIGHT));
        clear(null);
    }

    private static JLabel note(String name) {
        JLabel l = new JLabel();
        l.setName(name);
        org.mqscope.ui.core.Dim.text(l);
        l.setVisible(false);
        return l;
    }

    private static JComponent view(LineView v, JLabel noteOrNull) {
        JScrollPane scroll = new JScrollPane(v);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        JPanel p = new JPanel(new MigLayout("insets 0, gap 0, wrap 1, hidemode 3", "[grow, fill]", "[][grow, fill]"));
        if (noteOrNull != null) {
            p.add(noteOrNull, "gap 6 6 4 4, wmin 0");
        }
        p.add(scroll, noteOrNull == null ? "span, grow" : "");
        return p;
    }

    /** Shows a message; EDT only. */
    public void show(DetailContent c) {
        assert SwingUtilities.isEventDispatchThread();
        content = c;
        title.setText(c.heading());
        facts.setText("priority " + c.message().priority() + " · " + Numbers.grouped(c.message().size()) + " bytes" + (c.message().size() >= 1024
                ? " (" + Numbers.bytes(c.message().size()) + ")" : ""));
        text.setSource(c.text());
        textNote.setText(c.text().utf8() ? null : "Not valid UTF-8: shown as Latin-1, control bytes as ·");
        textNote.setVisible(!c.text().utf8());
        hex.setSource(c.hex());
        json.setSource(c.json() == null ? LineSource.EMPTY : c.json());
        jsonNote.setText(c.jsonNote());
        jsonNote.setVisible(c.jsonNote() != null);
        for (LineView v : new LineView[] {text, hex, json}) {
            v.scrollRectToVisible(new java.awt.Rectangle(0, 0, 1, 1));
        }
        mark();
        if (!tabChosen) {
            choosingTab = true;
            tabs.setSelectedIndex(c.json() != null ? JSON_TAB : TEXT_TAB);
            choosingTab = false;
        }
        cards.show(body, CONTENT_CARD);
    }

    /** A new heading for the message shown (it moved in the queue, or left it), the views as they are. */
    public void retitle(String heading) {
        assert SwingUtilities.isEventDispatchThread();
        title.setText(heading);
    }

    /**
     * Marks the filter's matches in the Text, Hex and JSON views of this and every later message, and scrolls each
     * view to its first match; {@link Highlights#NONE} for none. EDT only.
     */
    public void setHighlights(Highlights h) {
        assert SwingUtilities.isEventDispatchThread();
        highlights = h == null ? Highlights.NONE : h;
        mark();
    }

    public Highlights highlights() {
        return highlights;
    }

    private void mark() {
        Highlights h = highlights;
        if (h.isEmpty() || content == null) {
            text.setMarks(null);
            hex.setMarks(null);
            json.setMarks(null);
            return;
        }
        java.util.List<Highlights.Span> bytes = h.inBytes(content.message().body());
        text.setMarks((i, line) -> h.inText(line));
        hex.setMarks((i, line) -> HexLines.columns(i, bytes));
        json.setMarks((i, line) -> h.inJson(line));
        scrollToFirstMark(text);
        scrollToFirstMark(json);
        if (!bytes.isEmpty()) {
            hex.scrollToLine(bytes.get(0).start() / HexLines.BYTES_PER_LINE);
        }
    }

    /** Lines looked at for the first match: enough for any message one reads, bounded for a 16 MiB one. */
    private static final int FIRST_MARK_SEARCH_LINES = 20_000;

    private static void scrollToFirstMark(LineView v) {
        LineSource s = v.source();
        for (int i = 0; i < Math.min(s.lineCount(), FIRST_MARK_SEARCH_LINES); i++) {
            if (!v.marks().of(i, s.line(i)).isEmpty()) {
                v.scrollToLine(i);
                return;
            }
        }
    }

    /** The view of a tab ({@link #TEXT_TAB}, {@link #HEX_TAB}, {@link #JSON_TAB}). */
    public LineView view(int tab) {
        return switch (tab) {
            case HEX_TAB -> hex;
            case JSON_TAB -> json;
            default -> text;
        };
    }

    /** Back to the placeholder; {@code why} replaces its text when not null. */
    public void clear(String why) {
        assert SwingUtilities.isEventDispatchThread();
        content = null;
        title.setText("Message");
        facts.setText(" ");
        placeholder.setText(why == null ? PLACEHOLDER : why);
        text.setSource(LineSource.EMPTY);
        hex.setSource(LineSource.EMPTY);
        json.setSource(LineSource.EMPTY);
        cards.show(body, EMPTY_CARD);
    }

    /** The message shown, or null. */
    public DetailContent content() {
        return content;
    }

    /** What Copy takes from the tab in front: the decoded text, the hex dump, or the pretty JSON. */
    public String copyText() {
        if (content == null) {
            return null;
        }
        return switch (tabs.getSelectedIndex()) {
            case HEX_TAB -> content.hex().joined();
            case JSON_TAB -> content.json() != null ? content.json().text() : content.text().text();
            default -> content.text().text();
        };
    }

    public JTabbedPane tabs() {
        return tabs;
    }

    /** What the pane says while no message is selected. */
    public String placeholderText() {
        return PLACEHOLDER;
    }
}
