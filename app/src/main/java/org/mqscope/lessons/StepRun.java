package org.mqscope.lessons;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.mqscope.lessons.Lesson.Action;
import org.mqscope.lessons.Lesson.Outcome;
import org.mqscope.lessons.Reports.ActionReport;
import org.mqscope.lessons.Reports.CheckReport;
import org.mqscope.lessons.Reports.StepReport;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.Notification;
import org.mqscope.mq.PeekResult;

/** One step run on a stage: its actions in order, then its checks, then its explanation's figures. */
final class StepRun {
    private final Stage stage;
    private final Lesson.Step step;
    private final int index;

    StepRun(Stage stage, Lesson.Step step, int index) {
        this.stage = stage;
        this.step = step;
        this.index = index;
    }

    StepReport run() throws InterruptedException {
        List<ActionReport> actions = new ArrayList<>();
        String problem = null;
        for (Action a : step.actions()) {
            ActionReport r = act(a);
            actions.add(r);
            if (!r.ok()) {
                problem = "line " + a.line() + ": expected " + expected(a.outcome()) + ", got " + r.result();
                break;
            }
        }
        List<CheckReport> checks = new ArrayList<>();
        if (problem == null) {
            Checks c = new Checks(stage);
            for (Lesson.Expect e : step.expects()) {
                checks.add(c.check(e));
            }
        }
        String say = Figures.fill(step.say(), new Figures.State() {
            @Override
            public long charged() {
                return stage.namespace.chargedBytes(Stage.UID);
            }

            @Override
            public long queues() {
                return stage.namespace.queueCount();
            }

            @Override
            public org.mqscope.mq.MqLimits limits() {
                try {
                    return stage.namespace.limits();
                } catch (org.mqscope.mq.MqException e) { // EBADF: only once the lesson has been closed
                    throw new IllegalStateException("the lesson's namespace is closed: " + e.getMessage(), e);
                }
            }
        });
        return new StepReport(index, step, say, actions, checks, problem);
    }

    private ActionReport act(Action a) throws InterruptedException {
        Stage.Player p = stage.players.get(a.actor());
        if (p.busy()) {
            return new ActionReport(a, a.actor() + " is still inside its last call (blocked?) and cannot act", false);
        }
        Future<Object> call = p.call(() -> perform(p, a));
        // Whatever the lesson expects, a call that blocks is seen as blocking at once (no waiting out a timeout).
        boolean blocked = p.awaitBlocked(call, LessonRunner.WAIT);
        if (a.outcome().kind() == Outcome.Kind.BLOCKS || blocked) {
            if (blocked) {
                return new ActionReport(a, "blocks", a.outcome().kind() == Outcome.Kind.BLOCKS);
            }
            return new ActionReport(a, call.isDone() ? result(call) : "neither blocked nor returned within "
                    + LessonRunner.WAIT.toSeconds() + " s", false);
        }
        if (!call.isDone()) {
            return new ActionReport(a, "no answer within " + LessonRunner.WAIT.toSeconds() + " s", false);
        }
        String result = result(call);
        return new ActionReport(a, result, matches(a.outcome(), call));
    }

    private static boolean matches(Outcome o, Future<Object> call) {
        Object v = value(call);
        return switch (o.kind()) {
            case SUCCESS -> !(v instanceof MqException);
            case ERRNO -> v instanceof MqException e && e.errno().name().equals(o.errno());
            case MESSAGE -> v instanceof MqMessage m && Checks.text(m).equals(o.body())
                    && (o.priority() < 0 || m.priority() == o.priority());
            case BLOCKS -> false;
        };
    }

    /** What a finished call gave, as the lesson window shows it. */
    static String result(Future<Object> call) {
        Object v = value(call);
        if (v instanceof MqException e) {
            return e.errno().name();
        }
        if (v instanceof MqMessage m) {
            return Checks.describe(m);
        }
        if (v instanceof Exception e) {
            return e.getMessage();
        }
        return v == null ? "ok" : v.toString();
    }

