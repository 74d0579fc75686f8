package org.mqscope.ui.core.find;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Filters kept under a name, for one queue or for every queue, and the filters used last; remembered between runs
 * in a preferences node of their own (tests pass a fresh node). A store that cannot be read starts empty.
 */
public final class SavedViews {
    /** How many recent filters the bar's history keeps. */
    static final int RECENT_MAX = 10;
    private static final String VIEWS = "views";
    private static final String RECENT = "recent";

    /** A saved filter; {@code queue} is null for a view offered on every queue. */
    public record View(String name, String queue, String expression) {
        public View {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(expression, "expression");
        }

        public boolean forAllQueues() {
            return queue == null;
        }
    }

    private final Preferences node;

    public SavedViews(Preferences node) {
        this.node = node;
    }

    /** Every view: the ones for all queues and the ones for each queue, in the order they were saved. */
    public List<View> all() {
        List<View> out = new ArrayList<>();
        Preferences views = node.node(VIEWS);
        for (int i = 0; ; i++) {
            String name = views.get(i + ".name", null);
            String expression = views.get(i + ".expression", null);
            if (name == null || expression == null) {
                return out;
            }
            String queue = views.get(i + ".queue", "");
            out.add(new View(name, queue.isEmpty() ? null : queue, expression));
        }
    }

    /** The views offered on {@code queue}: its own and those for every queue. */
    public List<View> forQueue(String queue) {
        return all().stream().filter(v -> v.forAllQueues() || v.queue().equals(queue)).toList();
    }

    /** Saves a view, replacing one of the same name and scope. */
    public void save(View v) {
        List<View> views = new ArrayList<>(all());
        views.removeIf(o -> o.name().equals(v.name()) && Objects.equals(o.queue(), v.queue()));
        views.add(v);
        write(views);
    }

    public void remove(View v) {
        List<View> views = new ArrayList<>(all());
        views.remove(v);
        write(views);
    }

    private void write(List<View> views) {
        Preferences n = node.node(VIEWS);
        try {
            n.clear();
        } catch (BackingStoreException e) {
            // the keys below overwrite what is there; a leftover tail is cut by the missing next index
        }
        for (int i = 0; i < views.size(); i++) {
            View v = views.get(i);
            n.put(i + ".name", v.name());
            n.put(i + ".expression", v.expression());
            n.put(i + ".queue", v.queue() == null ? "" : v.queue());
        }
        flush();
    }

    /** The filters applied last, newest first. */
    public List<String> recent() {
        List<String> out = new ArrayList<>();
        Preferences n = node.node(RECENT);
        for (int i = 0; i < RECENT_MAX; i++) {
            String e = n.get(Integer.toString(i), null);
            if (e == null) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    /** Puts a filter at the top of the recent list (once). */
    public void remember(String expression) {
        if (expression.isBlank()) {
            return;
        }
        List<String> r = new ArrayList<>(recent());
        r.remove(expression);
        r.add(0, expression);
        Preferences n = node.node(RECENT);
        for (int i = 0; i < Math.min(r.size(), RECENT_MAX); i++) {
            n.put(Integer.toString(i), r.get(i));
        }
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // kept in memory for this run; the next start simply does not see it
        }
    }
}
