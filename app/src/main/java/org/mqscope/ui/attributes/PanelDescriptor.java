package org.mqscope.ui.attributes;

import java.util.function.Consumer;

import javax.swing.SwingUtilities;

import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqQueue;
import org.mqscope.ui.core.IoExecutor;

/**
 * The attribute editor's own read-only descriptor of the selected queue: its open description carries the
 * O_NONBLOCK flag the panel shows and toggles. Opened once per selection, closed when the queue leaves the listing
 * (so an unlinked queue is not kept alive) or another is selected. The descriptor is touched on mq-io only; the
 * EDT keeps a generation so answers for an older selection are dropped.
 */
final class PanelDescriptor {
    /** Before and after an mq_setattr. */
    record Change(MqAttributes before, MqAttributes after) {
    }

    private final IoExecutor io;
    /** mq-io only. */
    private MqQueue queue;
    /** EDT only. */
    private int generation;
    private String name;

    PanelDescriptor(IoExecutor io) {
        this.io = io;
    }

    /** The queue this descriptor is (or is being) opened on; null when none. EDT only. */
    String name() {
        return name;
    }

    /** Closes any descriptor, then opens {@code queueName} O_RDONLY through {@code backend}. EDT only. */
    void open(MqBackend backend, String queueName, Consumer<MqAttributes> onOpened, Consumer<Throwable> onFailed) {
        assert SwingUtilities.isEventDispatchThread();
        int gen = ++generation;
        name = queueName;
        io.run(() -> {
            closeNow();
            queue = backend.open(queueName, Mq.O_RDONLY);
            return queue.getAttributes();
        }, attrs -> {
            if (gen == generation) {
                onOpened.accept(attrs);
            }
        }, failure -> {
            if (gen == generation) {
                onFailed.accept(failure);
            }
        });
    }

    /** Closes the descriptor (if any) on mq-io. EDT only. */
    void close() {
        assert SwingUtilities.isEventDispatchThread();
        generation++;
        name = null;
        io.run(() -> {
            closeNow();
            return null;
        }, ignored -> { }, ignored -> { });
    }

    /** mq_setattr with O_NONBLOCK on or off; the answer has the flags before and after. EDT only. */
    void setNonBlocking(boolean on, Consumer<Change> onDone, Consumer<Throwable> onFailed) {
        assert SwingUtilities.isEventDispatchThread();
        int gen = generation;
        io.run(() -> {
            if (queue == null) {
                throw new IllegalStateException("The queue is not open in this panel");
            }
            MqAttributes before = queue.setAttributes(MqAttributes.flags(on ? Mq.O_NONBLOCK : 0));
            return new Change(before, queue.getAttributes());
        }, change -> {
            if (gen == generation) {
                onDone.accept(change);
            }
        }, onFailed);
    }

    /** mq-io only. */
    private void closeNow() {
        MqQueue q = queue;
        queue = null;
        if (q != null && q.isOpen()) {
            try {
                q.close();
            } catch (Exception e) {
                // the backend closed it already (switch or shutdown): nothing is held
            }
        }
    }
}
