package org.mqscope.ui.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.event.KeyEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.JTree;
import javax.swing.tree.TreePath;
import org.assertj.swing.core.KeyPressInfo;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqQueue;
import org.mqscope.testing.IpcNamespaceFixture;
import org.mqscope.ui.core.BackendFactory;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.Dialogs;
import org.mqscope.ui.queues.NamespaceRoots;
import org.mqscope.ui.queues.QueueTreePanel;

/**
 * A second IPC namespace (unshare, its own mqueue mount and msg_max 4) beside the host, both with a queue of the
 * same name: the window shows the namespace's root with its queue, peeks and describes the namespace's queue (not
 * the host's) under titles that name the namespace, and says once that it is gone when its last process exits.
 */
class NamespacesGuiTest {
    private static final int CONTAINER_MSG_MAX = 4;

    @RegisterExtension
    final GuiWindow gui = new GuiWindow();

    @Test
    void aContainersQueueIsShownPeekedAndMarkedGoneWithOneNotice() throws Exception {
        IpcNamespaceFixture ns = gui.closeAfter(IpcNamespaceFixture.start(true, CONTAINER_MSG_MAX));
        String name = "/mqscope-namespaces-gui-" + UUID.randomUUID();
        MqBackend host = gui.closeAfter(MqBackends.kernel());
        gui.closeAfter(() -> host.unlink(name));
        try (MqBackend inside = MqBackends.kernelInNamespaceOf(ns.pid());
             MqQueue q = inside.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, MqAttributes.of(3, 64));
             MqQueue h = host.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, MqAttributes.of(2, 64))) {
            q.send("inside".getBytes(StandardCharsets.US_ASCII), 1);
            h.send("on the host".getBytes(StandardCharsets.US_ASCII), 1);
        }
        FrameFixture window = gui.open(BackendFactory.standard(), BackendKind.KERNEL);
        QueueTreePanel panel = gui.queues();
        NamespaceRoots roots = panel.model().namespaces();
        gui.eventually("the namespace's queue in the tree", () -> roots.pathOf(ns.inode(), name) != null);
        String label = GuiActionRunner.execute(() -> roots.entry(ns.inode()).label());
        assertThat(label).isEqualTo("unshare (pid " + ns.launcherPid() + ") (ipc:[" + ns.inode() + "])");

        // Selected through the tree's own selection (rows move while other namespaces come and go)
        select(panel, ns.inode(), name);
        assertThat(GuiActionRunner.execute(panel::selectedNamespace)).isEqualTo(ns.inode());
        org.mqscope.ui.status.StatusBar status = gui.robot().finder().findByType(gui.frame(),
                org.mqscope.ui.status.StatusBar.class);
        assertThat(GuiActionRunner.execute(status::backendText))
                .isEqualTo("Backend: kernel — IPC namespace " + label);

        // Peek: the namespace's message (not the host's queue of the same name), under a title that names the
        // namespace; the exact peek reads it through the namespace's mount, so no drain-and-restore question comes
        JTable table = window.table("messages.table").target();
        window.pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_F5));
        gui.settle();
        gui.eventually("the peeked row", () -> table.getRowCount() == 1);
        assertThat(gui.robot().finder().findAll(new org.assertj.swing.core.GenericTypeMatcher<>(
                javax.swing.JOptionPane.class, true) {
            @Override
            protected boolean isMatching(javax.swing.JOptionPane pane) {
                return true;
            }
        })).as("no drain-and-restore question").isEmpty();
        assertThat(GuiActionRunner.execute(() -> table.getValueAt(0, 3))).isEqualTo("inside");
        window.label("messages.title").requireText(name + " — in " + label);

        // Attributes and limits: the namespace's
        window.tabbedPane("tabs").selectTab("Attributes");
        window.label("attr.title").requireText("Attributes of " + name + " — in " + label);
        JLabel msgMax = window.label("attr.msg_max").target();
        JLabel maxmsg = window.label("attr.maxmsg").target();
        gui.eventually("the namespace's msg_max and the queue's maxmsg", () ->
                msgMax.getText().equals(Integer.toString(CONTAINER_MSG_MAX)) && maxmsg.getText().equals("3"));

        // Gone: one notice while its queue is selected, the root marked, no storm afterwards
        // Looked up hidden too: with the exact peek nothing was noticed before, so the notice bar is not showing yet
        JLabel headline = gui.robot().finder().findByName(gui.frame(), "notice.headline", JLabel.class, false);
        List<String> headlines = new ArrayList<>();
        GuiActionRunner.execute(() -> headline.addPropertyChangeListener("text",
                e -> headlines.add(String.valueOf(e.getNewValue()))));
        ns.close();
        gui.eventually("the namespace marked gone", () -> roots.entry(ns.inode()).gone());
        // Further scans happen: a namespace started now shows up, and the notice is still the one
        try (IpcNamespaceFixture later = IpcNamespaceFixture.start(false, 0)) {
            gui.eventually("a later namespace", () -> roots.entry(later.inode()) != null);
        }
        String gone = "The namespace " + label + " is gone: its last process exited.";
        assertThat(headlines).filteredOn(t -> t.contains("gone")).containsExactly(gone);
        assertThat(headlines.get(headlines.size() - 1)).isEqualTo(gone);
        TreePath rootPath = GuiActionRunner.execute(() -> roots.pathOf(ns.inode(), null));
        assertThat(rootPath).isNotNull();
    }

    @Test
    void aQueueOfANamespaceWithoutMountIsOpenedByNameUnderItsRoot() throws Exception {
        IpcNamespaceFixture ns = gui.closeAfter(IpcNamespaceFixture.start(false, 0));
        String name = "/mqscope-namespaces-gui-bare-" + UUID.randomUUID();
        try (MqBackend inside = MqBackends.kernelInNamespaceOf(ns.pid());
             MqQueue q = inside.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_RDWR, 0600, MqAttributes.of(2, 64))) {
            q.send("unlisted".getBytes(StandardCharsets.US_ASCII), 0);
        }
        FrameFixture window = gui.open(BackendFactory.standard(), BackendKind.KERNEL);
        QueueTreePanel panel = gui.queues();
        NamespaceRoots roots = panel.model().namespaces();
        gui.eventually("the namespace's root", () -> roots.pathOf(ns.inode(), null) != null
                && panel.model().getChildCount(roots.pathOf(ns.inode(), null).getLastPathComponent()) > 0);
        TreePath root = GuiActionRunner.execute(() -> roots.pathOf(ns.inode(), null));
        String hint = GuiActionRunner.execute(() -> String.valueOf(((javax.swing.tree.DefaultMutableTreeNode)
                ((javax.swing.tree.DefaultMutableTreeNode) root.getLastPathComponent()).getChildAt(0))
                .getUserObject()));
        assertThat(hint).startsWith("Cannot list the queues: ENODEV").doesNotContain(name);

        select(panel, ns.inode(), null);
        gui.ctrl(KeyEvent.VK_O);
        JOptionPaneFixture ask = JOptionPaneFinder.findOptionPane().withTimeout(gui.waitLimit().toMillis())
                .using(gui.robot());
        ask.textBox().setText(name);
        ask.okButton().click();
        gui.eventually("the queue pinned under the namespace's root", () -> roots.pathOf(ns.inode(), name) != null
                && name.equals(panel.selectedQueue()) && panel.selectedNamespace() == ns.inode());
        String label = GuiActionRunner.execute(() -> roots.entry(ns.inode()).label());
        // Peeked through a descriptor opened in that namespace (setns): its message, not a host queue's
        JTable table = window.table("messages.table").target();
        window.pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_F5));
        JOptionPaneFixture peek = JOptionPaneFinder.findOptionPane().withTimeout(gui.waitLimit().toMillis())
                .using(gui.robot());
        peek.requireTitle("Peek " + name + " — in " + label + " by drain and restore?");
        peek.buttonWithText(Dialogs.PEEK).click();
        gui.settle();
        gui.eventually("the peeked row", () -> table.getRowCount() == 1);
        assertThat(GuiActionRunner.execute(() -> table.getValueAt(0, 3))).isEqualTo("unlisted");
        window.label("messages.title").requireText(name + " — in " + label);
    }

    private void select(QueueTreePanel panel, long inode, String name) throws Exception {
        JTree tree = panel.tree();
        GuiActionRunner.execute(() -> {
            panel.selectInNamespace(inode, name);
            tree.requestFocusInWindow();
        });
        gui.settle();
        gui.eventually("the selection in the namespace", () -> panel.selectedNamespace() == inode
                && java.util.Objects.equals(panel.selectedQueue(), name) && tree.isFocusOwner());
    }
}
