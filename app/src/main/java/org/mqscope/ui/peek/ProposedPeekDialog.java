package org.mqscope.ui.peek;

import net.miginfocom.swing.MigLayout;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.ProposedPeek;
import org.mqscope.mq.ProposedPeek.FcntlPeek;
import org.mqscope.ui.core.ErrorText;
import org.mqscope.ui.core.Fit;
import org.mqscope.ui.core.IoExecutor;
import org.mqscope.ui.core.Preview;

import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.KeyStroke;
import java.awt.event.KeyEvent;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;

/**
 * Tries the two peek interfaces proposed for Linux (not merged) on an emulated queue, side by side:
 * {@code mq_timedreceive2(MQ_PEEK, index)} and {@code fcntl(F_MQ_PEEK)} with its buffer length. The message table
 * itself uses snapshot(), whose per-index semantics are MQ_PEEK's; this panel shows where the two differ (an
 * empty queue, an index past the end, a short buffer).
 */
public final class ProposedPeekDialog extends JDialog {
    static final String NOTE = "The message table uses snapshot(): per index, the semantics of MQ_PEEK.";

    private final IoExecutor io;
    private final MqBackend backend;
    private final String queue;
    private final JSpinner index = new JSpinner(new SpinnerNumberModel(0L, -1L, (long) Mq.HARD_MSGMAX, 1L));
    private final JSpinner length = new JSpinner(new SpinnerNumberModel(16, 0, (int) Mq.HARD_MSGSIZEMAX, 1));
    private final JLabel mqPeek = result("proposed.mqPeek");
    private final JLabel fcntl = result("proposed.fcntl");

    /** {@code backend} must hand out descriptors that implement {@link ProposedPeek} (the emulation's). */
    public ProposedPeekDialog(JFrame owner, IoExecutor io, MqBackend backend, String queue) {
        super(owner, "Compare proposed peeks — " + queue, false);
        this.io = io;
        this.backend = backend;
        this.queue = queue;
        setName("proposedPeek");
        index.setName("proposed.index");
        length.setName("proposed.length");
        JButton run = new JButton("Peek with both");
        run.setName("proposed.run");
        run.addActionListener(e -> runBoth());
        JLabel note = new JLabel(NOTE);
        org.mqscope.ui.core.Dim.text(note);

        getContentPane().setLayout(new MigLayout("insets 12, wrap 2", "[right][grow, fill]", ""));
        add(Fit.wrapped("Two non-destructive peeks were proposed for Linux and not merged. The emulation "
                + "implements both, so you can compare them on " + Fit.escape(queue) + "."), "span, growx");
        add(new JLabel("Index:"));
        add(index, "split 4, w 80!");
        add(new JLabel("F_MQ_PEEK buf_len:"), "gapleft 16");
        add(length, "w 100!");
        add(run, "gapleft 16");
        add(new JLabel("MQ_PEEK:"), "aligny top");
        add(mqPeek, "wmin 0");
        add(new JLabel("F_MQ_PEEK:"), "aligny top");
        add(fcntl, "wmin 0");
        add(note, "span, gaptop 8, gapbottom 4");
        JButton close = new JButton("Close");
        close.setName("proposed.close");
        close.addActionListener(e -> dispose());
        add(close, "span, right, tag cancel");
        getRootPane().registerKeyboardAction(e -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        getRootPane().setDefaultButton(run);
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        pack();
        setLocationRelativeTo(owner);
    }

    private static JLabel result(String name) {
        JLabel l = new JLabel("–");
        l.setName(name);
        return l;
    }

    private void runBoth() {
        long i = ((Number) index.getValue()).longValue();
        int len = ((Number) length.getValue()).intValue();
        io.run(() -> {
            try (MqQueue q = backend.open(queue, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
                if (!(q instanceof ProposedPeek p)) {
                    throw new MqException(org.mqscope.mq.Errno.EOPNOTSUPP, "peek", queue,
                            "only the emulation implements the proposed interfaces");
                }
                long msgsize = q.getAttributes().messageSize();
                return new String[] {mqPeek(p, msgsize, i), fcntl(p, i, len)};
            }
        }, texts -> {
            mqPeek.setText(texts[0]);
            fcntl.setText(texts[1]);
            Fit.grow(this); // longer results need room; the note and Close below must stay visible
        }, failure -> {
            mqPeek.setText(ErrorText.explain(failure).headline());
            Fit.grow(this);
        });
    }

    static String mqPeek(ProposedPeek p, long msgsize, long index) {
        try {
            MqMessage m = p.mqTimedReceive2Peek(msgsize, index);
            return "message #" + index + ": priority " + m.priority() + ", " + m.size() + " bytes: "
                    + Preview.of(m.body());
        } catch (MqException e) {
            return e.errno().name() + " (" + e.errno().description() + ")";
        }
    }

    static String fcntl(ProposedPeek p, long index, int length) {
        try {
            FcntlPeek f = p.fcntlPeek(index, length);
            return "priority " + f.priority() + ", copied " + f.data().length + " of " + f.messageLength()
                    + " bytes" + (f.truncated() ? " (truncated to buf_len)" : "") + ": " + Preview.of(f.data());
        } catch (MqException e) {
            return e.errno().name() + " (" + e.errno().description() + ")";
        }
    }
}
