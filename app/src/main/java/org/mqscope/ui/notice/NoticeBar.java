package org.mqscope.ui.notice;

import net.miginfocom.swing.MigLayout;
import org.mqscope.ui.core.Icons;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;

/**
 * A strip under the toolbar for things the user must notice but that need no answer: "the kernel backend did not
 * start, showing the emulation". Hidden until {@link #show(String, String)}; the user closes it.
 */
public final class NoticeBar extends JPanel {
    private final JLabel icon = new JLabel(Icons.warning());
    private final JLabel headline = new JLabel();
    private final JTextArea detail = new JTextArea();
    private final JButton close = new JButton("Dismiss");
    /** The queue the notice shown is about, or null when it is about the window as a whole. */
    private String about;

    public NoticeBar() {
        super(new MigLayout("insets 6 10 6 10, hidemode 3, wrap 3", "[][grow, fill][]", "[]2[]"));
        setName("notice");
        headline.setName("notice.headline");
        detail.setName("notice.detail");
        close.setName("notice.close");
        headline.putClientProperty("FlatLaf.style", "font: bold");
        detail.setEditable(false);
        detail.setLineWrap(true);
        detail.setWrapStyleWord(true);
        detail.setOpaque(false);
        detail.setBorder(null);
        close.putClientProperty("JButton.buttonType", "toolBarButton");
        close.setFocusable(false); // the notice must not take the initial focus from the queue list
        close.addActionListener(e -> setVisible(false));
        add(icon, "spany 2, aligny top");
        add(headline, "wmin 0");
        add(close, "spany 2, aligny top");
        add(detail, "wmin 0");
        applyColours();
        setVisible(false);
    }

    /** Shows the notice with the warning sign; {@code detailOrNull} goes on a second, selectable line. */
    public void show(String headlineText, String detailOrNull) {
        icon.setIcon(Icons.warning());
        about = null;
        showText(headlineText, detailOrNull);
    }

    /** As {@link #show} or {@link #showInfo} ({@code worrying} picks), about one queue: it goes with that queue. */
    public void showAbout(String queue, boolean worrying, String headlineText, String detailOrNull) {
        if (worrying) {
            show(headlineText, detailOrNull);
        } else {
            showInfo(headlineText, detailOrNull);
        }
        about = queue;
    }

    /** Hides a notice about another queue than {@code queue} (the user moved on, or that queue is gone). */
    public void dismissUnlessAbout(String queue) {
        assert SwingUtilities.isEventDispatchThread();
        if (isVisible() && about != null && !about.equals(queue)) {
            setVisible(false);
            about = null;
        }
    }

    /** The queue the notice shown is about, or null. */
    public String about() {
        return isVisible() ? about : null;
    }

    /** A report that needs no worry (a clean peek, messages restored): the same strip without the warning sign. */
    public void showInfo(String headlineText, String detailOrNull) {
        icon.setIcon(null); // the cell stays: hiding the label would shift the wrapped layout
        about = null;
        showText(headlineText, detailOrNull);
    }

    /** True when the warning sign shows. */
    public boolean warning() {
        return icon.getIcon() != null;
    }

    private void showText(String headlineText, String detailOrNull) {
        assert SwingUtilities.isEventDispatchThread();
        headline.setText(headlineText);
        headline.setToolTipText(headlineText); // cut when the window is narrow
        detail.setText(detailOrNull);
        detail.setVisible(detailOrNull != null);
        setVisible(true);
        revalidate();
    }

    public String headlineText() {
        return isVisible() ? headline.getText() : null;
    }

    public String detailText() {
        return isVisible() && detail.isVisible() ? detail.getText() : null;
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (detail != null) { // null while the superclass constructor runs
            applyColours();
        }
    }

    private void applyColours() {
        setBackground(UIManager.getColor("Mqscope.notice.background"));
        setBorder(BorderFactory.createMatteBorder(0, 0, 1, 0,
                UIManager.getColor("Mqscope.notice.borderColor")));
        headline.setForeground(UIManager.getColor("Mqscope.notice.foreground"));
        detail.setForeground(UIManager.getColor("Mqscope.notice.foreground"));
    }
}
