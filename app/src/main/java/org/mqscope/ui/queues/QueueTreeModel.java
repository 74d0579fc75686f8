package org.mqscope.ui.queues;

import org.mqscope.monitor.QueueSample;
import org.mqscope.monitor.SampleBatch;
import org.mqscope.ui.core.BackendKind;

import javax.swing.SwingUtilities;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;
import javax.swing.tree.TreePath;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The queue tree: a root per backend ("Kernel — /dev/mqueue", "Emulated"), a node per queue of the backend in use.
 * Samples are applied as a diff (nodes inserted, removed or changed in place), so a node keeps its identity while
 * its queue exists and the tree's selection survives every update. A filter hides the queues whose name does not
 * contain it. EDT only.
 */
public final class QueueTreeModel extends DefaultTreeModel {
    private static final long serialVersionUID = 1L;

    /** A backend's root. */
    public static final class RootEntry {
        final BackendKind kind;
        boolean active;
        int queues;
        /** Other IPC namespaces have roots of their own: the kernel's says it is the host's. */
        boolean besideNamespaces;
        /** The label the tree was last told about. */
        String shownLabel;

        RootEntry(BackendKind kind) {
            this.kind = kind;
        }

        public BackendKind kind() {
            return kind;
        }

        public boolean active() {
            return active;
        }

        public String label() {
            String base = kind != BackendKind.KERNEL ? "Emulated"
                    : besideNamespaces ? "Kernel — host, /dev/mqueue" : "Kernel — /dev/mqueue";
            return active ? base + " (" + queues + ")" : base;
        }

        @Override
        public String toString() {
            return label();
        }
    }

    /** A queue; {@code sample} is null for a queue opened by name that the listing does not show. */
    public static final class QueueEntry {
        final BackendKind kind;
        final String name;
        /** The IPC namespace of a queue under a namespace root; 0 under the backend roots. */
        final long namespace;
        QueueSample sample;
        boolean pinned;

        QueueEntry(BackendKind kind, String name) {
            this(kind, name, 0);
        }

        QueueEntry(BackendKind kind, String name, long namespace) {
            this.kind = kind;
            this.name = name;
            this.namespace = namespace;
        }

        public long namespace() {
            return namespace;
        }

        public BackendKind kind() {
            return kind;
        }

        public String name() {
            return name;
        }

        public QueueSample sample() {
            return sample;
        }

