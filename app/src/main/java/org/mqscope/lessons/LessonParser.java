package org.mqscope.lessons;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.mqscope.lessons.Lesson.Action;
import org.mqscope.lessons.Lesson.Expect;
import org.mqscope.lessons.Lesson.Outcome;
import org.mqscope.lessons.Lesson.Step;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqLimits;

/**
 * Reads the lesson format (docs/lessons.md): one {@code key: value} per line, {@code #} comments, blank lines
 * ignored. Everything is checked here, so a lesson that parses can only fail at run time on what the queues do;
 * each error names the line.
 */
public final class LessonParser {
    /** Verbs of {@code do:} with the number of arguments after the queue (-1: any number of open flags). */
    static final List<String> VERBS = List.of("open", "send", "receive", "nonblock", "notify", "close", "unlink",
            "peek", "drain-restore");
    static final List<String> QUEUE_CHECKS = List.of("messages", "order", "prios", "qsize", "notify", "exists",
            "gone");
    static final List<String> ACTOR_CHECKS = List.of("blocked", "idle", "done", "got", "failed", "notified");
    static final List<String> OPEN_FLAGS = List.of("rdonly", "wronly", "rdwr", "creat", "excl", "nonblock");

    private final String source;
    private int line;
    private String title;
    private String about = "";
    private MqLimits limits = MqLimits.LINUX_DEFAULTS;
    private final Set<String> actors = new LinkedHashSet<>();
    private final List<Step> steps = new ArrayList<>();
    private StepBuilder step;

    private LessonParser(String source) {
        this.source = source;
    }

    /** Parses {@code text}; {@code source} names it in error messages. */
    public static Lesson parse(String source, String text) throws LessonFormatException {
        return new LessonParser(source).run(text);
    }

    private Lesson run(String text) throws LessonFormatException {
        String[] lines = text.split("\r?\n", -1);
        for (line = 1; line <= lines.length; line++) {
            String l = lines[line - 1].strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int colon = l.indexOf(':');
            if (colon <= 0) {
                throw error("expected 'key: value' (lesson, about, limits, actor, step, say, do, expect), not '"
                        + l + "'");
            }
            String key = l.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = l.substring(colon + 1).strip();
            line(key, value);
        }
        endStep();
        line = 0;
        if (title == null) {
            throw error("the lesson has no 'lesson:' line with its title");
        }
        if (actors.isEmpty()) {
            throw error("the lesson declares no actor ('actor: producer A')");
        }
        if (steps.isEmpty()) {
            throw error("the lesson has no step ('step: ...')");
        }
        return new Lesson(source, title, about, limits, List.copyOf(actors), steps);
    }

    private void line(String key, String value) throws LessonFormatException {
        switch (key) {
            case "lesson" -> {
                requireHeader(key);
                if (title != null) {
                    throw error("a second 'lesson:' line; a file holds one lesson");
                }
                title = nonEmpty(key, value);
            }
            case "about" -> {
                requireHeader(key);
                about = nonEmpty(key, value);
            }
            case "limits" -> {
                requireHeader(key);
                limits = limits(value);
            }
            case "actor" -> {
                requireHeader(key);
                String name = nonEmpty(key, value);
                if (name.contains("|")) {
                    throw error("an actor's name cannot contain '|': " + name);
                }
                if (!actors.add(name)) {
                    throw error("actor '" + name + "' is declared twice");
                }
            }
            case "step" -> {
                endStep();
                step = new StepBuilder(line, nonEmpty(key, value));
            }
            case "say" -> inStep(key).say.append(step.say.isEmpty() ? "" : " ").append(nonEmpty(key, value));
            case "do" -> inStep(key).actions.add(action(value));
            case "expect" -> inStep(key).expects.add(expect(value));
            default -> throw error("unknown key '" + key + "' (expected lesson, about, limits, actor, step, say, do "
                    + "or expect)");
        }
    }

    private void requireHeader(String key) throws LessonFormatException {
        if (step != null) {
            throw error("'" + key + ":' belongs before the first step");
        }
    }

    private StepBuilder inStep(String key) throws LessonFormatException {
        if (step == null) {
            throw error("'" + key + ":' outside a step: start one with 'step: TITLE'");
        }
        return step;
    }

    private void endStep() throws LessonFormatException {
        if (step == null) {
            return;
        }
        if (step.say.isEmpty()) {
            throw new LessonFormatException(source, step.line, "step '" + step.title + "' has no 'say:' line");
        }
        steps.add(new Step(step.line, step.title, step.say.toString(), step.actions, step.expects));
        step = null;
    }

