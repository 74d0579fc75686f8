package org.mqscope.ui.attributes;

import java.awt.Dialog;
import java.awt.Window;
import java.util.prefs.Preferences;

import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
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
import org.mqscope.mq.MqLimits;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.QueueNames;
import org.mqscope.ui.core.ErrorText;
import org.mqscope.ui.core.QueueContext;
import org.mqscope.ui.core.Dim;
import org.mqscope.ui.core.Fit;

/**
 * Create Queue…: name, maxmsg, msgsize, mode and O_EXCL, checked as the user types with {@link CreateCheck} against
 * the limits and the queues that exist, the errno the kernel would give shown under its field. Create stays off
 * while the check fails; if the real mq_open still fails, its errno is shown and the dialog stays open.
 */
final class CreateQueueDialog extends JDialog {
    static final String PREFS = "attributes";

    private final QueueContext ctx;
    private final ProcessStatus self;
    private final Preferences prefs;
    private final JTextField name = new JTextField("/", 24);
    private final JTextField maxmsg = new JTextField(8);
    private final JTextField msgsize = new JTextField(8);
    private final ModeField mode;
    private final JCheckBox exclusive = new JCheckBox("O_EXCL — fail (EEXIST) if the queue exists");
    private final JLabel nameMsg = message("create.name.message");
    private final JLabel maxmsgMsg = message("create.maxmsg.message");
    private final JLabel msgsizeMsg = message("create.msgsize.message");
    private final JLabel modeMsg = message("create.mode.message");
    private final JLabel queueMsg = message("create.queue.message");
    private final JLabel outcome = message("create.outcome");
    private final JButton create = new JButton("Create");
    private CreateCheck check;
    private boolean busy;

    CreateQueueDialog(QueueContext ctx, ProcessStatus self) {
        super(owner(ctx), "Create Queue", Dialog.ModalityType.APPLICATION_MODAL);
        this.ctx = ctx;
        this.self = self;
        this.prefs = ctx.prefs(PREFS);
        setName("createQueue");
        mode = new ModeField(prefs.getInt("mode", Mq.DEFAULT_MODE));
        exclusive.setSelected(prefs.getBoolean("exclusive", true));
        exclusive.setName("create.exclusive");
        exclusive.setMnemonic('X');
        name.setName("create.name");
        maxmsg.setName("create.maxmsg");
        msgsize.setName("create.msgsize");
        create.setName("create.ok");
        create.setMnemonic('C');
        create.setEnabled(false);

        JPanel p = new JPanel(new MigLayout("insets 12, wrap 2, gap 8 2", "[right][grow, fill, 360]", ""));
        label(p, "Name:", 'a', name);
        p.add(name);
        p.add(nameMsg, "skip 1, gapbottom 6");
        label(p, "Max messages:", 'm', maxmsg);
        p.add(maxmsg, "growx 0");
        p.add(maxmsgMsg, "skip 1, gapbottom 6");
        label(p, "Message size:", 's', msgsize);
        p.add(msgsize, "growx 0");
        p.add(msgsizeMsg, "skip 1, gapbottom 6");
        label(p, "Mode:", 'o', mode.text());
        p.add(mode);
        p.add(modeMsg, "skip 1, gapbottom 6");
        p.add(exclusive, "skip 1");
        p.add(queueMsg, "span, growx, gaptop 8");
        p.add(outcome, "span, growx");
        JButton cancel = new JButton("Cancel");
        cancel.setName("create.cancel");
        cancel.addActionListener(e -> dispose());
        create.addActionListener(e -> doCreate());
        p.add(create, "span, split 2, right, tag ok, gaptop 12");
        p.add(cancel, "tag cancel");
        setContentPane(p);
        getRootPane().setDefaultButton(create);
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke("ESCAPE"),
                JComponent.WHEN_IN_FOCUSED_WINDOW);