        /** Opened by name rather than found in the listing (e.g. /dev/mqueue is not mounted). */
        public boolean pinned() {
            return pinned;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A line of text under a root: why there are no queues, or how to get them. */
    public record HintEntry(String text, boolean problem) {
        @Override
        public String toString() {
            return text;
        }
    }

    private final DefaultMutableTreeNode top;
    /** Another IPC namespace's root (a container's), after the kernel's, by inode; see {@link NamespaceRoots}. */
    private final NamespaceRoots namespaceRoots = new NamespaceRoots(this);
    private final Map<BackendKind, DefaultMutableTreeNode> roots = new EnumMap<>(BackendKind.class);
    /** Latest sample per queue of the active backend, by name. */
    private final Map<String, QueueSample> samples = new TreeMap<>();
    /** Queues opened by name, shown even when the listing misses them. */
    private final Set<String> pinned = new HashSet<>();
    private BackendKind active;
    private String hint;
    private boolean hintIsProblem;
    private String filter = "";

    public QueueTreeModel() {
        super(new DefaultMutableTreeNode("queues"));
        top = (DefaultMutableTreeNode) getRoot();
        for (BackendKind kind : BackendKind.values()) {
            DefaultMutableTreeNode r = new DefaultMutableTreeNode(new RootEntry(kind));
            roots.put(kind, r);
            top.add(r);
        }
        for (BackendKind kind : BackendKind.values()) {
            rebuild(kind);
        }
    }

    /** The backend now in use: its root fills with queues, the other root says how to switch. */
    public void setActive(BackendKind kind, String hintText) {
        assert SwingUtilities.isEventDispatchThread();
        if (kind != active) {
            samples.clear();
            pinned.clear();
        }
        active = kind;
        hint = hintText;
        hintIsProblem = false;
        for (BackendKind k : BackendKind.values()) {
            ((RootEntry) roots.get(k).getUserObject()).active = k == kind;
            rebuild(k);
        }
    }

    public BackendKind active() {
        return active;
    }

    /** A sampling pass of the active backend. A failed listing shows {@code failureText} under the root. */
    public void apply(SampleBatch batch, String failureText) {
        assert SwingUtilities.isEventDispatchThread();
        samples.clear();
        for (QueueSample s : batch.queues()) {
            samples.put(s.name(), s);
        }
        if (batch.failure() != null) {
            hint = failureText;
            hintIsProblem = true;
        } else {
            hint = samples.isEmpty() && pinned.isEmpty() && active != null ? active.emptyText() : null;
            hintIsProblem = false;
        }
        if (active != null) {
            rebuild(active);
        }
    }

    /** Shows a line under the active root above its queues (null removes it). */
    public void setHint(String text, boolean problem) {
        hint = text;
        hintIsProblem = problem;
        if (active != null) {
            rebuild(active);
        }
    }

    /** A queue opened by name: shown under the active root even when the listing does not have it. */
    public TreePath pin(String name) {
        pinned.add(name);
        rebuild(active);
        return pathOf(name);
    }

    /** Only queues whose name contains {@code text} (ignoring case); empty shows all. */
    public void setFilter(String text) {
        assert SwingUtilities.isEventDispatchThread();
        String f = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (!f.equals(filter)) {
            filter = f;
            if (active != null) {
                rebuild(active);
            }
            namespaceRoots.refilter();
        }
    }

    public String filter() {
        return filter;
    }

    /** The path of a queue's node under the active root, or null when it is not shown. */
    public TreePath pathOf(String name) {
        DefaultMutableTreeNode root = roots.get(active);
        if (root == null) {
            return null;
        }
        for (int i = 0; i < root.getChildCount(); i++) {
            DefaultMutableTreeNode n = (DefaultMutableTreeNode) root.getChildAt(i);
            if (n.getUserObject() instanceof QueueEntry q && q.name.equals(name)) {
                return new TreePath(n.getPath());
            }
        }
        return null;
    }

    public TreePath rootPath(BackendKind kind) {
        return new TreePath(roots.get(kind).getPath());
    }

    /** Names shown under the active root, in order. */
    public List<String> shownNames() {
        List<String> out = new ArrayList<>();
        DefaultMutableTreeNode root = roots.get(active);
        if (root != null) {
            for (int i = 0; i < root.getChildCount(); i++) {
                if (((DefaultMutableTreeNode) root.getChildAt(i)).getUserObject() instanceof QueueEntry q) {
                    out.add(q.name);
                }
            }
        }
        return out;
    }

    /** The first hint line under a root, or null. */
    public HintEntry hintUnder(BackendKind kind) {
        DefaultMutableTreeNode root = roots.get(kind);
        if (root.getChildCount() > 0
                && ((DefaultMutableTreeNode) root.getChildAt(0)).getUserObject() instanceof HintEntry h) {
            return h;
        }
        return null;
    }

    /** The latest sample of a queue of the active backend, or null. */
    public QueueSample sampleOf(String name) {
        return samples.get(name);
    }

    /** The roots of the other IPC namespaces, shown after the kernel's (which is the host's). */
    public NamespaceRoots namespaces() {
        return namespaceRoots;
    }

    DefaultMutableTreeNode top() {
        return top;
    }

    DefaultMutableTreeNode backendRoot(BackendKind kind) {
        return roots.get(kind);
    }

    /** Brings one root's children in line with what should show, node by node. */
    private void rebuild(BackendKind kind) {
        DefaultMutableTreeNode root = roots.get(kind);
        RootEntry re = (RootEntry) root.getUserObject();
        List<Object> wanted = new ArrayList<>();
        if (kind == active) {
            if (hint != null) {
                wanted.add(new HintEntry(hint, hintIsProblem));
            }
            Set<String> names = new TreeSet<>(samples.keySet());
            names.addAll(pinned);
            int shown = 0;
            for (String name : names) {
                if (filter.isEmpty() || name.toLowerCase(Locale.ROOT).contains(filter)) {
                    wanted.add(name);
                    shown++;
                }
            }
            re.queues = samples.size();
            if (shown == 0 && !names.isEmpty()) {
                wanted.add(new HintEntry("No queue name contains “" + filter + "”", false));
            }
        } else if (active != null) {
            wanted.add(new HintEntry("Not in use (double-click to switch)", false));
        }
        // Remove what is no longer wanted; what remains is already in the wanted order.
        Set<Object> keys = new HashSet<>(wanted);
        for (int i = root.getChildCount() - 1; i >= 0; i--) {
            DefaultMutableTreeNode n = (DefaultMutableTreeNode) root.getChildAt(i);
            if (!keys.contains(keyOf(n))) {
                removeNodeFromParent(n);
            }
        }
        for (int i = 0; i < wanted.size(); i++) {
            Object w = wanted.get(i);
            DefaultMutableTreeNode n = i < root.getChildCount() ? (DefaultMutableTreeNode) root.getChildAt(i) : null;
            if (n == null || !keyOf(n).equals(w)) {
                n = new DefaultMutableTreeNode(w instanceof String name ? new QueueEntry(kind, name) : w, false);
                insertNodeInto(n, root, i);
            }
            if (n.getUserObject() instanceof QueueEntry q) {
                QueueSample s = samples.get(q.name);
                boolean pin = pinned.contains(q.name) && s == null;
                if (!Objects.equals(s, q.sample) || pin != q.pinned) {
                    q.sample = s;
                    q.pinned = pin;
                    nodeChanged(n);
                }
            }
        }
        // The root's label carries the queue count: repaint its row only when that text changes, so that a pass
        // that changed nothing leaves the tree alone.
        String label = re.label();
        if (!label.equals(re.shownLabel)) {
            re.shownLabel = label;
            nodeChanged(root);
        }
    }

    private static Object keyOf(DefaultMutableTreeNode n) {
        Object o = n.getUserObject();
        return o instanceof QueueEntry q ? q.name : o;
    }
}
