package org.mqscope.ui.attributes;

import java.awt.Dialog;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

import net.miginfocom.swing.MigLayout;
import org.mqscope.mq.CreateCheck;
import org.mqscope.mq.CreateRequest;
import org.mqscope.monitor.limits.RlimitUsage;
import org.mqscope.mq.ProcessStatus;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqLimits;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.PeekMethod;
import org.mqscope.mq.PeekResult;
import org.mqscope.mq.QueueInfo;
import org.mqscope.mq.RecreateResult;
import org.mqscope.mq.RecreateRules;
import org.mqscope.ui.core.ErrorText;
import org.mqscope.ui.core.TaskSpec;
import org.mqscope.ui.core.TaskView;
import org.mqscope.ui.core.QueueContext;
import org.mqscope.ui.core.Dim;
import org.mqscope.ui.core.Fit;

/**
 * Recreate with New Attributes…: new maxmsg and msgsize for the selected queue, refused as the user types when a
 * message would not fit ({@link RecreateRules}) or the limits forbid the sizes ({@link CreateCheck}), checked
 * against a snapshot of the messages. On the kernel that snapshot is itself a drain-and-restore, so the dialog says
 * so and waits for the user before taking it. Then {@link MqBackend#recreate} does the work, journaled.
 */
final class RecreateDialog extends JDialog {
    /** What the checks need, read on mq-io. */
    private record Basis(MqAttributes attrs, PeekMethod method, List<QueueInfo> queues, MqLimits limits,
                         RlimitUsage usage) {
    }

    private final QueueContext ctx;
    private final ProcessStatus self;
    private final String queue;
    private final Runnable onRecreated;
    private final JLabel current = new JLabel(" ");
    private final JLabel how = Dim.text(new JLabel(" "));
    private final JTextField maxmsg = new JTextField(8);
    private final JTextField msgsize = new JTextField(8);
    private final JLabel verdict = Dim.text(new JLabel(" "));
    private final TaskView progress = new TaskView("recreate");
    private final JButton snapshotButton = new JButton("Read the Messages");
    private final JButton recreate = new JButton("Recreate");
    private Basis basis;
    private PeekResult snapshot;
    private boolean busy;

