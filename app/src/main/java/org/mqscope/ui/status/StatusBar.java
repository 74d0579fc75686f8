package org.mqscope.ui.status;

import net.miginfocom.swing.MigLayout;
import org.mqscope.ui.AppInfo;
import org.mqscope.ui.BackendKind;
import org.mqscope.ui.Icons;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;

/** Bottom line of the window: the backend in use, how many queues it lists, the version. */
public final class StatusBar extends JPanel {
    private final JLabel backend = new JLabel();
    private final JLabel queues = new JLabel();
    private final JLabel version = new JLabel(AppInfo.versionLine());

    public StatusBar() {
        super(new MigLayout("insets 3 8 3 8, gap 16", "[][grow][]", "[]"));
        setName("status");
        backend.setName("status.backend");
        queues.setName("status.queues");
        version.setName("status.version");
        setBorder(BorderFactory.createMatteBorder(1, 0, 0, 0, UIManager.getColor("Component.borderColor")));
        version.setForeground(UIManager.getColor("Mqscope.placeholder.foreground"));
        add(backend);
        add(queues);
        add(version);
        setStarting();
    }

    /** Before any backend has started. */
    public void setStarting() {
        assert SwingUtilities.isEventDispatchThread();
        backend.setIcon(null);
        backend.setText("Starting…");
        queues.setText("");
    }

    /** The backend now in use. */
    public void setBackend(BackendKind kind) {
        assert SwingUtilities.isEventDispatchThread();
        backend.setIcon(Icons.action(kind.iconName()));
        backend.setText("Backend: " + kind.id() + " — " + kind.description());
        queues.setText("");
    }

    /** No backend could start; {@code why} in a few words. */
    public void setNoBackend(String why) {
        assert SwingUtilities.isEventDispatchThread();
        backend.setIcon(Icons.warning());
        backend.setText("No backend: " + why);
        queues.setText("");
    }

    /** The number of queues the last list() returned; negative when it failed. */
    public void setQueueCount(int count) {
        assert SwingUtilities.isEventDispatchThread();
        queues.setText(count < 0 ? "queues unavailable" : count == 1 ? "1 queue" : count + " queues");
    }

    public String backendText() {
        return backend.getText();
    }

    public String queuesText() {
        return queues.getText();
    }
}
