package org.mqscope.ui.window;

import org.mqscope.ui.core.QueueContext;
import org.mqscope.ui.core.IoExecutor;
import org.mqscope.ui.core.Dialogs;
import org.mqscope.ui.core.Numbers;
import org.mqscope.ui.core.TaskSpec;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;
import org.mqscope.ui.queues.QueueTreePanel;

import java.awt.Component;

/**
 * The actions that change a queue (receive, purge, unlink), each confirmed first with Cancel as the default, and
 * opening a queue by name. Failures become a notice naming the operation, the queue and the errno in words.
 */
final class QueueOperations {
    /** What a purge did: {@code discarded} of the {@code of} messages there were when it began. */
    private record Purged(long discarded, long of, boolean cancelled) {
    }

    private final QueueContext ctx;
    private final IoExecutor io;
    private final MainController main;
    private final InspectorController inspector;
    private final QueueTreePanel queues;
    private final Dialogs dialogs;
    private final Component parent;

    QueueOperations(QueueContext ctx, MainController main, InspectorController inspector, QueueTreePanel queues,
                    Dialogs dialogs) {
        this.ctx = ctx;
        this.io = ctx.io();
        this.main = main;
        this.inspector = inspector;
        this.queues = queues;
        this.dialogs = dialogs;
        this.parent = ctx.window();
    }

    /** Receives the next message (mq_receive, non-blocking) and shows it in the detail pane. */
    void receive() {
        String name = inspector.queue();
        if (name == null || main.readOnly() || !dialogs.confirm(parent, "Receive from " + main.titled(name) + "?",
                "Receiving takes the next message out of " + name + " for good: the program that waits for it "
                        + "will never get it. mqscope shows it in the detail pane.", "Receive")) {
            return;
        }
        MqBackend backend = main.backend();
        io.run(() -> {
            try (MqQueue q = backend.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
                return q.receive();
            }
        }, m -> {
            inspector.showReceived(name, m);
            ctx.info("Received 1 message (" + m.size() + " bytes, priority " + m.priority() + ") from "
                    + name + ".");
            ctx.queueChanged(name);
        }, failure -> {
            if (failure instanceof MqException e && e.errno() == Errno.EAGAIN) {
                ctx.info(name + " is empty: nothing was received.");
                ctx.queueChanged(name);
            } else {
                ctx.failed("Receive from " + name, failure);
            }
        });
    }

    /** Receives and discards every message there was when the purge began (later arrivals stay). */
    void purge() {
        String name = inspector.queue();
        if (name == null || main.readOnly() || !dialogs.confirm(parent, "Purge " + main.titled(name) + "?",
                "Purging receives and discards every message in " + name + ". They cannot be brought back.",
                "Purge")) {
            return;
        }
        MqBackend backend = main.backend();
        // A long task: a deep queue takes a while, and Cancel stops between two messages (those taken are gone).
        io.tasks().start(TaskSpec.of("Purging " + name).counting("messages discarded")
                .cancellable("stops after the message being received; the rest stay queued").shownOver(parent),
                progress -> {
                    try (MqQueue q = backend.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
                        long limit = q.getAttributes().currentMessages();
                        long n = 0;
                        try {
                            // Bounded by what was there: a busy producer cannot keep the purge going forever.
                            for (; n < limit && !progress.cancelled(); n++) {
                                q.receive();
                                progress.done(n + 1, limit);
                            }
                        } catch (MqException e) {
                            if (e.errno() != Errno.EAGAIN) {
                                throw e;
                            }
                        }
                        return new Purged(n, limit, n < limit && progress.cancelled());
                    }
                }, r -> {
                    String n = Numbers.grouped(r.discarded()) + (r.discarded() == 1 ? " message" : " messages");
                    ctx.info(r.cancelled() ? "Purge of " + name + " cancelled: discarded " + n + " of "
                            + Numbers.grouped(r.of()) + "; the others stay queued." : "Purged " + n + " from " + name
                            + ".");
                    ctx.queueChanged(name);
                }, failure -> ctx.failed("Purge of " + name, failure));
    }

    /** mq_unlink: the name goes; the queue lives on until its last descriptor is closed. */
    void unlink() {
        String name = inspector.queue();
        if (name == null || main.readOnly() || !dialogs.confirm(parent, "Unlink " + main.titled(name) + "?",
                "Unlinking removes the name " + name + " (mq_unlink). Programs that have it open keep using it "
                        + "until they close it; its messages go with the last close.", "Unlink")) {
            return;
        }
        MqBackend backend = main.backend();
        main.unlinkedHere(name);
        io.run(() -> {
            backend.unlink(name);
            return name;
        }, n -> {
            ctx.info("Unlinked " + name + ".");
            main.sampleSoon();
        }, failure -> ctx.failed("Unlink of " + name, failure));
    }

    /** Asks for a name, opens the queue read-only to check it exists, and selects it in the tree. */
    void openByName() {
        String typed = dialogs.askQueueName(parent);
        if (typed == null || typed.isEmpty() || typed.equals("/")) {
            return;
        }
        // As typed: mq_open takes names with their leading slash, and so does Create Queue (EINVAL without it).
        String name = typed;
        if (!name.startsWith("/")) {
            ctx.failed("Opening " + name, new MqException(Errno.EINVAL, "mq_open", name,
                    "a queue name starts with a slash, as mq_open and Create Queue take it: try /" + name));
            return;
        }
        MqBackend backend = main.backend();
        int gen = main.generation();
        io.run(() -> {
            try (MqQueue q = backend.open(name, Mq.O_RDONLY | Mq.O_NONBLOCK)) {
                return q.getAttributes();
            }
        }, attrs -> {
            if (gen == main.generation() && main.pinInNamespace(name)) {
                ctx.info("Opened " + name + " in " + main.titled(name) + ": " + attrs.currentMessages() + " of "
                        + attrs.maxMessages() + " messages.");
            } else if (gen == main.generation()) {
                queues.reveal(name);
                queues.model().pin(name);
                queues.select(name);
                ctx.info("Opened " + name + ": " + attrs.currentMessages() + " of " + attrs.maxMessages()
                        + " messages.");
            }
        }, failure -> ctx.failed("Opening " + name, failure));
    }
}
