package org.mqscope.ui.core;

import javax.swing.JComponent;

/**
 * The placeholder colour for secondary text, as a FlatLaf style rather than a colour set once: styles are applied
 * again when the theme changes at runtime, a colour read from UIManager at construction would not be.
 */
public final class Dim {
    static final String STYLE = "foreground: $Mqscope.placeholder.foreground";

    private Dim() {
    }

    public static <T extends JComponent> T text(T c) {
        c.putClientProperty("FlatLaf.style", STYLE);
        return c;
    }
}
