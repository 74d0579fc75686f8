package org.mqscope.ui.core;

import org.mqscope.mq.MqBackends;

/** The two namespaces the window can show, as the user chooses them. */
public enum BackendKind {
    KERNEL(MqBackends.KERNEL, "Kernel", "backend-kernel", "this machine's queues (/dev/mqueue)",
            "No queues in /dev/mqueue. Queues that programs create with mq_open(3) appear here on refresh."),
    EMULATED(MqBackends.EMULATED, "Emulated", "backend-emulated", "an in-process namespace, not the machine's",
            "The emulated namespace is empty. It lives inside mqscope; the machine's queues are under Kernel.");

    private final String id;
    private final String label;
    private final String iconName;
    private final String description;
    private final String emptyText;

    BackendKind(String id, String label, String iconName, String description, String emptyText) {
        this.id = id;
        this.label = label;
        this.iconName = iconName;
        this.description = description;
        this.emptyText = emptyText;
    }

    /** The id {@link MqBackends} and the command line use: "kernel" or "emulated". */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** Base name of the SVG under org/mqscope/icons/. */
    public String iconName() {
        return iconName;
    }

    /** What this backend shows, in a few words for the status bar and tooltips. */
    public String description() {
        return description;
    }

    /** What the queue list says when list() returns nothing. */
    public String emptyText() {
        return emptyText;
    }

    /** The kind with this id, or null. */
    public static BackendKind byId(String id) {
        for (BackendKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        return null;
    }
}