        DocumentListener typed = new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                inputChanged();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                inputChanged();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                inputChanged();
            }
        };
        name.getDocument().addDocumentListener(typed);
        maxmsg.getDocument().addDocumentListener(typed);
        msgsize.getDocument().addDocumentListener(typed);
        mode.onChange(this::inputChanged);
        exclusive.addActionListener(e -> inputChanged());
        queueMsg.setText("Reading the limits and the queues…");
        pack();
        setMinimumSize(getSize());
        setLocationRelativeTo(ctx.window());
        loadContext();
    }

    static Window owner(QueueContext ctx) {
        return ctx.window() instanceof Window w ? w : SwingUtilities.getWindowAncestor(ctx.window());
    }

    private static JLabel message(String n) {
        JLabel l = Dim.text(new JLabel(" "));
        l.setName(n);
        return l;
    }

    private static void label(JPanel p, String text, char mnemonic, JComponent field) {
        JLabel l = new JLabel(text);
        l.setDisplayedMnemonic(mnemonic);
        l.setLabelFor(field);
        p.add(l);
    }

    /** Limits, the queues that exist and this user's charge, read on mq-io. */
    private void loadContext() {
        MqBackend backend = ctx.backend();
        busy = true;
        ctx.io().run(() -> CreateCheck.of(backend.limits(), backend.list(), RlimitUsage.measure(backend,
                self.uid()).chargedBytes(), self.capSysResource()), c -> {
            boolean first = check == null;
            check = c;
            busy = false;
            if (first) {
                MqAttributes d = c.limits().defaultAttributes();
                maxmsg.setText(prefs.get("maxmsg", Long.toString(d.maxMessages())));
                msgsize.setText(prefs.get("msgsize", Long.toString(d.messageSize())));
            }
            validateInput();
        }, failure -> {
            busy = false;
            queueMsg.setText(AttrText.html("Cannot read the limits: " + ErrorText.explain(failure).headline()));
            error(queueMsg, true);
            Fit.grow(this);
        });
    }

    private void inputChanged() {
        outcome.setText(" ");
        error(outcome, false);
        validateInput();
    }

    /** The check as of what is typed now: each field's problem under it; Create only when all pass. */
    void validateInput() {
        for (JLabel l : new JLabel[] {nameMsg, maxmsgMsg, msgsizeMsg, modeMsg, queueMsg}) {
            l.setText(" ");
            error(l, false);
        }
        if (check == null) {
            queueMsg.setText("Reading the limits and the queues…");
            create.setEnabled(false);
            return;
        }
        MqLimits limits = check.limits();
        long max = parse(maxmsg, maxmsgMsg, "Max messages");
        long size = parse(msgsize, msgsizeMsg, "Message size");
        int m = mode.mode();
        boolean ok = max != Long.MIN_VALUE && size != Long.MIN_VALUE;
        if (m < 0) {
            modeMsg.setText("Mode: write it in octal, 0000 to 7777");
            error(modeMsg, true);
            ok = false;
        } else {
            modeMsg.setText("The queue gets " + AttrText.mode(self.effectiveMode(m)) + " after your umask "
                    + AttrText.octal(self.umask()));
        }
        if (max != Long.MIN_VALUE) {
            hint(maxmsgMsg, "1 to " + AttrText.bytes(limits.msgMax()) + " (msg_max)");
        }
        if (size != Long.MIN_VALUE) {
            hint(msgsizeMsg, "1 to " + AttrText.bytes(limits.msgsizeMax()) + " bytes (msgsize_max)");
        }
        if (ok) {
            CreateCheck.Result r = check.check(new CreateRequest(name.getText(), max, size, Math.max(m, 0),
                    exclusive.isSelected()));
            if (!r.ok()) {
                JLabel where = switch (r.field()) {
                    case NAME -> nameMsg;
                    case MAX_MESSAGES -> maxmsgMsg;
                    case MESSAGE_SIZE -> msgsizeMsg;
                    case QUEUE -> queueMsg;
                };
                where.setText(r.message());
                where.setToolTipText(ErrorText.inWords(r.errno(), r.errno().code()));
                error(where, true);
                ok = false;
            } else {
                queueMsg.setText(AttrText.html(r.text() != null ? r.text() : "Charges " + AttrText.bytes(MqLimits.charge(max,
                        size)) + " bytes of RLIMIT_MSGQUEUE (your queues hold " + AttrText.bytes(check.chargedBytes())
                        + " of " + (limits.rlimitMsgqueue() == MqLimits.RLIM_INFINITY ? "unlimited"
                        : AttrText.bytes(limits.rlimitMsgqueue())) + ")"));
            }
        }
        create.setEnabled(ok && !busy);
        Fit.grow(this);
    }

    private static void hint(JLabel l, String text) {
        if (l.getText().isBlank()) {
            l.setText(text);
        }
    }

    /** The number typed, or Long.MIN_VALUE with the problem shown under the field. */
    private static long parse(JTextField f, JLabel msg, String label) {
        try {
            return Long.parseLong(f.getText().trim());
        } catch (NumberFormatException e) {
            msg.setText(label + ": type a whole number");
            error(msg, true);
            return Long.MIN_VALUE;
        }
    }

    static void error(JLabel l, boolean on) {
        l.putClientProperty("FlatLaf.style", on ? "foreground: $Actions.Red" : "foreground: "
                + "$Mqscope.placeholder.foreground");
    }

    private void doCreate() {
        if (!create.isEnabled()) {
            return;
        }
        CreateRequest r = new CreateRequest(name.getText(), Long.parseLong(maxmsg.getText().trim()),
                Long.parseLong(msgsize.getText().trim()), mode.mode(), exclusive.isSelected());
        prefs.putInt("mode", r.mode());
        prefs.putBoolean("exclusive", r.exclusive());
        prefs.put("maxmsg", Long.toString(r.maxMessages()));
        prefs.put("msgsize", Long.toString(r.messageSize()));
        MqBackend backend = ctx.backend();
        busy = true;
        create.setEnabled(false);
        outcome.setText("Creating " + r.name() + "…");
        ctx.io().run(() -> {
            try (MqQueue q = backend.open(r.name(), r.oflag(), r.mode(), r.attributes())) {
                return q.getAttributes();
            }
        }, attrs -> {
            busy = false;
            String canonical = QueueNames.canonical(r.name());
            ctx.info("Created " + canonical + ": maxmsg " + attrs.maxMessages() + ", msgsize "
                    + attrs.messageSize() + ".");
            ctx.selectQueue(canonical);
            dispose();
        }, failure -> {
            busy = false;
            ErrorText.Explanation why = ErrorText.explain(failure);
            outcome.setText(AttrText.html("mq_open failed after all — " + why.headline()
                    + (why.call() == null ? "" : "\n" + why.call())).replace("\n", "<br>"));
            error(outcome, true);
            Fit.grow(this);
            loadContext(); // the namespace changed under us: check against what is there now
        });
    }
}
