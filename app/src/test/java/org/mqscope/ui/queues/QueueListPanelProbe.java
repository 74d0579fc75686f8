package org.mqscope.ui.queues;

import org.mqscope.ui.Edt;

/** Lets tests in other packages read what the queue pane's message card says. */
public final class QueueListPanelProbe {
    private QueueListPanelProbe() {
    }

    public static String headline(QueueListPanel panel) {
        return Edt.call(() -> panel.messageView().headlineText());
    }

    public static String detail(QueueListPanel panel) {
        return Edt.call(() -> panel.messageView().detailText());
    }
}
