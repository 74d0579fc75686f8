package org.mqscope.ui.detail;

import net.miginfocom.swing.MigLayout;

import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.UIManager;
import java.awt.Dimension;

/** Bottom pane: the selected message in full. Until a message can be selected it says what will appear. */
public final class DetailPanel extends JPanel {
    static final String PLACEHOLDER = "The selected message will appear here: its priority and size, "
            + "and its payload as hex and as text.";

    /** Room for a few lines of hex dump; the message table gets the rest. */
    private static final int PREFERRED_WIDTH = 600;
    private static final int PREFERRED_HEIGHT = 180;

    private final JLabel title = new JLabel("Message");
    private final JLabel placeholder = new JLabel("<html>" + PLACEHOLDER + "</html>");

    public DetailPanel() {
        super(new MigLayout("insets 6 8 8 8, wrap 1", "[grow, fill]", "[]6[grow, top]"));
        setName("detail");
        title.setName("detail.title");
        placeholder.setName("detail.placeholder");
        title.putClientProperty("FlatLaf.styleClass", "h4");
        placeholder.setForeground(UIManager.getColor("Mqscope.placeholder.foreground"));
        add(title);
        add(placeholder, "wmin 0");
        setPreferredSize(new Dimension(PREFERRED_WIDTH, PREFERRED_HEIGHT));
    }

    /** What the pane says while no message is selected. */
    public String placeholderText() {
        return PLACEHOLDER;
    }
}
