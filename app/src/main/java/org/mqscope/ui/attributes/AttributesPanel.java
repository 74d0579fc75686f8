package org.mqscope.ui.attributes;

import java.awt.Component;
import java.util.HashMap;
import java.util.Map;

import javax.swing.Action;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSeparator;
import javax.swing.SwingUtilities;

import net.miginfocom.swing.MigLayout;
import org.mqscope.monitor.QueueSample;
import org.mqscope.monitor.SampleBatch;
import org.mqscope.mq.ProcessRef;
import org.mqscope.monitor.limits.RlimitUsage;
import org.mqscope.mq.ProcessStatus;
import org.mqscope.monitor.limits.UserNames;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqLimits;
import org.mqscope.mq.QueueInfo;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.ErrorText;
import org.mqscope.ui.core.QueueContext;
import org.mqscope.ui.core.QueueView;
import org.mqscope.ui.core.Dim;

/**
 * The "Attributes" tab: the selected queue's attributes and owner, this panel's own descriptor with its O_NONBLOCK
 * flag (the one attribute mq_setattr changes), and the system limits with this user's RLIMIT_MSGQUEUE charge.
 * Values follow the window's samples; the panel opens the queue once per selection.
 */
public final class AttributesPanel extends JPanel implements QueueView {
    static final String NONBLOCK_TIP = "<html>O_NONBLOCK belongs to an <b>open description</b>, not to the queue: "
            + "this is the flag of the attributes panel's own mq_open of the queue.<br>Other programs' descriptors "
            + "keep their own flag. mq_setattr changes only this flag; maxmsg and msgsize are fixed at creation "
            + "(use Recreate with New Attributes…).</html>";

    private final QueueContext ctx;
    private final PanelDescriptor descriptor;
    private final Map<String, JLabel> values = new HashMap<>();
    private final JLabel title = new JLabel("No queue selected");
    private final JCheckBox nonBlocking = new JCheckBox("O_NONBLOCK");
    private final JLabel setattr = Dim.text(new JLabel(" "));
    private final JLabel readOnlyReason = Dim.text(new JLabel(" "));
    /** "412,160 of 819,200 bytes (50 %) charged by your 3 queues", under the limit. */
    private final JLabel charge = new JLabel(" ");
    private final ProcessStatus self = ProcessStatus.current();
    private volatile UserNames users;
    private MqLimits limits;
    private QueueSample sample;
    private int notifyPidShown;
    private String notifyProcess;