    RecreateDialog(QueueContext ctx, ProcessStatus self, String queue, Runnable onRecreated) {
        super(CreateQueueDialog.owner(ctx), "Recreate " + queue + " with New Attributes",
                Dialog.ModalityType.APPLICATION_MODAL);
        this.ctx = ctx;
        this.self = self;
        this.queue = queue;
        this.onRecreated = onRecreated;
        setName("recreate");
        maxmsg.setName("recreate.maxmsg");
        msgsize.setName("recreate.msgsize");
        verdict.setName("recreate.verdict");
        recreate.setName("recreate.ok");
        snapshotButton.setName("recreate.snapshot");
        how.setName("recreate.how");
        recreate.setEnabled(false);
        snapshotButton.setVisible(false);

        JPanel p = new JPanel(new MigLayout("insets 12, wrap 2, gap 8 4, hidemode 3", "[right][grow, fill, 420]", ""));
        p.add(current, "span, growx");
        p.add(new JLabel(AttrText.html("maxmsg and msgsize are fixed when a queue is created. Recreating takes "
                + "every message, unlinks " + queue + ", creates it again with the same mode and the new sizes, and "
                + "sends the messages back in receive order. Programs that have it open keep the old, nameless "
                + "queue.")), "span, growx");
        p.add(how, "span, growx");
        p.add(snapshotButton, "span, left");
        JLabel l1 = new JLabel("New max messages:");
        l1.setDisplayedMnemonic('m');
        l1.setLabelFor(maxmsg);
        p.add(l1, "gaptop 8");
        p.add(maxmsg, "growx 0, gaptop 8");
        JLabel l2 = new JLabel("New message size:");
        l2.setDisplayedMnemonic('s');
        l2.setLabelFor(msgsize);
        p.add(l2);
        p.add(msgsize, "growx 0");
        p.add(verdict, "span, growx, gaptop 6");
        p.add(progress, "span, growx");
        JButton cancel = new JButton("Cancel");
        cancel.setName("recreate.cancel");
        cancel.addActionListener(e -> close());
        recreate.addActionListener(e -> doRecreate());
        snapshotButton.addActionListener(e -> takeSnapshot());
        p.add(recreate, "span, split 2, right, tag ok, gaptop 12");
        p.add(cancel, "tag cancel");
        setContentPane(p);
        getRootPane().setDefaultButton(recreate);
        getRootPane().registerKeyboardAction(e -> close(), KeyStroke.getKeyStroke("ESCAPE"),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        DocumentListener typed = new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                validateInput();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                validateInput();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                validateInput();
            }
        };
        maxmsg.getDocument().addDocumentListener(typed);
        msgsize.getDocument().addDocumentListener(typed);
        pack();
        setLocationRelativeTo(ctx.window());
        loadBasis();
    }

    private void close() {
        if (!busy) {
            dispose();
        }
    }

    private void loadBasis() {
        MqBackend backend = ctx.backend();
        busy = true;
        ctx.io().run(() -> {
            try (MqQueue q = backend.open(queue, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
                return new Basis(q.getAttributes(), q.peekSupport().method(), backend.list(), backend.limits(),
                        RlimitUsage.measure(backend, self.uid()));
            }
        }, b -> {
            busy = false;
            basis = b;
            current.setText("Now: maxmsg " + b.attrs().maxMessages() + ", msgsize " + b.attrs().messageSize()
                    + " bytes, " + AttrText.count(b.attrs().currentMessages(), "message", "messages") + " queued.");
            maxmsg.setText(Long.toString(b.attrs().maxMessages()));
            msgsize.setText(Long.toString(b.attrs().messageSize()));
            if (b.method() == PeekMethod.EXACT) {
                how.setText("The messages are read without disturbing the queue.");
                takeSnapshot();
            } else {
                how.setText(AttrText.html("To check that every message fits, mqscope must first read them by "
                        + b.method().label() + ": it " + b.method().explanation() + ". Every message is journaled "
                        + "first, so a crash loses nothing; a consumer may see the queue empty for a moment."));
                snapshotButton.setVisible(true);
                verdict.setText("Read the messages first: the new sizes are checked against them.");
                Fit.grow(this);
            }
        }, failure -> {
            busy = false;
            showFailure("Cannot read " + queue, failure);
        });
    }

    private void takeSnapshot() {
        MqBackend backend = ctx.backend();
        busy = true;
        snapshotButton.setEnabled(false);
        verdict.setText("Reading the messages of " + queue + "…");
        // A drain and restore is journaled inside the backend and cannot stop midway: no Cancel.
        progress.follow(ctx.io().tasks().start(TaskSpec.of("Reading " + queue), task -> {
            task.note("Reading the messages by " + basis.method().label());
            try (MqQueue q = backend.open(queue, Mq.O_RDWR | Mq.O_NONBLOCK)) {
                return q.snapshot();
            }
        }, s -> {
            busy = false;
            snapshot = s;
            snapshotButton.setVisible(false);
            validateInput();
            Fit.grow(this);
        }, failure -> {
            busy = false;
            snapshotButton.setEnabled(true);
            showFailure("Reading the messages failed", failure);
        }));
    }

    /** The refusal for what is typed now, or null; shown in the verdict line. */
    void validateInput() {
        CreateQueueDialog.error(verdict, false);
        if (basis == null || snapshot == null) {
            recreate.setEnabled(false);
            return;
        }
        long max;
        long size;
        try {
            max = Long.parseLong(maxmsg.getText().trim());
            size = Long.parseLong(msgsize.getText().trim());
        } catch (NumberFormatException e) {
            refuse("Max messages and message size: type whole numbers");
            return;
        }
        MqAttributes next = MqAttributes.of(max, size);
        MqException rule = RecreateRules.refusal(queue, snapshot.messages(), next);
        if (rule != null) {
            refuse(rule.errno().name() + " — " + rule.detail());
            return;
        }
        CreateCheck.Result limit = limitCheck().check(new CreateRequest(queue, max, size, 0600, true));
        if (!limit.ok()) {
            refuse(limit.message());
            return;
        }
        verdict.setText(AttrText.count(snapshot.size(), "message fits", "messages fit") + " (largest "
                + largest() + " bytes). The new queue charges " + AttrText.bytes(MqLimits.charge(max, size))
                + " bytes of RLIMIT_MSGQUEUE.");
        recreate.setEnabled(!busy);
        Fit.grow(this);
    }

    /**
     * The creation checks as they will apply once the old queue is unlinked: its name free, and (when nobody else
     * holds it open) its queues_max slot and charge given back.
     */
    private CreateCheck limitCheck() {
        List<String> others = new ArrayList<>();
        basis.queues().forEach(q -> {
            if (!q.name().equals(queue)) {
                others.add(q.name());
            }
        });
        long oldCharge = MqLimits.charge(basis.attrs().maxMessages(), basis.attrs().messageSize());
        return new CreateCheck(basis.limits(), others, others.size(),
                Math.max(0, basis.usage().chargedBytes() - oldCharge), self.capSysResource());
    }

    private int largest() {
        return snapshot.messages().stream().mapToInt(m -> m.size()).max().orElse(0);
    }

    private void refuse(String text) {
        verdict.setText(AttrText.html("Refused: " + text));
        CreateQueueDialog.error(verdict, true);
        recreate.setEnabled(false);
        Fit.grow(this);
    }

    private void showFailure(String what, Throwable failure) {
        ErrorText.Explanation why = ErrorText.explain(failure);
        verdict.setText(AttrText.html(what + ": " + why.headline() + (why.detail() == null ? "" : " — "
                + why.detail())));
        CreateQueueDialog.error(verdict, true);
        recreate.setEnabled(false);
        Fit.grow(this);
    }

    private void doRecreate() {
        if (!recreate.isEnabled()) {
            return;
        }
        MqAttributes next = MqAttributes.of(Long.parseLong(maxmsg.getText().trim()),
                Long.parseLong(msgsize.getText().trim()));
        MqBackend backend = ctx.backend();
        busy = true;
        recreate.setEnabled(false);
        maxmsg.setEnabled(false);
        msgsize.setEnabled(false);
        verdict.setText("Recreating " + queue + " and replaying " + AttrText.count(snapshot.size(), "message",
                "messages") + "…");
        // Drains, unlinks, creates and refills, journaled: long, and it cannot stop midway (no Cancel).
        progress.follow(ctx.io().tasks().start(TaskSpec.of("Recreating " + queue), task -> {
            task.note("Replaying " + AttrText.count(snapshot.size(), "message", "messages") + " in receive order");
            return backend.recreate(queue, next);
        }, (RecreateResult r) -> {
            busy = false;
            ctx.info("Recreated " + queue + ": maxmsg " + r.before().maxMessages() + " → " + r.after().maxMessages()
                    + ", msgsize " + r.before().messageSize() + " → " + r.after().messageSize() + "; replayed "
                    + AttrText.count(r.replayed(), "message", "messages") + " in receive order.");
            ctx.queueChanged(queue);
            onRecreated.run();
            dispose();
        }, failure -> {
            busy = false;
            maxmsg.setEnabled(true);
            msgsize.setEnabled(true);
            showFailure("Recreate failed; " + queue + " is as it was", failure);
        }));
    }
}
