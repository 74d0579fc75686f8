package org.mqscope.ui.lessons;

import java.awt.Dimension;
import java.awt.Font;
import java.awt.Window;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.List;

import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JEditorPane;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;

import net.miginfocom.swing.MigLayout;
import org.mqscope.lessons.LessonRunner;
import org.mqscope.lessons.LessonRunner.QueueState;
import org.mqscope.lessons.Reports.StepReport;
import org.mqscope.ui.core.IoExecutor;

/**
 * A lesson beside the main window: the step's explanation, what its calls gave and what was checked, the queues
 * of the lesson's namespace now, and Back / Next / Run to End. Steps run on mq-io (a blocked actor is waited
 * for there, never on the EDT). Closing it interrupts whatever the lesson left blocked and drops its namespace.
 */
public final class LessonWindow extends JDialog {
    private final IoExecutor io;
    private final LessonRunner runner;
    private final JLabel stepTitle = new JLabel();
    private final JTextArea say = new JTextArea();
    private final JEditorPane calls = html("lesson.calls");
    private final JEditorPane queues = html("lesson.queues");
    private final JButton restart = new JButton("Restart");
    private final JButton back = new JButton("Back");
    private final JButton next = new JButton("Next");
    private final JButton toEnd = new JButton("Run to End");
    private final Runnable onClosed;
    private boolean busy;
    private boolean closed;

    /** Opens {@code runner}'s lesson and runs its first step; {@code onClosed} runs on the EDT when it closes. */
    public LessonWindow(Window owner, IoExecutor io, LessonRunner runner, Runnable onClosed) {
        super(owner, "Lesson: " + runner.lesson().title(), ModalityType.MODELESS);
        assert SwingUtilities.isEventDispatchThread();
        this.io = io;
        this.runner = runner;
        this.onClosed = onClosed;
        setName("lesson");
        setDefaultCloseOperation(DO_NOTHING_ON_CLOSE);
        JLabel title = new JLabel(runner.lesson().title());
        title.setName("lesson.title");
        title.putClientProperty("FlatLaf.styleClass", "h2");
        stepTitle.setName("lesson.step");
        stepTitle.putClientProperty("FlatLaf.styleClass", "h3");
        say.setName("lesson.say");
        say.setEditable(false);
        say.setLineWrap(true);
        say.setWrapStyleWord(true);
        say.setOpaque(false);
        say.setFocusable(false); // read, not edited: no caret blinking in the text
        say.setFont(UIManager.getFont("Label.font").deriveFont(Font.PLAIN,
                UIManager.getFont("Label.font").getSize2D() * 1.25f));
        restart.setName("lesson.restart");
        back.setName("lesson.back");
        next.setName("lesson.next");
        toEnd.setName("lesson.end");
        JButton close = new JButton("Close");
        close.setName("lesson.close");
        restart.addActionListener(e -> run(() -> {
            runner.restart();
            return null;
        }));
        back.addActionListener(e -> run(() -> {
            runner.back();
            return null;
        }));
        next.addActionListener(e -> run(runner::next));
        toEnd.addActionListener(e -> run(runner::runToEnd));
        close.addActionListener(e -> close());

        JPanel content = new JPanel(new MigLayout("insets dialog, wrap 1, fill", "[grow, fill]",
                "[][][grow 30, fill][][grow 40, fill][][grow 30, fill][]"));
        content.add(title);
        content.add(stepTitle, "gaptop para");
        content.add(say, "wmin 300");
        content.add(new JLabel("What happened"), "gaptop para");
        content.add(scroll(calls));
        content.add(new JLabel("The queues now"), "gaptop para");
        content.add(scroll(queues));
        JPanel buttons = new JPanel(new MigLayout("insets 0", "[]push[][][][]"));
        buttons.add(restart);
        buttons.add(back, "sg b");
        buttons.add(next, "sg b");
        buttons.add(toEnd);
        buttons.add(close, "gapleft unrel");
        content.add(buttons, "gaptop para");
        setContentPane(content);
        getRootPane().setDefaultButton(next);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                close();
            }
        });
        setSize(new Dimension(640, 720));
        setLocationRelativeTo(owner);
        stepTitle.setText("Starting…");
        run(runner::next);
    }

    private static JEditorPane html(String name) {
        JEditorPane p = new JEditorPane("text/html", "");
        p.setName(name);
        p.setEditable(false);
        p.putClientProperty(JEditorPane.HONOR_DISPLAY_PROPERTIES, true);
        return p;
    }

    private static JScrollPane scroll(JEditorPane p) {
        JScrollPane s = new JScrollPane(p);
        s.setPreferredSize(new Dimension(400, 140));
        return s;
    }

    private void run(IoExecutor.IoTask<?> step) {
        if (busy || closed) {
            return;
        }
        busy = true;
        enableButtons();
        io.run(() -> {
            step.call();
            return new Shown(runner.position(), runner.reports(), runner.queues());
        }, this::show, failure -> {
            busy = false;
            enableButtons();
            stepTitle.setText("The lesson could not go on: " + failure.getMessage());
        });
    }

    /** What the window shows after a step: taken on mq-io, all at once. */
    private record Shown(int position, List<StepReport> reports, List<QueueState> queues) {
    }

    private void show(Shown s) {
        busy = false;
        int total = runner.stepCount();
        if (s.position() == 0) {
            stepTitle.setText("Before the first step");
            say.setText(runner.lesson().about());
            calls.setText("");
        } else {
            StepReport r = s.reports().get(s.position() - 1);
            stepTitle.setText("Step " + s.position() + " of " + total + ": " + r.step().title()
                    + (r.ok() ? "" : "  — not as the lesson says"));
            say.setText(r.say());
            say.setCaretPosition(0);
            calls.setText(LessonHtml.step(r));
            calls.setCaretPosition(0);
        }
        queues.setText(LessonHtml.queues(s.queues()));
        queues.setCaretPosition(0);
        enableButtons();
    }

    private void enableButtons() {
        int pos = busy ? -1 : runner.position();
        boolean end = pos == runner.stepCount();
        restart.setEnabled(!busy && pos > 0);
        back.setEnabled(!busy && pos > 0);
        next.setEnabled(!busy && !end);
        toEnd.setEnabled(!busy && !end);
    }

    /** The runner this window shows. */
    public LessonRunner runner() {
        return runner;
    }

    /** Closes the window; the lesson's namespace is dropped on mq-io (its blocked actors get EINTR). */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        dispose();
        io.run(() -> {
            runner.close();
            return null;
        }, done -> onClosed.run(), failure -> onClosed.run());
    }
}
