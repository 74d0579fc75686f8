package org.mqscope.ui.queues;

import net.miginfocom.swing.MigLayout;
import org.mqscope.monitor.series.Thresholds;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.ErrorText.Explanation;
import org.mqscope.ui.core.MessageView;
import org.mqscope.ui.queues.QueueTreeModel.QueueEntry;
import org.mqscope.ui.queues.QueueTreeModel.RootEntry;

import javax.swing.BorderFactory;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.JTree;
import javax.swing.SwingUtilities;
import javax.swing.ToolTipManager;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.event.TreeModelEvent;
import javax.swing.event.TreeModelListener;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreePath;
import javax.swing.tree.TreeSelectionModel;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.function.Consumer;

/**
 * Left pane: the filter field and the queue tree. Tells its listener which queue is selected (null for none) and
 * when the user double-clicks a backend that is not in use.
 */
public final class QueueTreePanel extends JPanel {
    private final QueueTreeModel model = new QueueTreeModel();
    private final JTree tree = new JTree(model);
    private final QueueTreeRenderer renderer = new QueueTreeRenderer();
    private final JTextField filter = new JTextField();
    private final MessageView problem = new MessageView("queues.message");
    private Consumer<String> onQueue = name -> { };
    /** Told first which IPC namespace the selection is in (0: the backend roots), then {@link #onQueue}. */
    private java.util.function.LongConsumer onNamespace = inode -> { };
    private long selectedNamespace;
    private Consumer<BackendKind> onSwitch = kind -> { };
    private String selected;