    public AttributesPanel(QueueContext ctx, Action create, Action recreate) {
        super(new MigLayout("insets 8 10 8 10, hidemode 3", "[grow, fill]", "[][]8[grow, top]"));
        assert SwingUtilities.isEventDispatchThread();
        this.ctx = ctx;
        this.descriptor = new PanelDescriptor(ctx.io());
        setName("attributes");
        title.putClientProperty("FlatLaf.styleClass", "h4");
        title.setName("attr.title");

        JPanel header = new JPanel(new MigLayout("insets 0, hidemode 3", "[grow][][]", "[]"));
        header.add(title, "growx");
        header.add(button(create, "attr.create"));
        header.add(button(recreate, "attr.recreate"), "wrap");
        readOnlyReason.setName("attr.readOnlyReason");
        header.add(readOnlyReason, "span, growx");
        add(header, "wrap");
        add(new JSeparator(), "wrap");

        JPanel columns = new JPanel(new MigLayout("insets 0, gap 32 4", "[grow, fill][grow, fill]", "[top][]"));
        JPanel left = section("Queue");
        row(left, "maxmsg", "Max messages (mq_maxmsg)", "How many messages the queue holds; fixed at creation");
        row(left, "msgsize", "Message size (mq_msgsize)", "Largest message in bytes; fixed at creation");
        row(left, "curmsgs", "Messages now (mq_curmsgs)", "Messages in the queue at the last sample");
        row(left, "qsize", "QSIZE", "Bytes of payload queued, from the queue's status line in /dev/mqueue");
        row(left, "mode", "Mode", "Permission bits of the queue file (ls -l /dev/mqueue)");
        row(left, "owner", "Owner", "uid and gid of the queue file: the creator's");
        row(left, "notify", "Notification", "NOTIFY and SIGNO of the status line: how the registered process is told "
                + "that a message arrived in the empty queue");
        row(left, "notifyPid", "NOTIFY_PID", "The process registered with mq_notify, and its name from /proc");
        left.add(new JSeparator(), "span, growx, gaptop 4");
        nonBlocking.setName("attr.nonblock");
        nonBlocking.setToolTipText(NONBLOCK_TIP);
        nonBlocking.setMnemonic('N');
        nonBlocking.addActionListener(e -> toggleNonBlocking());
        JLabel desc = new JLabel("This panel's descriptor");
        desc.setToolTipText(NONBLOCK_TIP);
        left.add(desc);
        left.add(nonBlocking, "wrap");
        setattr.setName("attr.setattr");
        left.add(setattr, "skip 1, wrap");

        JPanel right = section("System limits");
        row(right, "msg_max", "msg_max", "/proc/sys/fs/mqueue/msg_max: the largest maxmsg without CAP_SYS_RESOURCE");
        row(right, "msgsize_max", "msgsize_max", "/proc/sys/fs/mqueue/msgsize_max: the largest msgsize without "
                + "CAP_SYS_RESOURCE");
        row(right, "msg_default", "msg_default", "maxmsg of a queue created without attributes");
        row(right, "msgsize_default", "msgsize_default", "msgsize of a queue created without attributes");
        row(right, "queues_max", "queues_max", "How many queues the namespace may hold (ENOSPC beyond)");
        row(right, "rlimit", "RLIMIT_MSGQUEUE", RlimitUsage.formulaInWords());
        charge.setName("attr.charge");
        charge.setToolTipText(RlimitUsage.formulaInWords());
        right.add(charge, "skip 1, wmin 0");
        row(right, "privilege", "Limits for you", "CAP_SYS_RESOURCE lifts msg_max, msgsize_max and queues_max (up "
                + "to the hard limits 65,536 and 16 MiB); it never lifts RLIMIT_MSGQUEUE");
        columns.add(left, "top, wmin 0");
        columns.add(right, "top, wmin 0, wrap");
        JScrollPane scroll = new JScrollPane(columns, JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED,
                JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
        scroll.setBorder(null);
        add(scroll, "grow, push");
        showQueue();
        showLimits();
        readOnlyChanged(ctx.readOnly());
    }

    private static JButton button(Action a, String name) {
        JButton b = new JButton(a);
        b.setName(name);
        return b;
    }

    private static JPanel section(String heading) {
        JPanel p = new JPanel(new MigLayout("insets 0, gap 8 3, wrap 2", "[right][grow, fill]", ""));
        JLabel h = new JLabel(heading);
        h.putClientProperty("FlatLaf.styleClass", "h4");
        p.add(h, "span, left, gapbottom 4");
        return p;
    }

    private void row(JPanel p, String key, String label, String tip) {
        JLabel l = Dim.text(new JLabel(label));
        l.setToolTipText(tip);
        JLabel v = new JLabel("—");
        v.setName("attr." + key);
        v.setToolTipText(tip);
        values.put(key, v);
        p.add(l);
        p.add(v, "wmin 0");
    }

    /** The text of a value label, by key (e.g. "maxmsg", "rlimit"); for tests and screenshots. */
    String value(String key) {
        return values.get(key).getText();
    }

    private void set(String key, String text) {
        values.get(key).setText(text);
    }

    // --- QueueView ----------------------------------------------------------------------------------------------

    @Override
    public void backendChanged(BackendKind kind) {
        descriptor.close();
        limits = null;
        sample = null;
        ctx.io().run(() -> {
            if (users == null) {
                users = UserNames.load();
            }
            return ctx.backend().limits();
        }, l -> {
            limits = l;
            showLimits();
        }, failure -> set("msg_max", "unknown: " + ErrorText.explain(failure).headline()));
        showQueue();
    }

    @Override
    public void readOnlyChanged(boolean readOnly) {
        readOnlyReason.setText(readOnly ? "Read-only mode: O_NONBLOCK, Create Queue and Recreate are off "
                + "(turn Read Only off in the toolbar to change queues)" : "");
        readOnlyReason.setVisible(readOnly);
        updateToggle();
    }

    @Override
    public void queueSelected(String name) {
        sample = null;
        setattr.setText(" ");
        if (name == null) {
            descriptor.close();
        } else {
            openDescriptor(name);
        }
        showQueue();
    }

    @Override
    public void sampled(SampleBatch batch) {
        String name = ctx.queue();
        showUsage(batch);
        if (name == null) {
            return;
        }
        sample = batch.find(name);
        if (sample == null && descriptor.name() != null) {
            descriptor.close(); // gone from the listing: do not keep an unlinked queue alive
            nonBlocking.setSelected(false);
            setattr.setText("Not listed any more (unlinked?): this panel's descriptor is closed.");
        } else if (sample != null && descriptor.name() == null && batch.failure() == null) {
            openDescriptor(name); // back, e.g. recreated
        }
        showQueue();
    }

    /** Opens the panel's descriptor again, e.g. after a recreate replaced the queue. EDT only. */
    void reopen() {
        String name = ctx.queue();
        if (name != null) {
            openDescriptor(name);
        }
    }

    // --- showing ------------------------------------------------------------------------------------------------

    private void openDescriptor(String name) {
        descriptor.open(ctx.backend(), name, attrs -> {
            nonBlocking.setSelected(attrs.nonBlocking());
            updateToggle();
        }, failure -> {
            setattr.setText("Cannot open " + name + ": " + ErrorText.explain(failure).headline());
            updateToggle();
        });
        updateToggle();
    }

    private void updateToggle() {
        boolean open = descriptor.name() != null && ctx.queue() != null;
        nonBlocking.setEnabled(open && !ctx.readOnly());
        nonBlocking.setToolTipText(ctx.readOnly() ? "Off in read-only mode. " + NONBLOCK_TIP.substring(6)
                .replace("</html>", "") : NONBLOCK_TIP);
    }

    private void toggleNonBlocking() {
        boolean on = nonBlocking.isSelected();
        nonBlocking.setEnabled(false);
        descriptor.setNonBlocking(on, change -> {
            nonBlocking.setSelected(change.after().nonBlocking());
            setattr.setText("mq_setattr: flags " + AttrText.flags(change.before()) + " → "
                    + AttrText.flags(change.after()));
            updateToggle();
        }, failure -> {
            nonBlocking.setSelected(!on);
            setattr.setText("mq_setattr failed: " + ErrorText.explain(failure).headline());
            updateToggle();
        });
    }

    private void showQueue() {
        String name = ctx.queue();
        title.setText(name == null ? "No queue selected" : "Attributes of " + ctx.titled(name));
        if (sample == null) {
            for (String k : new String[] {"maxmsg", "msgsize", "curmsgs", "qsize", "mode", "owner", "notify",
                "notifyPid"}) {
                set(k, name == null ? "—" : "…");
            }
            return;
        }
        MqAttributes a = sample.attributes();
        QueueInfo info = sample.info();
        String unknown = "unknown: " + (sample.problem() == null ? "not readable" : sample.problem());
        set("maxmsg", a == null ? unknown : AttrText.bytes(a.maxMessages()));
        set("msgsize", a == null ? unknown : AttrText.bytes(a.messageSize()) + " bytes");
        set("curmsgs", a == null ? unknown : AttrText.bytes(a.currentMessages()) + " of "
                + AttrText.bytes(a.maxMessages()));
        set("qsize", info.statusKnown() ? AttrText.count(info.qsize(), "byte", "bytes") : "unknown");
        set("mode", AttrText.mode(info.mode()));
        set("owner", users == null ? "uid " + info.uid() + ", gid " + info.gid()
                : "uid " + users.user(info.uid()) + ", gid " + users.group(info.gid()));
        set("notify", AttrText.notification(info));
        showNotifyPid(info.notifyPid());
    }

    private void showNotifyPid(int pid) {
        if (pid == 0) {
            set("notifyPid", "0 (nobody registered)");
            notifyPidShown = 0;
            return;
        }
        if (pid != notifyPidShown) {
            notifyPidShown = pid;
            notifyProcess = new ProcessRef(pid, null).toString(); // named once /proc has been read, below
            ctx.io().run(() -> ProcessRef.of(pid).toString(), text -> {
                if (pid == notifyPidShown) {
                    notifyProcess = text;
                    set("notifyPid", text);
                }
            }, failure -> { });
        }
        set("notifyPid", notifyProcess);
    }

    private void showLimits() {
        if (limits == null) {
            for (String k : new String[] {"msg_max", "msgsize_max", "msg_default", "msgsize_default", "queues_max",
                "rlimit", "privilege"}) {
                set(k, "…");
            }
            charge.setText(" ");
            return;
        }
        set("msg_max", AttrText.bytes(limits.msgMax()));
        set("msgsize_max", AttrText.bytes(limits.msgsizeMax()) + " bytes");
        set("msg_default", AttrText.bytes(limits.msgDefault()));
        set("msgsize_default", AttrText.bytes(limits.msgsizeDefault()) + " bytes");
        set("queues_max", AttrText.bytes(limits.queuesMax()));
        set("privilege", self.capSysResource() ? "hard (CAP_SYS_RESOURCE)" : "these (no CAP_SYS_RESOURCE)");
        set("rlimit", limits.rlimitMsgqueue() == MqLimits.RLIM_INFINITY ? "unlimited"
                : AttrText.bytes(limits.rlimitMsgqueue()) + " bytes");
    }

    private void showUsage(SampleBatch batch) {
        if (limits == null || batch.failure() != null) {
            return;
        }
        set("queues_max", AttrText.bytes(limits.queuesMax()) + " (" + batch.queues().size() + " listed now)");
        charge.setText("<html><body style='width: 160px'>" + RlimitUsage.of(batch.queues(), self.uid(),
                limits.rlimitMsgqueue()).summary() + "</body></html>");
    }

    /** Parent for this panel's dialogs. */
    Component dialogParent() {
        return ctx.window();
    }

    // --- actions routed from the window -------------------------------------------------------------------------

    /** Create Queue… (Ctrl+N). */
    public void createQueue() {
        assert SwingUtilities.isEventDispatchThread();
        if (ctx.backend() == null || ctx.readOnly()) {
            return;
        }
        new CreateQueueDialog(ctx, self).setVisible(true);
    }

    /** Recreate with New Attributes… on the selected queue. */
    public void recreate() {
        assert SwingUtilities.isEventDispatchThread();
        String name = ctx.queue();
        if (name == null || ctx.readOnly() || ctx.backend() == null) {
            return;
        }
        new RecreateDialog(ctx, self, name, this::reopen).setVisible(true);
    }
}
