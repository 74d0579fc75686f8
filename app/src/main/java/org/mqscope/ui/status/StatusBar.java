package org.mqscope.ui.status;

import net.miginfocom.swing.MigLayout;
import org.mqscope.ui.core.AppInfo;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.Icons;
import org.mqscope.ui.core.TaskProgress;
import org.mqscope.ui.core.TaskView;
import org.mqscope.ui.core.Tasks;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;

/**
 * Bottom line of the window: the backend in use, which peek method it uses, how many queues it lists, the outcome
 * of the last operation, the long task running, and the version.
 */
public final class StatusBar extends JPanel {
    private final JLabel backend = new JLabel();
    private final JLabel peek = new JLabel();
    private final JLabel queues = new JLabel();
    private final JLabel message = new JLabel();
    private final JLabel version = new JLabel(AppInfo.versionLine());
    /** The newest long task running (export, copy, a drain-and-restore peek…), with its Cancel when it has one. */
    private final TaskView task = new TaskView("status.task");

    /** What the backend part of the line shows: the backend, and the namespace set by {@link #setNamespace}. */
    private BackendKind backendKind;
    private boolean backendReadOnly;
    private String namespace;

    public StatusBar() {
        // When short of room the last message gives way first, then the backend's description, then the peek
        // (shrink priorities of the columns; the components may go down to nothing, their tooltips hold the text).
        super(new MigLayout("insets 3 8 3 8, gap 16", "[shp 150][][][grow, shp 200][]", "[]"));
        setName("status");
        backend.setName("status.backend");
        peek.setName("status.peek");
        queues.setName("status.queues");
        message.setName("status.message");
        version.setName("status.version");
        org.mqscope.ui.core.Dim.text(version);
        // The backend and peek parts may be cut short (their tooltips hold the whole text): at their full length
        // they made the bar, and with it the whole window's content, wider than a 1,100-pixel window, whose right
        // edge was then cut off (the version, the message pane's buttons).
        add(backend, "wmin 0");
        add(peek, "wmin 0");
        add(queues);
        add(message, "wmin 0");
        add(task, "hidemode 3, w 260!");
        add(version);
        setStarting();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        // Again on every theme change: a border is not a UI resource that updateUI would replace.
        setBorder(BorderFactory.createMatteBorder(1, 0, 0, 0, UIManager.getColor("Component.borderColor")));
    }

    /** Shows the newest of {@code tasks}' running tasks while there is one. */
    public void followTasks(Tasks tasks) {
        assert SwingUtilities.isEventDispatchThread();
        tasks.addListener(() -> {
            java.util.List<TaskProgress> running = tasks.running();
            TaskProgress newest = running.isEmpty() ? null : running.get(running.size() - 1);
            if (newest != null && newest != task.following()) {
                task.follow(newest);
            }
        });
    }

    /** Before any backend has started. */
    public void setStarting() {
        assert SwingUtilities.isEventDispatchThread();
        backend.setIcon(null);
        backend.setText("Starting…");
        peek.setText("");
        queues.setText("");
    }

    /** The backend now in use. */
    public void setBackend(BackendKind kind, boolean readOnly) {
        assert SwingUtilities.isEventDispatchThread();
        backend.setIcon(Icons.action(kind.iconName()));
        backendKind = kind;
        backendReadOnly = readOnly;
        showBackend();
        queues.setText("");
    }

    private void showBackend() {
        backend.setText("Backend: " + backendKind.id() + " — " + (namespace == null ? backendKind.description()
                : "IPC namespace " + namespace) + (backendReadOnly ? " · read only" : ""));
        backend.setToolTipText(backend.getText());
    }

    /** The IPC namespace the selection is in when it is not the host's ("docker 0123456789ab …"); null: none. */
    public void setNamespace(String labelOrNull) {
        assert SwingUtilities.isEventDispatchThread();
        namespace = labelOrNull;
        if (backendKind != null) {
            showBackend();
        }
    }

    /** Which peek method the backend uses, in a few words. */
    public void setPeek(String text) {
        setPeek(text, null);
    }

    /** Which peek method is in use, and in the tooltip why not a better one (null: no tooltip). */
    public void setPeek(String text, String why) {
        assert SwingUtilities.isEventDispatchThread();
        peek.setText(text);
        peek.setToolTipText(why);
    }

    /** No backend could start; {@code why} in a few words. */
    public void setNoBackend(String why) {
        assert SwingUtilities.isEventDispatchThread();
        backend.setIcon(Icons.warning());
        backend.setText("No backend: " + why);
        peek.setText("");
        queues.setText("");
    }

    /** The number of queues the last listing returned; negative when it failed. */
    public void setQueueCount(int count) {
        assert SwingUtilities.isEventDispatchThread();
        queues.setText(count < 0 ? "queues unavailable" : count == 1 ? "1 queue" : count + " queues");
    }

    /** The outcome of the last operation ("Received 1 message from /orders"); null clears it. */
    public void setMessage(String text) {
        assert SwingUtilities.isEventDispatchThread();
        message.setText(text);
        message.setToolTipText(text); // the bar cuts long messages short
    }

    /** Clears the message when it starts with {@code prefix} (a message about a state that has ended). */
    public void clearMessageStartingWith(String prefix) {
        assert SwingUtilities.isEventDispatchThread();
        if (message.getText() != null && message.getText().startsWith(prefix)) {
            setMessage(null);
        }
    }

    public String backendText() {
        return backend.getText();
    }

    public String peekText() {
        return peek.getText();
    }

    public String queuesText() {
        return queues.getText();
    }

    public String messageText() {
        return message.getText();
    }
}
