package org.mqscope.lessons;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.mqscope.lessons.Lesson.Expect;
import org.mqscope.lessons.Reports.CheckReport;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.emulated.EmulatedBackend.Inspection;

/**
 * The {@code expect:} checks. Queue state is read as the emulation sees it (no descriptor, no event), so checking
 * changes nothing a later step could notice.
 */
final class Checks {
    private final Stage stage;

    Checks(Stage stage) {
        this.stage = stage;
    }

    CheckReport check(Expect e) throws InterruptedException {
        try {
            String actual = actual(e);
            return new CheckReport(e, actual, actual.equals(wanted(e)));
        } catch (MqException x) {
            return new CheckReport(e, x.errno().name(), false);
        }
    }

    /** What the check wants, in the words {@link #actual} reports. */
    private String wanted(Expect e) {
        List<String> a = e.args();
        return switch (e.what()) {
            case "order" -> a.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(" "));
            case "prios" -> String.join(" ", a);
            case "got" -> "\"" + a.get(0) + "\"" + (a.size() == 3 ? " prio " + a.get(2) : "");
            case "exists", "gone", "blocked", "idle", "done" -> e.what();
            case "failed" -> a.get(0);
            case "notify" -> a.get(0);
            default -> a.get(0); // messages, qsize, notified, queues, charged
        };
    }

    private String actual(Expect e) throws MqException, InterruptedException {
        switch (e.what()) {
            case "queues" -> {
                return Long.toString(stage.namespace.queueCount());
            }
            case "charged" -> {
                return Long.toString(stage.namespace.chargedBytes(Stage.UID));
            }
            case "exists", "gone" -> {
                boolean listed = stage.namespace.list().stream().anyMatch(q -> q.name().equals(e.subject()));
                return listed ? "exists" : "gone";
            }
            default -> { } // below
        }
        Stage.Player p = stage.players.get(e.subject());
        if (p != null) {
            return actorState(p, e);
        }
        Inspection q = inspect(e.subject());
        return switch (e.what()) {
            case "messages" -> Integer.toString(q.messages().size());
            case "order" -> q.messages().stream().map(m -> "\"" + text(m) + "\"").collect(Collectors.joining(" "));
            case "prios" -> q.messages().stream().map(m -> Integer.toString(m.priority()))
                    .collect(Collectors.joining(" "));
            case "qsize" -> Long.toString(q.status().qsize());
            case "notify" -> registrant(q.status().notifyPid());
            default -> throw new IllegalStateException("check " + e.what()); // the parser lets no other through
        };
    }

    /** The queue by its name, else (unlinked) through a descriptor an actor still holds. */
    private Inspection inspect(String queue) throws MqException {
        try {
            return stage.namespace.inspect(queue);
        } catch (MqException gone) {
            for (Stage.Player p : stage.players.values()) {
                MqQueue d = p.descriptors.get(queue);
                if (d != null && d.isOpen()) {
                    return stage.namespace.inspect(d);
                }
            }
            throw gone;
        }
    }

    private String registrant(int pid) {
        if (pid == 0) {
            return "none";
        }
        for (Stage.Player p : stage.players.values()) {
            if (p.pid == pid) {
                return p.name;
            }
        }
        return "pid " + pid;
    }

    private static String actorState(Stage.Player p, Expect e) throws InterruptedException {
        switch (e.what()) {
            case "blocked", "idle" -> {
                return p.blocked() && p.busy() ? "blocked" : "idle";
            }
            case "notified" -> {
                return Integer.toString(p.notified());
            }
            default -> { } // done, got, failed: what the last call gave, once it has returned
        }
        Future<Object> call = p.pending;
        if (call == null) {
            return "no call made";
        }
        try {
            Object v = call.get(LessonRunner.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (e.what().equals("got")) {
                return v instanceof MqMessage m ? (e.args().size() == 3 ? describe(m) : "\"" + text(m) + "\"")
                        : String.valueOf(v);
            }
            return "done";
        } catch (ExecutionException x) {
            return x.getCause() instanceof MqException m ? m.errno().name() : x.getCause().getMessage();
        } catch (TimeoutException x) {
            return p.blocked() ? "blocked" : "still running";
        }
    }

    static String text(MqMessage m) {
        return new String(m.body(), StandardCharsets.UTF_8);
    }

    static String describe(MqMessage m) {
        return "\"" + text(m) + "\" prio " + m.priority();
    }

    static String describe(List<MqMessage> ms) {
        return ms.isEmpty() ? "nothing" : ms.stream().map(Checks::describe).collect(Collectors.joining(", "));
    }
}
