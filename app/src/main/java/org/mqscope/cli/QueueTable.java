package org.mqscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mqscope.monitor.QueueSample;
import org.mqscope.monitor.limits.UserNames;
import org.mqscope.monitor.processes.QueueUsage;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.mq.NamespaceBound;
import org.mqscope.mq.QueueInfo;

/** The listing ls prints and watch redraws: one row per queue, as text columns or JSON objects. */
final class QueueTable {
    static final String HEADER_FORMAT = "%-24s %9s %8s %10s %5s %-12s %-13s %s%n";
    private final UserNames users = UserNames.load();
    private final MqBackend backend;

    /** @param backend where the queues' files are (their mtime is the last activity) */
    QueueTable(MqBackend backend) {
        this.backend = backend;
    }

    void printText(PrintWriter out, List<QueueSample> queues) {
        out.printf(HEADER_FORMAT, "NAME", "MSGS", "MSGSIZE", "QSIZE", "MODE", "OWNER", "LAST_ACTIVITY",
                "NOTIFY_PID");
        Instant now = Instant.now();
        for (QueueSample s : queues) {
            QueueInfo i = s.info();
            String msgs = s.attributesKnown() ? s.currentMessages() + "/" + s.maxMessages() : "?";
            String msgsize = s.attributesKnown() ? Long.toString(s.attributes().messageSize()) : "?";
            String qsize = i.statusKnown() ? Long.toString(i.qsize()) : "?";
            String notify = !i.statusKnown() ? "?" : i.hasNotification() ? Integer.toString(i.notifyPid()) : "-";
            Instant last = lastActivity(i.name());
            out.printf(HEADER_FORMAT, i.name(), msgs, msgsize, qsize, String.format("%04o", i.mode()),
                    ownerName(i.uid()), last == null ? "-" : QueueUsage.ago(last, now), notify);
        }
        long unreadable = queues.stream().filter(q -> !q.attributesKnown()).count();
        if (unreadable > 0) {
            out.println("(? = not readable by this user: " + unreadable + (unreadable == 1 ? " queue)" : " queues)"));
        }
    }

    /** One queue as a JSON object; unknown numbers are null, with "problem" saying why. */
    void writeJson(JsonGenerator g, QueueSample s) throws IOException {
        QueueInfo i = s.info();
        g.writeStartObject();
        g.writeStringField("name", i.name());
        if (s.attributesKnown()) {
            g.writeNumberField("curmsgs", s.currentMessages());
            g.writeNumberField("maxmsg", s.maxMessages());
            g.writeNumberField("msgsize", s.attributes().messageSize());
        } else {
            g.writeNullField("curmsgs");
            g.writeNullField("maxmsg");
            g.writeNullField("msgsize");
        }
        if (i.statusKnown()) {
            g.writeNumberField("qsize", i.qsize());
            g.writeNumberField("notify_pid", i.notifyPid());
        } else {
            g.writeNullField("qsize");
            g.writeNullField("notify_pid");
        }
        g.writeStringField("mode", String.format("%04o", i.mode()));
        g.writeNumberField("uid", i.uid());
        g.writeNumberField("gid", i.gid());
        g.writeStringField("owner", ownerName(i.uid()));
        Instant last = lastActivity(i.name());
        if (last == null) {
            g.writeNullField("last_activity");
        } else {
            g.writeStringField("last_activity", last.toString());
        }
        if (s.problem() != null) {
            g.writeStringField("problem", s.problem());
        }
        g.writeEndObject();
    }

    /**
     * The last successful send or receive: the queue file's mtime, which the kernel sets on each. Null where there is
     * no file to look at (the emulation, a namespace without an mqueue mount) or it just went away.
     */
    Instant lastActivity(String queue) {
        if (!(backend instanceof NamespaceBound bound)) {
            return null;
        }
        try {
            Optional<Path> file = bound.queueFile(queue);
            return file.isPresent() ? Files.getLastModifiedTime(file.get()).toInstant() : null;
        } catch (MqException | IOException e) {
            return null; // unlinked since the listing, or the namespace is gone: nothing to show, the row says the rest
        }
    }

    /** The user's name alone ("alice"), or the number when it has none. */
    String ownerName(int uid) {
        String s = users.user(uid);
        int open = s.indexOf(" (");
        return open < 0 ? s : s.substring(open + 2, s.length() - 1);
    }
}
