package org.mqscope.ui.queues;

import org.mqscope.ui.core.Numbers;

import net.miginfocom.swing.MigLayout;
import org.mqscope.monitor.QueueSample;
import org.mqscope.monitor.processes.UsageSnapshot;
import org.mqscope.monitor.series.Thresholds;
import org.mqscope.mq.ProcessRef;
import org.mqscope.mq.QueueInfo;
import org.mqscope.ui.core.Icons;
import org.mqscope.ui.queues.QueueTreeModel.HintEntry;
import org.mqscope.ui.queues.QueueTreeModel.QueueEntry;
import org.mqscope.ui.queues.QueueTreeModel.RootEntry;

import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTree;
import javax.swing.UIManager;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreeCellRenderer;
import java.awt.Color;
import java.awt.Component;

/**
 * One tree row: a backend root with its icon, a queue with its depth badge (curmsgs/maxmsg) and QSIZE, or a hint
 * line. The tooltip tells mode, owner, message size and notification. One component reused for every row.
 */
final class QueueTreeRenderer implements TreeCellRenderer {
    /** The row's tooltip is built when the tree asks for it (on hover), not every time a row is painted. */
    private final JPanel panel = new JPanel(new MigLayout("insets 1 2 1 4, gap 6", "[][]", "[]")) {
        private static final long serialVersionUID = 1L;

        @Override
        public String getToolTipText() {
            return tip instanceof QueueEntry q ? UsageBadge.withUsage(tooltip(q), usage, q.name())
                    : tip instanceof HintEntry h ? h.text()
                    : tip instanceof NamespaceRoots.NamespaceEntry ns ? "IPC namespace " + ns.label() : null;
        }
    };
    private final JLabel name = new JLabel();
    private final JLabel badge = new JLabel();
    private Thresholds thresholds = Thresholds.DEFAULT;
    private UsageSnapshot usage;
    /** The entry of the row last rendered, whose tooltip the panel gives. */
    private Object tip;

    QueueTreeRenderer() {
        panel.setOpaque(true);
        panel.add(name);
        panel.add(badge);
        badge.putClientProperty("FlatLaf.styleClass", "small");
    }

    void setUsage(UsageSnapshot u) {
        usage = u;
    }

    UsageSnapshot usage() {
        return usage;
    }

    void setThresholds(Thresholds t) {
        thresholds = t;
    }

    @Override
    public Component getTreeCellRendererComponent(JTree tree, Object value, boolean selected, boolean expanded,
                                                  boolean leaf, int row, boolean focus) {
        Object o = value instanceof DefaultMutableTreeNode n ? n.getUserObject() : value;
        Color fg = UIManager.getColor(selected && tree.hasFocus() ? "Tree.selectionForeground" : "Tree.foreground");
        Color dim = UIManager.getColor("Mqscope.placeholder.foreground");
        panel.setBackground(selected ? UIManager.getColor(tree.hasFocus() ? "Tree.selectionBackground"
                : "Tree.selectionInactiveBackground") : tree.getBackground());
        name.setForeground(fg);
        name.setFont(tree.getFont());
        badge.setForeground(selected && tree.hasFocus() ? fg : dim);
        badge.setText(null);
        name.setIcon(null);
        tip = o;
        if (o instanceof RootEntry r) {
            name.setIcon(Icons.action(r.kind().iconName()));
            name.setText(r.label());
            name.setFont(tree.getFont().deriveFont(java.awt.Font.BOLD));
            if (!r.active()) {
                name.setForeground(selected ? fg : dim);
            }
        } else if (o instanceof QueueEntry q) {
            name.setText(q.name());
            QueueSample s = q.sample();
            badge.setText(badgeText(s, q.pinned()) + UsageBadge.text(usage, q.name(), badge.getFont()));
            Color level = switch (thresholds.level(s)) {
                case WARNING -> UIManager.getColor("Mqscope.level.warning");
                case CRITICAL -> UIManager.getColor("Mqscope.level.critical");
                default -> null;
            };
            if (level != null && !selected) {
                badge.setForeground(level);
            }
        } else if (o instanceof NamespaceRoots.NamespaceEntry ns) {
            name.setIcon(Icons.action(org.mqscope.ui.core.BackendKind.KERNEL.iconName()));
            name.setText(ns.text());
            name.setFont(tree.getFont().deriveFont(java.awt.Font.BOLD));
            if (ns.gone()) {
                name.setForeground(selected ? fg : dim);
            }
        } else if (o instanceof HintEntry h) {
            name.setIcon(h.problem() ? Icons.warning() : null);
            name.setText(h.text());
            name.setForeground(h.problem() || selected ? fg : dim);
        } else {
            name.setText(String.valueOf(o));
        }
        return panel;
    }

    /** "3/10 · 120 B": curmsgs/maxmsg and QSIZE; "?" where the sampler could not tell. */
    static String badgeText(QueueSample s, boolean pinned) {
        if (s == null) {
            return pinned ? "opened by name" : "";
        }
        String depth = s.attributesKnown() ? s.currentMessages() + "/" + s.maxMessages() : "?/?";
        String qsize = s.qsize() >= 0 ? Numbers.bytes(s.qsize()) : "? B";
        return depth + " · " + qsize;
    }

    static String tooltip(QueueEntry q) {
        QueueSample s = q.sample();
        StringBuilder sb = new StringBuilder("<html><b>").append(escape(q.name())).append("</b>");
        if (s == null) {
            return sb.append("<br>Opened by name; the listing does not show it.</html>").toString();
        }
        QueueInfo i = s.info();
        if (s.attributesKnown()) {
            sb.append("<br>").append(s.currentMessages()).append(" of ").append(s.maxMessages())
                    .append(" messages, at most ").append(s.attributes().messageSize()).append(" bytes each");
        } else {
            sb.append("<br>Depth unknown: ").append(escape(s.problem()));
        }
        sb.append("<br>QSIZE ").append(i.statusKnown() ? i.qsize() + " bytes of payload" : "unknown");
        sb.append("<br>Mode ").append(modeString(i.mode())).append(String.format(" (%04o)", i.mode()))
                .append(", owner uid ").append(i.uid()).append(", group gid ").append(i.gid());
        if (i.hasNotification()) {
            // No /proc read while hovering: the pid as ProcessRef names a process it has not looked up.
            String owner = new ProcessRef(i.notifyPid(), null).toString();
            sb.append("<br>Notification registered by ").append(escape(owner))
                    .append(i.signo() != 0 ? " (signal " + i.signo() + ")" : "");
        }
        return sb.append("</html>").toString();
    }

    /** "rw-rw----" for 0660. */
    static String modeString(int mode) {
        String chars = "rwxrwxrwx";
        StringBuilder sb = new StringBuilder(9);
        for (int bit = 8; bit >= 0; bit--) {
            sb.append((mode & (1 << bit)) != 0 ? chars.charAt(8 - bit) : '-');
        }
        return sb.toString();
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
