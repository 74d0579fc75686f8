package org.mqscope.ui.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.swing.JTree;
import javax.swing.event.TreeModelEvent;
import javax.swing.event.TreeModelListener;
import javax.swing.tree.TreePath;
import org.junit.jupiter.api.Test;
import org.mqscope.monitor.QueueSample;
import org.mqscope.monitor.SampleBatch;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.QueueInfo;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.Edt;

/** The tree model headless: roots, diffs that keep node identity (and so the selection), filter, hints. */
class QueueTreeModelTest {

    private static QueueSample sample(String name, long cur, long max, long qsize) {
        return new QueueSample(new QueueInfo(name, qsize, 0, 0, 0, 0640, 1000, 1000),
                new MqAttributes(0, max, 128, cur), null);
    }

    private static SampleBatch batch(QueueSample... s) {
        return new SampleBatch(Instant.now(), 1, List.of(s), null);
    }

    @Test
    void aRootPerBackendAndTheActiveOneHoldsTheQueuesInNameOrder() {
        Edt.run(() -> {
            QueueTreeModel m = new QueueTreeModel();
            m.setActive(BackendKind.EMULATED, "Listing the queues…");
            assertThat(m.hintUnder(BackendKind.EMULATED).text()).isEqualTo("Listing the queues…");
            m.apply(batch(sample("/b", 1, 10, 5), sample("/a", 0, 10, 0)), null);
            assertThat(m.shownNames()).containsExactly("/a", "/b");
            assertThat(m.hintUnder(BackendKind.EMULATED)).as("the listing replaced the hint").isNull();
            assertThat(m.getChildCount(m.rootPath(BackendKind.EMULATED).getLastPathComponent())).isEqualTo(2);
            assertThat(m.hintUnder(BackendKind.KERNEL).text()).contains("Not in use");
            assertThat(m.rootPath(BackendKind.KERNEL).getLastPathComponent().toString())
                    .isEqualTo("Kernel — /dev/mqueue");
            assertThat(m.rootPath(BackendKind.EMULATED).getLastPathComponent().toString()).isEqualTo("Emulated (2)");
        });
    }

    @Test
    void updatesAreDiffsSoTheSelectedNodeSurvivesQueuesComingAndGoing() {
        Edt.run(() -> {
            QueueTreeModel m = new QueueTreeModel();
            JTree tree = new JTree(m);
            m.setActive(BackendKind.KERNEL, null);
            m.apply(batch(sample("/a", 0, 10, 0), sample("/m", 1, 10, 3)), null);
            TreePath selected = m.pathOf("/m");
            tree.setSelectionPath(selected);
            List<String> events = new ArrayList<>();
            m.addTreeModelListener(recorder(events));

            m.apply(batch(sample("/b", 0, 10, 0), sample("/m", 2, 10, 6), sample("/z", 0, 10, 0)), null);

            assertThat(m.shownNames()).containsExactly("/b", "/m", "/z");
            assertThat(tree.getSelectionPath()).as("same node, still selected").isEqualTo(selected);
            assertThat(((QueueTreeModel.QueueEntry) ((javax.swing.tree.DefaultMutableTreeNode)
                    selected.getLastPathComponent()).getUserObject()).sample().currentMessages()).isEqualTo(2);
            assertThat(events).contains("removed [0]", "inserted [0]", "inserted [2]", "changed [1]");
            assertThat(events).doesNotContain("structure");

            m.apply(batch(sample("/b", 0, 10, 0)), null);
            assertThat(tree.getSelectionPath()).as("its queue went away").isNull();
        });
    }

    @Test
    void aPassThatChangedNothingTellsTheTreeNothingAndTheRootChangesOnlyWithItsCount() {
        Edt.run(() -> {
            QueueTreeModel m = new QueueTreeModel();
            m.setActive(BackendKind.EMULATED, null);
            m.apply(batch(sample("/a", 0, 10, 0), sample("/b", 1, 10, 3)), null);
            List<String> events = new ArrayList<>();
            m.addTreeModelListener(recorder(events));

            m.apply(batch(sample("/a", 0, 10, 0), sample("/b", 1, 10, 3)), null);
            assertThat(events).as("same samples: no repaint, no re-layout").isEmpty();

            m.apply(batch(sample("/a", 0, 10, 0), sample("/b", 2, 10, 6)), null);
            assertThat(events).as("only /b's badge changed").containsExactly("changed [1]");

            events.clear();
            m.apply(batch(sample("/a", 0, 10, 0)), null);
            assertThat(events).as("/b gone, and the root's count with it").containsExactly("removed [1]",
                    "changed [1]");
            assertThat(m.rootPath(BackendKind.EMULATED).getLastPathComponent().toString()).isEqualTo("Emulated (1)");
        });
    }

