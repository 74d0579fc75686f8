package org.mqscope.ui.window;

import org.mqscope.ui.core.QueueContext;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.mqscope.ui.charts.ChartsPanel;

/**
 * The charts panel as the benchmark runs it: on a bare context (the tests' {@link org.mqscope.ui.charts.StubContext}),
 * sampled by the benchmark at 10 Hz whatever the panel asks.
 */
final class ChartsLoad {

    private ChartsLoad() {
    }

    /**
     * A new panel drawing at 10 Hz, on the EDT: the overview of {@code queues}, or the selected queue. The settings go
     * in through the panel's preferences, as a user's would.
     */
    static ChartsPanel create(QueueContext context, boolean overview, List<String> queues)
            throws BackingStoreException {
        Preferences prefs = context.prefs("charts");
        prefs.clear();
        prefs.putInt("rate", 10);
        prefs.put("view", overview ? "overview" : "selected");
        prefs.put("queues", String.join("\n", queues));
        return new ChartsPanel(context);
    }
}