    static Object value(Future<Object> call) {
        try {
            return call.get(0, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "still running";
        }
    }

    private static String expected(Outcome o) {
        return switch (o.kind()) {
            case SUCCESS -> "ok";
            case ERRNO -> o.errno();
            case BLOCKS -> "blocks";
            case MESSAGE -> "\"" + o.body() + "\"" + (o.priority() < 0 ? "" : " prio " + o.priority());
        };
    }

    /** Runs on the actor's thread: the call itself. Returns null (ok), a message, or a text; throws MqException. */
    private static Object perform(Stage.Player p, Action a) throws MqException {
        String queue = a.queue();
        List<String> args = a.args();
        switch (a.verb()) {
            case "open" -> {
                MqQueue q = open(p, queue, args.subList(1, args.size()));
                p.opened(queue, q);
                return null;
            }
            case "unlink" -> {
                p.process.unlink(queue);
                return null;
            }
            default -> { } // the others need a descriptor
        }
        MqQueue q = p.descriptors.get(queue);
        if (q == null) {
            throw new IllegalStateException(p.name + " has not opened " + queue + " (add 'do: " + p.name + " | open "
                    + queue + "' first)");
        }
        switch (a.verb()) {
            case "send" -> q.send(args.get(2).getBytes(StandardCharsets.UTF_8), Integer.parseInt(args.get(1)));
            case "receive" -> {
                return q.receive();
            }
            case "nonblock" -> q.setAttributes(MqAttributes.flags(args.get(1).equals("on") ? Mq.O_NONBLOCK : 0));
            case "notify" -> q.notify(args.size() == 2 && args.get(1).equals("off") ? null
                    : Notification.callback(() -> { })); // what fired is seen in the events, not the callback
            case "close" -> {
                p.descriptors.remove(queue);
                q.close();
            }
            case "peek" -> {
                PeekResult r = q.snapshot();
                return Checks.describe(r.messages());
            }
            case "drain-restore" -> {
                return drainRestore(q);
            }
            default -> throw new IllegalStateException("verb " + a.verb()); // the parser lets no other through
        }
        return null;
    }

    /**
     * A peek as a program without an exact reader must do it: receive everything there is (without waiting),
     * then send it all back in the order received. Blocks like any sender if the queue filled up meanwhile.
     */
    private static Object drainRestore(MqQueue q) throws MqException {
        List<MqMessage> taken = new ArrayList<>();
        for (;;) {
            try {
                taken.add(q.timedReceive(Instant.now())); // a deadline already past: take what is there, never wait
            } catch (MqException e) {
                if (e.errno() != Errno.ETIMEDOUT && e.errno() != Errno.EAGAIN) {
                    throw e;
                }
                break;
            }
        }
        for (MqMessage m : taken) {
            q.send(m.body(), m.priority());
        }
        return "took and sent back " + Checks.describe(taken);
    }

    private static MqQueue open(Stage.Player p, String queue, List<String> flags) throws MqException {
        int oflag = Mq.O_RDWR;
        int mode = 0600;
        long maxmsg = -1;
        long msgsize = -1;
        for (String f : flags) {
            int eq = f.indexOf('=');
            if (eq > 0) {
                String v = f.substring(eq + 1);
                long n = v.startsWith("0") && v.length() > 1 ? Long.parseLong(v, 8) : Long.parseLong(v);
                switch (f.substring(0, eq)) {
                    case "maxmsg" -> maxmsg = n;
                    case "msgsize" -> msgsize = n;
                    default -> mode = (int) n;
                }
                continue;
            }
            switch (f) {
                case "rdonly" -> oflag = (oflag & ~Mq.O_ACCMODE) | Mq.O_RDONLY;
                case "wronly" -> oflag = (oflag & ~Mq.O_ACCMODE) | Mq.O_WRONLY;
                case "rdwr" -> oflag = (oflag & ~Mq.O_ACCMODE) | Mq.O_RDWR;
                case "creat" -> oflag |= Mq.O_CREAT;
                case "excl" -> oflag |= Mq.O_EXCL;
                default -> oflag |= Mq.O_NONBLOCK;
            }
        }
        MqAttributes attr = null;
        if (maxmsg >= 0 || msgsize >= 0) {
            MqAttributes d = p.process.limits().defaultAttributes();
            attr = MqAttributes.of(maxmsg >= 0 ? maxmsg : d.maxMessages(), msgsize >= 0 ? msgsize : d.messageSize());
        }
        return p.process.open(queue, oflag, mode, attr);
    }
}
