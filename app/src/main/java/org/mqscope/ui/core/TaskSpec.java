package org.mqscope.ui.core;

import java.awt.Component;

/**
 * What the window shows of a long task: its title ("Exporting /orders"), the unit it counts ("messages"), what
 * Cancel does (null: the task cannot stop midway, e.g. a journaled drain and restore, so there is no Cancel), and
 * the window its progress dialog stands over (null: no dialog, e.g. a dialog that embeds a {@link TaskView}).
 */
public record TaskSpec(String title, String unit, boolean showsRate, String cancelMeans, Component owner) {
    public static TaskSpec of(String title) {
        return new TaskSpec(title, null, false, null, null);
    }

    /** The text adds the rate ("· 250/s"), for work whose pace matters (a bulk send). */
    public TaskSpec showingRate() {
        return new TaskSpec(title, unit, true, cancelMeans, owner);
    }

    /** Counts {@code unit} ("messages"): determinate once the task knows its total. */
    public TaskSpec counting(String unit) {
        return new TaskSpec(title, unit, showsRate, cancelMeans, owner);
    }

    /** Cancellable; {@code means} ("stops after the message being sent…") is the Cancel button's tooltip. */
    public TaskSpec cancellable(String means) {
        return new TaskSpec(title, unit, showsRate, means, owner);
    }

    /** A progress dialog over {@code window} while the task runs longer than {@link TaskDialog#SHOW_AFTER}. */
    public TaskSpec shownOver(Component window) {
        return new TaskSpec(title, unit, showsRate, cancelMeans, window);
    }

    public boolean isCancellable() {
        return cancelMeans != null;
    }
}