    public QueueTreePanel() {
        super(new MigLayout("insets 0, gap 0, wrap 1, hidemode 3", "[grow, fill]", ""));
        setName("queues");
        tree.setName("queues.tree");
        filter.setName("queues.filter");
        filter.putClientProperty("JTextField.placeholderText", "Filter queues (Ctrl+F)");
        filter.putClientProperty("JTextField.showClearButton", true);
        filter.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                model.setFilter(filter.getText());
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                model.setFilter(filter.getText());
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                model.setFilter(filter.getText());
            }
        });
        tree.setRootVisible(false);
        tree.setShowsRootHandles(true);
        tree.getSelectionModel().setSelectionMode(TreeSelectionModel.SINGLE_TREE_SELECTION);
        tree.setCellRenderer(renderer);
        tree.setRowHeight(0); // the renderer's own height
        ToolTipManager.sharedInstance().registerComponent(tree);
        tree.addTreeSelectionListener(e -> selectionChanged());
        // Roots stay open: a root filled after a switch must show its queues without a click. Later, not now:
        // listeners run before the tree's own handler, which must see the event first.
        model.addTreeModelListener(new TreeModelListener() {
            @Override
            public void treeNodesChanged(TreeModelEvent e) {
            }

            @Override
            public void treeNodesInserted(TreeModelEvent e) {
                SwingUtilities.invokeLater(QueueTreePanel.this::expandRoots);
            }

            @Override
            public void treeNodesRemoved(TreeModelEvent e) {
            }

            @Override
            public void treeStructureChanged(TreeModelEvent e) {
                SwingUtilities.invokeLater(QueueTreePanel.this::expandRoots);
            }
        });
        tree.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    TreePath p = tree.getPathForLocation(e.getX(), e.getY());
                    BackendKind kind = inactiveBackendAt(p);
                    if (kind != null) {
                        onSwitch.accept(kind);
                    }
                }
            }
        });
        expandRoots();
        JScrollPane scroll = new JScrollPane(tree);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        problem.setVisible(false);
        add(filter, "gap 6 6 6 6");
        add(scroll, "grow, push");
        add(problem, "hidemode 3");
    }

    /** Shows why the queues cannot be listed, with the backend's advice (e.g. the mount command) to copy. */
    public void showProblem(String headline, Explanation why) {
        assert SwingUtilities.isEventDispatchThread();
        problem.showProblem(headline + ": " + why.headline(), why.call(), why.detail());
        problem.setVisible(true);
        revalidate();
    }

    public void clearProblem() {
        if (problem.isVisible()) {
            problem.setVisible(false);
            revalidate();
        }
    }

    public MessageView problemView() {
        return problem;
    }

    private static BackendKind inactiveBackendAt(TreePath p) {
        if (p == null) {
            return null;
        }
        for (Object node : p.getPath()) {
            if (((DefaultMutableTreeNode) node).getUserObject() instanceof RootEntry r && !r.active()) {
                return r.kind();
            }
        }
        return null;
    }

    private void expandRoots() {
        for (BackendKind k : BackendKind.values()) {
            tree.expandPath(model.rootPath(k));
        }
        model.namespaces().rootPaths().forEach(tree::expandPath);
    }

    private void selectionChanged() {
        TreePath p = tree.getSelectionPath();
        String name = null;
        if (p != null && ((DefaultMutableTreeNode) p.getLastPathComponent()).getUserObject() instanceof QueueEntry q) {
            name = q.name();
        }
        long namespace = NamespaceRoots.namespaceOf(p);
        if (namespace != selectedNamespace) {
            selectedNamespace = namespace;
            selected = null;
            onNamespace.accept(namespace);
        }
        if (!java.util.Objects.equals(name, selected)) {
            selected = name;
            onQueue.accept(name);
        }
    }

    /** Called on the EDT with the selected queue's name, or null when no queue is selected. */
    public void onQueueSelected(Consumer<String> listener) {
        onQueue = listener;
    }

    /**
     * Called on the EDT, before the queue listener, when the selection moves to another IPC namespace's root or
     * queues (the inode), or back to the backend roots (0).
     */
    public void onNamespaceSelected(java.util.function.LongConsumer listener) {
        onNamespace = listener;
    }

    /** The namespace of the selection: 0 for the backend roots. */
    public long selectedNamespace() {
        return selectedNamespace;
    }

    /** Selects a queue of another namespace (or its root, for a null name). */
    public void selectInNamespace(long inode, String name) {
        assert SwingUtilities.isEventDispatchThread();
        TreePath p = model.namespaces().pathOf(inode, name);
        if (p != null) {
            tree.setSelectionPath(p);
            tree.scrollPathToVisible(p);
        }
    }

    /** Called when the user double-clicks the root of a backend not in use. */
    public void onSwitchRequested(Consumer<BackendKind> listener) {
        onSwitch = listener;
    }

    /** Selects a queue of the active backend by name (e.g. after opening it by name). */
    public void select(String name) {
        assert SwingUtilities.isEventDispatchThread();
        TreePath p = model.pathOf(name);
        if (p != null) {
            tree.setSelectionPath(p);
            tree.scrollPathToVisible(p);
        }
    }

    public String selectedQueue() {
        return selected;
    }

    /** Empties the filter when it would hide {@code name}, a queue the user just asked for by name. */
    public void reveal(String name) {
        String f = model.filter();
        if (!f.isEmpty() && !name.toLowerCase(java.util.Locale.ROOT).contains(f)) {
            filter.setText("");
        }
    }

    /** Moves the keyboard focus to the filter field and selects its text (Ctrl+F). */
    public void focusFilter() {
        filter.requestFocusInWindow();
        filter.selectAll();
    }

    /** Depth badges take the warning or critical colour by these thresholds. */
    public void setThresholds(Thresholds thresholds) {
        renderer.setThresholds(thresholds);
        tree.repaint();
    }

    /** Who uses each queue (holder and waiter badges, last activity in the tooltip); null: nothing known. */
    public void setUsage(org.mqscope.monitor.processes.UsageSnapshot usage) {
        org.mqscope.monitor.processes.UsageSnapshot before = renderer.usage();
        renderer.setUsage(usage);
        // the tree caches each row's width: a row whose badge changed must say so, or its new text is clipped
        java.awt.Font font = tree.getFont();
        for (String name : model.shownNames()) {
            if (!UsageBadge.text(before, name, font).equals(UsageBadge.text(usage, name, font))) {
                javax.swing.tree.TreePath path = model.pathOf(name);
                if (path != null) {
                    model.nodeChanged((javax.swing.tree.TreeNode) path.getLastPathComponent());
                }
            }
        }
    }

    public QueueTreeModel model() {
        return model;
    }

    public JTree tree() {
        return tree;
    }
}