    private MqLimits limits(String value) throws LessonFormatException {
        MqLimits l = MqLimits.LINUX_DEFAULTS;
        for (String kv : value.split("\\s+")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw error("limits take name=value pairs, not '" + kv + "'");
            }
            String name = kv.substring(0, eq);
            long v = number("limit " + name, kv.substring(eq + 1));
            try {
                l = switch (name) {
                    case "msg_max" -> l.withMsgMax(v);
                    case "msgsize_max" -> l.withMsgsizeMax(v);
                    case "queues_max" -> l.withQueuesMax(v);
                    case "rlimit" -> l.withRlimitMsgqueue(v);
                    case "msg_default" -> new MqLimits(l.msgMax(), l.msgsizeMax(), v, l.msgsizeDefault(),
                            l.queuesMax(), l.rlimitMsgqueue());
                    case "msgsize_default" -> new MqLimits(l.msgMax(), l.msgsizeMax(), l.msgDefault(), v,
                            l.queuesMax(), l.rlimitMsgqueue());
                    default -> throw error("unknown limit '" + name + "' (msg_max, msgsize_max, msg_default, "
                            + "msgsize_default, queues_max, rlimit)");
                };
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }
        return l;
    }

    private Action action(String value) throws LessonFormatException {
        int bar = value.indexOf('|');
        if (bar <= 0) {
            throw error("'do:' needs 'ACTOR | VERB /queue ...', e.g. 'do: producer A | send /q 1 \"hi\"'");
        }
        String actor = actor(value.substring(0, bar).strip());
        String rest = value.substring(bar + 1).strip();
        Outcome outcome = Outcome.SUCCESS;
        int arrow = arrowOutsideQuotes(rest);
        if (arrow >= 0) {
            outcome = outcome(rest.substring(arrow + 2).strip());
            rest = rest.substring(0, arrow).strip();
        }
        List<String> t = Tokens.split(rest, this::error);
        if (t.isEmpty()) {
            throw error("'do:' has no verb after '|'");
        }
        String verb = t.get(0);
        List<String> args = t.subList(1, t.size());
        if (!VERBS.contains(verb)) {
            throw error("unknown verb '" + verb + "' (expected one of " + String.join(", ", VERBS) + ")");
        }
        if (args.isEmpty() || !args.get(0).startsWith("/")) {
            throw error("'" + verb + "' needs a queue name starting with '/' first");
        }
        switch (verb) {
            case "open" -> {
                for (String f : args.subList(1, args.size())) {
                    openFlag(f);
                }
            }
            case "send" -> {
                arity(verb, args, 3, "send /queue PRIORITY \"text\"");
                number("the priority", args.get(1));
            }
            case "nonblock" -> {
                arity(verb, args, 2, "nonblock /queue on|off");
                onOff(args.get(1));
            }
            case "notify" -> {
                if (args.size() == 2) {
                    onOff(args.get(1));
                } else {
                    arity(verb, args, 1, "notify /queue [off]");
                }
            }
            default -> arity(verb, args, 1, verb + " /queue");
        }
        if (outcome.kind() == Outcome.Kind.MESSAGE && !verb.equals("receive")) {
            throw error("only 'receive' can expect a message; '" + verb + "' gives ok, blocks or an errno");
        }
        return new Action(line, value, actor, verb, args, outcome);
    }

    private Expect expect(String value) throws LessonFormatException {
        int bar = value.indexOf('|');
        if (bar > 0 && !value.substring(0, bar).contains("\"")) {
            String actor = actor(value.substring(0, bar).strip());
            List<String> t = Tokens.split(value.substring(bar + 1).strip(), this::error);
            if (t.isEmpty() || !ACTOR_CHECKS.contains(t.get(0))) {
                throw error("an actor check is one of " + String.join(", ", ACTOR_CHECKS));
            }
            List<String> args = t.subList(1, t.size());
            switch (t.get(0)) {
                case "got" -> message("got", args);
                case "failed" -> {
                    arity("failed", args, 1, "failed ERRNO");
                    errno(args.get(0));
                }
                case "notified" -> {
                    arity("notified", args, 1, "notified COUNT");
                    number("the count", args.get(0));
                }
                default -> arity(t.get(0), args, 0, t.get(0));
            }
            return new Expect(line, value, actor, t.get(0), args);
        }
        List<String> t = Tokens.split(value, this::error);
        if (t.isEmpty()) {
            throw error("'expect:' is empty");
        }
        String subject = t.get(0);
        if (subject.equals("queues") || subject.equals("charged")) {
            arity(subject, t.subList(1, t.size()), 1, subject + " NUMBER");
            number(subject, t.get(1));
            return new Expect(line, value, subject, subject, t.subList(1, t.size()));
        }
        if (!subject.startsWith("/")) {
            throw error("'expect:' starts with a queue (/name), 'queues', 'charged', or 'ACTOR |'");
        }
        if (t.size() < 2 || !QUEUE_CHECKS.contains(t.get(1))) {
            throw error("a queue check is one of " + String.join(", ", QUEUE_CHECKS));
        }
        String what = t.get(1);
        List<String> args = t.subList(2, t.size());
        switch (what) {
            case "messages", "qsize" -> {
                arity(what, args, 1, what + " NUMBER");
                number(what, args.get(0));
            }
            case "prios" -> {
                for (String p : args) {
                    number("a priority", p);
                }
            }
            case "notify" -> {
                arity(what, args, 1, "notify ACTOR|none (quote a name with spaces)");
                if (!args.get(0).equals("none")) {
                    actor(args.get(0));
                }
            }
            case "exists", "gone" -> arity(what, args, 0, what);
            default -> { } // order: any number of texts, none for an empty queue
        }
        return new Expect(line, value, subject, what, args);
    }

