package org.mqscope.ui.window;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The tabs below the message table, in their order: the title on the tab and the name --tab takes. */
public enum ToolTab {
    MESSAGE("Message"),
    SEND("Send"),
    ATTRIBUTES("Attributes"),
    CHARTS("Charts"),
    TRAFFIC("Traffic"),
    PROCESSES("Processes"),
    TIMELINE("Timeline");

    private final String title;

    ToolTab(String title) {
        this.title = title;
    }

    /** What the tab shows. */
    public String title() {
        return title;
    }

    /** The name --tab takes: the title in lower case. */
    public String id() {
        return title.toLowerCase(Locale.ROOT);
    }

    /** Every id, in tab order (for usage text and errors). */
    public static List<String> ids() {
        return Arrays.stream(values()).map(ToolTab::id).toList();
    }

    /** The tab named {@code name} in any case, or empty. */
    public static Optional<ToolTab> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.title.equalsIgnoreCase(name)).findFirst();
    }
}
