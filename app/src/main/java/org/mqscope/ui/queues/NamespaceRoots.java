package org.mqscope.ui.queues;

import org.mqscope.monitor.QueueSample;
import org.mqscope.monitor.SampleBatch;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.queues.QueueTreeModel.HintEntry;
import org.mqscope.ui.queues.QueueTreeModel.QueueEntry;

import javax.swing.SwingUtilities;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreePath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The roots of the machine's other IPC namespaces in the queue tree, one per namespace, right after the kernel's
 * root (the host's namespace): each with its queues and their depth badges, applied as a diff like the backend
 * roots, so selection survives updates. A namespace that went away stays, marked gone, with no queues. EDT only.
 */
public final class NamespaceRoots {

    /** A namespace's root row. */
    public static final class NamespaceEntry {
        final long inode;
        String label;
        int queues;
        boolean gone;
        String problem;
        String shownLabel;

        NamespaceEntry(long inode) {
            this.inode = inode;
        }

        public long inode() {
            return inode;
        }

        public boolean gone() {
            return gone;
        }

        public String problem() {
            return problem;
        }

        /** "docker 0123456789ab (ipc:[4026532177]) (3)", or "… — gone". */
        public String text() {
            return gone ? label + " — gone" : problem == null ? label + " (" + queues + ")" : label;
        }

        public String label() {
            return label;
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /** What the tree should show of one namespace. */
    public record View(long inode, String label, boolean gone, String problem) {
    }

    private final QueueTreeModel model;
    private final Map<Long, DefaultMutableTreeNode> nodes = new LinkedHashMap<>();
    private final Map<Long, Map<String, QueueSample>> samples = new HashMap<>();
    private final Map<Long, HintEntry> hints = new HashMap<>();
    /** Queues opened by name, per namespace: shown even where the namespace cannot be listed (no mount). */
    private final Map<Long, Set<String>> pinned = new HashMap<>();

    NamespaceRoots(QueueTreeModel model) {
        this.model = model;
    }

    /** The namespaces to show, in order; roots of others are removed (with their selection, if any). */
    public void set(List<View> views) {
        assert SwingUtilities.isEventDispatchThread();
        Set<Long> wanted = new HashSet<>();
        views.forEach(v -> wanted.add(v.inode()));
        for (Long inode : new ArrayList<>(nodes.keySet())) {
            if (!wanted.contains(inode)) {
                model.removeNodeFromParent(nodes.remove(inode));
                samples.remove(inode);
                hints.remove(inode);
                pinned.remove(inode);
            }
        }
        DefaultMutableTreeNode kernel = model.backendRoot(BackendKind.KERNEL);
        QueueTreeModel.RootEntry kernelEntry = (QueueTreeModel.RootEntry) kernel.getUserObject();
        if (kernelEntry.besideNamespaces != !views.isEmpty()) {
            kernelEntry.besideNamespaces = !views.isEmpty();
            model.nodeChanged(kernel);
        }
        int index = model.top().getIndex(kernel) + 1;
        for (View v : views) {
            DefaultMutableTreeNode n = nodes.get(v.inode());
            if (n == null) {
                n = new DefaultMutableTreeNode(new NamespaceEntry(v.inode()));
                nodes.put(v.inode(), n);
                model.insertNodeInto(n, model.top(), index);
            }
            NamespaceEntry e = (NamespaceEntry) n.getUserObject();
            e.label = v.label();
            e.problem = v.problem();
            if (v.gone() && !e.gone) {
                e.gone = true;
                samples.remove(v.inode());
                pinned.remove(v.inode());
                hints.put(v.inode(), new HintEntry("Gone: every process of this namespace has exited", true));
            } else if (!v.gone() && e.gone) {
                // the inode number went to a new namespace
                e.gone = false;
                hints.remove(v.inode());
            }
            if (!v.gone() && v.problem() != null) {
                hints.put(v.inode(), new HintEntry(v.problem(), true));
            }
            rebuild(v.inode());
            index++;
        }
    }

    /** A sampling pass of one namespace; a failed listing shows {@code failureText} under its root. */
    public void apply(long inode, SampleBatch batch, String failureText) {
        assert SwingUtilities.isEventDispatchThread();
        DefaultMutableTreeNode n = nodes.get(inode);
        if (n == null || ((NamespaceEntry) n.getUserObject()).gone) {
            return;
        }
        Map<String, QueueSample> m = new LinkedHashMap<>();
        batch.queues().forEach(s -> m.put(s.name(), s));
        samples.put(inode, m);
        if (batch.failure() != null) {
            hints.put(inode, new HintEntry(failureText, true));
        } else {
            String problem = ((NamespaceEntry) n.getUserObject()).problem;
            if (problem != null) {
                hints.put(inode, new HintEntry(problem, true));
            } else if (m.isEmpty()) {
                hints.put(inode, new HintEntry("No queues in this namespace", false));
            } else {
                hints.remove(inode);
            }
        }
        rebuild(inode);
    }

    /** A queue opened by name in namespace {@code inode}: shown under its root whether listed or not. */
    public void pin(long inode, String name) {
        assert SwingUtilities.isEventDispatchThread();
        if (nodes.containsKey(inode) && !((NamespaceEntry) nodes.get(inode).getUserObject()).gone) {
            pinned.computeIfAbsent(inode, k -> new java.util.TreeSet<>()).add(name);
            rebuild(inode);
        }
    }

    /** The namespace of a row (its root or one of its queues), or 0 for a row of the backend roots. */
    public static long namespaceOf(TreePath path) {
        if (path == null) {
            return 0;
        }
        for (Object node : path.getPath()) {
            Object o = ((DefaultMutableTreeNode) node).getUserObject();
            if (o instanceof NamespaceEntry e) {
                return e.inode;
            }
        }
        return 0;
    }

    /** A namespace's root row, or null. */
    public NamespaceEntry entry(long inode) {
        DefaultMutableTreeNode n = nodes.get(inode);
        return n == null ? null : (NamespaceEntry) n.getUserObject();
    }

    /** The path of a namespace's queue, or of its root when {@code name} is null; null when not shown. */
    public TreePath pathOf(long inode, String name) {
        DefaultMutableTreeNode root = nodes.get(inode);
        if (root == null) {
            return null;
        }
        if (name == null) {
            return new TreePath(root.getPath());
        }
        for (int i = 0; i < root.getChildCount(); i++) {
            DefaultMutableTreeNode n = (DefaultMutableTreeNode) root.getChildAt(i);
            if (n.getUserObject() instanceof QueueEntry q && q.name().equals(name)) {
                return new TreePath(n.getPath());
            }
        }
        return null;
    }

    /** The filter changed: every namespace shows only the queues it lets through. */
    void refilter() {
        nodes.keySet().forEach(this::rebuild);
    }

    /** Paths of every namespace root, to keep them expanded. */
    List<TreePath> rootPaths() {
        List<TreePath> out = new ArrayList<>();
        nodes.values().forEach(n -> out.add(new TreePath(n.getPath())));
        return out;
    }

    private void rebuild(long inode) {
        DefaultMutableTreeNode root = nodes.get(inode);
        NamespaceEntry e = (NamespaceEntry) root.getUserObject();
        Map<String, QueueSample> m = samples.getOrDefault(inode, Map.of());
        String filter = model.filter();
        List<Object> wanted = new ArrayList<>();
        HintEntry hint = hints.get(inode);
        if (hint != null) {
            wanted.add(hint);
        }
        Set<String> names = new java.util.TreeSet<>(m.keySet());
        names.addAll(pinned.getOrDefault(inode, Set.of()));
        for (String name : names) {
            if (filter.isEmpty() || name.toLowerCase(Locale.ROOT).contains(filter)) {
                wanted.add(name);
            }
        }
        e.queues = m.size();
        Set<Object> keys = new HashSet<>(wanted);
        for (int i = root.getChildCount() - 1; i >= 0; i--) {
            DefaultMutableTreeNode n = (DefaultMutableTreeNode) root.getChildAt(i);
            if (!keys.contains(keyOf(n))) {
                model.removeNodeFromParent(n);
            }
        }
        for (int i = 0; i < wanted.size(); i++) {
            Object w = wanted.get(i);
            DefaultMutableTreeNode n = i < root.getChildCount() ? (DefaultMutableTreeNode) root.getChildAt(i) : null;
            if (n == null || !keyOf(n).equals(w)) {
                n = new DefaultMutableTreeNode(w instanceof String name
                        ? new QueueEntry(BackendKind.KERNEL, name, inode) : w, false);
                model.insertNodeInto(n, root, i);
            }
            if (n.getUserObject() instanceof QueueEntry q) {
                QueueSample s = m.get(q.name());
                boolean pin = s == null;
                if (!Objects.equals(s, q.sample) || pin != q.pinned) {
                    q.sample = s;
                    q.pinned = pin;
                    model.nodeChanged(n);
                }
            }
        }
        String text = e.text();
        if (!text.equals(e.shownLabel)) {
            e.shownLabel = text;
            model.nodeChanged(root);
        }
    }

    private static Object keyOf(DefaultMutableTreeNode n) {
        Object o = n.getUserObject();
        return o instanceof QueueEntry q ? q.name() : o;
    }
}