    @Test
    void theFilterHidesOtherNamesAndSaysWhenNothingMatches() {
        Edt.run(() -> {
            QueueTreeModel m = new QueueTreeModel();
            m.setActive(BackendKind.EMULATED, null);
            m.apply(batch(sample("/orders", 0, 10, 0), sample("/Order-archive", 0, 10, 0),
                    sample("/logs", 0, 10, 0)), null);
            m.setFilter("ORDER");
            assertThat(m.shownNames()).containsExactly("/Order-archive", "/orders");
            m.setFilter("nothing");
            assertThat(m.shownNames()).isEmpty();
            assertThat(m.rootPath(BackendKind.EMULATED).getLastPathComponent()).satisfies(root ->
                    assertThat(m.getChild(root, 0).toString()).isEqualTo("No queue name contains “nothing”"));
            m.setFilter("");
            assertThat(m.shownNames()).hasSize(3);
        });
    }

    @Test
    void aFailedListingShowsItsReasonAndQueuesOpenedByNameStay() {
        Edt.run(() -> {
            QueueTreeModel m = new QueueTreeModel();
            m.setActive(BackendKind.KERNEL, null);
            SampleBatch failed = new SampleBatch(Instant.now(), 2, List.of(),
                    new MqException(Errno.ENODEV, "list", null, "mount it"));
            m.apply(failed, "Cannot list the queues: ENODEV");
            assertThat(m.hintUnder(BackendKind.KERNEL)).isEqualTo(
                    new QueueTreeModel.HintEntry("Cannot list the queues: ENODEV", true));
            TreePath p = m.pin("/by-name");
            assertThat(p).isNotNull();
            m.apply(failed, "Cannot list the queues: ENODEV");
            assertThat(m.shownNames()).containsExactly("/by-name");
            assertThat(m.pathOf("/by-name")).isEqualTo(p);
        });
    }

    @Test
    void anEmptyNamespaceSaysSo() {
        Edt.run(() -> {
            QueueTreeModel m = new QueueTreeModel();
            m.setActive(BackendKind.EMULATED, "Listing…");
            m.apply(batch(), null);
            assertThat(m.hintUnder(BackendKind.EMULATED).text()).isEqualTo(BackendKind.EMULATED.emptyText());
        });
    }

    @Test
    void badgeAndTooltipTellDepthQsizeModeAndOwner() {
        QueueSample s = sample("/orders", 3, 10, 120);
        assertThat(QueueTreeRenderer.badgeText(s, false)).isEqualTo("3/10 · 120 B");
        assertThat(QueueTreeRenderer.badgeText(new QueueSample(new QueueInfo("/x", -1, 0, 0, 0, 0600, 0, 0), null,
                "EACCES (Permission denied)"), false)).isEqualTo("?/? · ? B");
        assertThat(QueueTreeRenderer.badgeText(null, true)).isEqualTo("opened by name");
        assertThat(QueueTreeRenderer.modeString(0640)).isEqualTo("rw-r-----");
        QueueTreeModel.QueueEntry e = new QueueTreeModel.QueueEntry(BackendKind.KERNEL, "/orders");
        e.sample = s;
        assertThat(QueueTreeRenderer.tooltip(e)).contains("3 of 10 messages", "QSIZE 120 bytes",
                "rw-r----- (0640)", "owner uid 1000");
    }

    private static TreeModelListener recorder(List<String> events) {
        return new TreeModelListener() {
            @Override
            public void treeNodesChanged(TreeModelEvent e) {
                if (e.getChildIndices() != null && e.getChildIndices().length > 0) {
                    events.add("changed " + Arrays.toString(e.getChildIndices()));
                }
            }

            @Override
            public void treeNodesInserted(TreeModelEvent e) {
                events.add("inserted " + Arrays.toString(e.getChildIndices()));
            }

            @Override
            public void treeNodesRemoved(TreeModelEvent e) {
                events.add("removed " + Arrays.toString(e.getChildIndices()));
            }

            @Override
            public void treeStructureChanged(TreeModelEvent e) {
                events.add("structure");
            }
        };
    }
}
