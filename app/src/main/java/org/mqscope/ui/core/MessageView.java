package org.mqscope.ui.core;

import net.miginfocom.swing.MigLayout;

import javax.swing.Icon;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.UIManager;

/**
 * A short explanation in place of content: a headline, optionally the failed call and advice. The advice is
 * selectable text so a command in it (e.g. the mount command) can be copied.
 */
public final class MessageView extends JPanel {
    private final JLabel headline = new JLabel();
    private final JLabel call = new JLabel();
    private final JTextArea detail = new JTextArea();
    private String headlinePlain = "";

    public MessageView(String name) {
        super(new MigLayout("insets 12, wrap 1, hidemode 3", "[grow, fill]", "[]6[]6[]"));
        setName(name);
        headline.setName(name + ".headline");
        call.setName(name + ".call");
        detail.setName(name + ".detail");
        headline.setVerticalTextPosition(JLabel.TOP);
        call.putClientProperty("FlatLaf.styleClass", "monospaced");
        detail.setEditable(false);
        detail.setLineWrap(true);
        detail.setWrapStyleWord(true);
        detail.setOpaque(false);
        detail.setBorder(null);
        detail.setFocusable(true);
        detail.putClientProperty("FlatLaf.styleClass", "monospaced");
        add(headline, "wmin 0");
        add(call, "wmin 0");
        add(detail, "wmin 0");
        show(null, "", null, null);
    }

    /** Shows the texts; null hides the call or the detail. The icon may be null. */
    public void show(Icon icon, String headlineText, String callText, String detailText) {
        headline.setIcon(icon);
        headlinePlain = headlineText == null ? "" : headlineText;
        headline.setText(html(headlinePlain));
        call.setText(callText);
        call.setVisible(callText != null);
        detail.setText(detailText);
        detail.setVisible(detailText != null);
        revalidate();
        repaint();
    }

    /** A plain informational line in the placeholder colour, e.g. "Loading…" or "No queues". */
    public void showHint(String text) {
        show(null, text, null, null);
        headline.putClientProperty("FlatLaf.styleClass", null);
        Dim.text(headline);
    }

    /** An error: warning icon and the regular text colour. */
    public void showProblem(String headlineText, String callText, String detailText) {
        show(Icons.warning(), headlineText, callText, detailText);
        headline.putClientProperty("FlatLaf.styleClass", "h4");
        headline.putClientProperty("FlatLaf.style", null);
        headline.setForeground(UIManager.getColor("Label.foreground"));
    }

    /** The headline as given, without the HTML that makes it wrap. */
    public String headlineText() {
        return headlinePlain;
    }

    public String callText() {
        return call.isVisible() ? call.getText() : null;
    }

    public String detailText() {
        return detail.isVisible() ? detail.getText() : null;
    }

    /** HTML lets the headline wrap inside a narrow pane; the text is escaped first. */
    private static String html(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<html>" + escaped + "</html>";
    }
}