    private Outcome outcome(String text) throws LessonFormatException {
        if (text.equals("ok")) {
            return Outcome.SUCCESS;
        }
        if (text.equals("blocks")) {
            return Outcome.BLOCKS;
        }
        if (text.startsWith("\"")) {
            List<String> t = Tokens.split(text, this::error);
            int prio = message("=>", t);
            return new Outcome(Outcome.Kind.MESSAGE, null, t.get(0), prio);
        }
        return new Outcome(Outcome.Kind.ERRNO, errno(text).name(), null, -1);
    }

    /** "text" [prio N]; returns N or -1. */
    private int message(String what, List<String> args) throws LessonFormatException {
        if (args.size() == 1) {
            return -1;
        }
        if (args.size() == 3 && args.get(1).equals("prio")) {
            return (int) number("the priority", args.get(2));
        }
        throw error("'" + what + "' takes a message: \"text\" or \"text\" prio N");
    }

    private Errno errno(String name) throws LessonFormatException {
        try {
            Errno e = Errno.valueOf(name);
            if (e != Errno.UNKNOWN) {
                return e;
            }
        } catch (IllegalArgumentException notAnErrno) {
            // reported below
        }
        throw error("'" + name + "' is not ok, blocks, a \"message\" or an errno name such as EAGAIN");
    }

    private String actor(String name) throws LessonFormatException {
        if (!actors.contains(name)) {
            throw error("unknown actor '" + name + "' (declared: " + String.join(", ", actors) + ")");
        }
        return name;
    }

    private void openFlag(String f) throws LessonFormatException {
        int eq = f.indexOf('=');
        if (eq > 0) {
            String name = f.substring(0, eq);
            if (!List.of("maxmsg", "msgsize", "mode").contains(name)) {
                throw error("unknown open attribute '" + name + "' (maxmsg, msgsize, mode)");
            }
            number(name, f.substring(eq + 1));
        } else if (!OPEN_FLAGS.contains(f)) {
            throw error("unknown open flag '" + f + "' (" + String.join(", ", OPEN_FLAGS)
                    + ", maxmsg=N, msgsize=N, mode=0600)");
        }
    }

    private void onOff(String v) throws LessonFormatException {
        if (!v.equals("on") && !v.equals("off")) {
            throw error("expected on or off, not '" + v + "'");
        }
    }

    private void arity(String verb, List<String> args, int n, String usage) throws LessonFormatException {
        if (args.size() != n) {
            throw error("'" + verb + "' takes " + n + " argument" + (n == 1 ? "" : "s") + ": " + usage);
        }
    }

    private long number(String what, String v) throws LessonFormatException {
        try {
            return v.startsWith("0") && v.length() > 1 ? Long.parseLong(v, 8) : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw error(what + " must be a whole number, not '" + v + "'");
        }
    }

    private String nonEmpty(String key, String value) throws LessonFormatException {
        if (value.isEmpty()) {
            throw error("'" + key + ":' has no value");
        }
        return value;
    }

    private static int arrowOutsideQuotes(String s) {
        boolean quoted = false;
        for (int i = 0; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '=' && s.charAt(i + 1) == '>') {
                return i;
            }
        }
        return -1;
    }

    private LessonFormatException error(String problem) {
        return new LessonFormatException(source, line, problem);
    }

    private static final class StepBuilder {
        final int line;
        final String title;
        final StringBuilder say = new StringBuilder();
        final List<Action> actions = new ArrayList<>();
        final List<Expect> expects = new ArrayList<>();

        StepBuilder(int line, String title) {
            this.line = line;
            this.title = title;
        }
    }
}
