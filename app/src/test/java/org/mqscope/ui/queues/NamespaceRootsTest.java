package org.mqscope.ui.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreePath;
import org.junit.jupiter.api.Test;
import org.mqscope.monitor.QueueSample;
import org.mqscope.monitor.SampleBatch;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.QueueInfo;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.Edt;
import org.mqscope.ui.queues.NamespaceRoots.View;
import org.mqscope.ui.queues.QueueTreeModel.HintEntry;
import org.mqscope.ui.queues.QueueTreeModel.QueueEntry;

/** Namespace roots headless: placed after the kernel's root, diffed in place, filtered, pinned, marked gone. */
class NamespaceRootsTest {
    private static final long A = 4026532177L;
    private static final long B = 4026532178L;

    private static SampleBatch batch(String... names) {
        return new SampleBatch(Instant.now(), 1, java.util.Arrays.stream(names).map(n -> new QueueSample(
                new QueueInfo(n, 10, 0, 0, 0, 0600, 0, 0), new MqAttributes(0, 4, 64, 1), null)).toList(), null);
    }

    private static List<String> children(TreePath root) {
        DefaultMutableTreeNode n = (DefaultMutableTreeNode) root.getLastPathComponent();
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < n.getChildCount(); i++) {
            Object o = ((DefaultMutableTreeNode) n.getChildAt(i)).getUserObject();
            out.add(o instanceof QueueEntry q ? q.name() : "hint: " + ((HintEntry) o).text());
        }
        return out;
    }

    @Test
    void rootsFollowTheKernelsAndKeepTheirNodesAcrossPasses() {
        Edt.run(() -> {
            QueueTreeModel m = new QueueTreeModel();
            m.setActive(BackendKind.KERNEL, null);
            NamespaceRoots roots = m.namespaces();
            roots.set(List.of(new View(A, "docker 0123456789ab (ipc:[" + A + "])", false, null),
                    new View(B, "web01 (ipc:[" + B + "])", false, null)));
            DefaultMutableTreeNode top = (DefaultMutableTreeNode) m.getRoot();
            assertThat(((DefaultMutableTreeNode) top.getChildAt(0)).getUserObject().toString())
                    .startsWith("Kernel — host, /dev/mqueue");
            assertThat(((DefaultMutableTreeNode) top.getChildAt(0)).getUserObject())
                    .isInstanceOf(QueueTreeModel.RootEntry.class);
            assertThat(((NamespaceRoots.NamespaceEntry) ((DefaultMutableTreeNode) top.getChildAt(1))
                    .getUserObject()).inode()).isEqualTo(A);
            assertThat(((NamespaceRoots.NamespaceEntry) ((DefaultMutableTreeNode) top.getChildAt(2))
                    .getUserObject()).inode()).isEqualTo(B);

            roots.apply(A, batch("/orders", "/payments"), null);
            TreePath orders = roots.pathOf(A, "/orders");
            assertThat(NamespaceRoots.namespaceOf(orders)).isEqualTo(A);
            assertThat(roots.entry(A).text()).endsWith("(2)");
            roots.apply(A, batch("/orders"), null);
            assertThat(roots.pathOf(A, "/orders").getLastPathComponent()).isSameAs(orders.getLastPathComponent());
            assertThat(roots.pathOf(A, "/payments")).isNull();
            assertThat(roots.pathOf(B, "/orders")).isNull();
            assertThat(NamespaceRoots.namespaceOf(m.rootPath(BackendKind.KERNEL))).isZero();

            m.setFilter("pay");
            roots.apply(A, batch("/orders", "/payments"), null);
            assertThat(children(roots.pathOf(A, null))).containsExactly("/payments");
            m.setFilter("");
            assertThat(children(roots.pathOf(A, null))).containsExactly("/orders", "/payments");
        });
    }

    @Test
    void unlistableNamespacesSayWhyAndShowQueuesOpenedByName() {
        Edt.run(() -> {
            QueueTreeModel m = new QueueTreeModel();
            NamespaceRoots roots = m.namespaces();
            roots.set(List.of(new View(B, "sleep (pid 7)", false, null)));
            roots.apply(B, new SampleBatch(Instant.now(), 1, List.of(), new org.mqscope.mq.MqException(
                    org.mqscope.mq.Errno.ENODEV, "statfs", null, "no mount")), "Cannot list the queues: ENODEV");
            roots.pin(B, "/orders");
            assertThat(children(roots.pathOf(B, null)))
                    .containsExactly("hint: Cannot list the queues: ENODEV", "/orders");
            assertThat(((QueueEntry) ((DefaultMutableTreeNode) roots.pathOf(B, "/orders").getLastPathComponent())
                    .getUserObject()).pinned()).isTrue();
        });
    }

    @Test
    void aGoneNamespaceKeepsItsRootWithoutQueuesAndIgnoresLatePasses() {
        Edt.run(() -> {
            QueueTreeModel m = new QueueTreeModel();
            NamespaceRoots roots = m.namespaces();
            roots.set(List.of(new View(A, "docker 0123456789ab", false, null)));
            roots.apply(A, batch("/orders"), null);
            roots.set(List.of(new View(A, "docker 0123456789ab", true, null)));
            assertThat(roots.entry(A).gone()).isTrue();
            assertThat(roots.entry(A).text()).isEqualTo("docker 0123456789ab — gone");
            assertThat(children(roots.pathOf(A, null)))
                    .containsExactly("hint: Gone: every process of this namespace has exited");
            roots.apply(A, batch("/orders"), null); // a pass that was under way
            assertThat(roots.pathOf(A, "/orders")).isNull();
            // the kernel gave the number to a new namespace
            roots.set(List.of(new View(A, "docker fedcba987654", false, null)));
            assertThat(roots.entry(A).gone()).isFalse();
            roots.apply(A, batch("/jobs"), null);
            assertThat(children(roots.pathOf(A, null))).containsExactly("/jobs");
            roots.set(List.of());
            assertThat(roots.entry(A)).isNull();
            assertThat(((DefaultMutableTreeNode) ((DefaultMutableTreeNode) m.getRoot()).getChildAt(0))
                    .getUserObject().toString()).isEqualTo("Kernel — /dev/mqueue");
        });
    }
}
