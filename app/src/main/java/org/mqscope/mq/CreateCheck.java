package org.mqscope.mq;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;


/**
 * What mq_open(O_CREAT) would answer for a {@link CreateRequest}, without calling it: the name rules
 * ({@link QueueNames}), EEXIST for an existing name with O_EXCL, then {@link CreateRules} (ENOSPC, EINVAL, EMFILE)
 * — the kernel's order, so the first problem named is the one the real call would report.
 */
public final class CreateCheck {

    /** The dialog field a finding belongs to. */
    public enum Field {
        NAME("Name"), MAX_MESSAGES("Max messages"), MESSAGE_SIZE("Message size"),
        /** Both sizes together (RLIMIT_MSGQUEUE) or the namespace as a whole (queues_max). */
        QUEUE("Queue");

        private final String label;

        Field(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * The answer. With an errno: the field, the errno and why. Without: the call would succeed; {@code text} then
     * says what it would do when that is not plain creation (an existing queue opened as it is), else is null.
     */
    public record Result(Field field, Errno errno, String text) {
        static final Result OK = new Result(null, null, null);

        public boolean ok() {
            return errno == null;
        }

        /** "Max messages: EINVAL — 20 is above msg_max 10"; for a success its note or "". */
        public String message() {
            if (ok()) {
                return text == null ? "" : text;
            }
            return field.label() + ": " + errno.name() + " — " + text;
        }
    }

    private final MqLimits limits;
    private final Set<String> existing;
    private final long queueCount;
    private final long chargedBytes;
    private final boolean capSysResource;

    /**
     * @param existingNames  the queues that exist (any spelling mq_open accepts)
     * @param queueCount     queues counted against queues_max (at least the listed ones)
     * @param chargedBytes   RLIMIT_MSGQUEUE bytes this user's queues are charged now (the monitor's RlimitUsage measures it)
     * @param capSysResource whether this process has CAP_SYS_RESOURCE (from /proc/self/status)
     */
    public CreateCheck(MqLimits limits, Collection<String> existingNames, long queueCount, long chargedBytes,
                       boolean capSysResource) {
        this.limits = limits;
        this.existing = new HashSet<>();
        existingNames.forEach(n -> existing.add(QueueNames.canonical(n)));
        this.queueCount = queueCount;
        this.chargedBytes = chargedBytes;
        this.capSysResource = capSysResource;
    }

    /** From a listing and the bytes the user's queues are charged now. */
    public static CreateCheck of(MqLimits limits, List<QueueInfo> queues, long chargedBytes, boolean cap) {
        return new CreateCheck(limits, queues.stream().map(QueueInfo::name).toList(), queues.size(), chargedBytes,
                cap);
    }

    public MqLimits limits() {
        return limits;
    }

    public long chargedBytes() {
        return chargedBytes;
    }

    /** The first error the real call would give, or {@link Result#ok()} with an optional note. */
    public Result check(CreateRequest r) {
        Errno nameError = QueueNames.error(r.name());
        if (nameError != null) {
            return new Result(Field.NAME, nameError, nameReason(r.name(), nameError));
        }
        if (existing.contains(QueueNames.canonical(r.name()))) {
            if (r.exclusive()) {
                return new Result(Field.NAME, Errno.EEXIST, r.name() + " exists and O_EXCL is set");
            }
            return new Result(null, null, r.name() + " exists: mq_open will open it as it is and ignore the sizes "
                    + "and mode given here (set O_EXCL to be told instead)");
        }
        CreateRules.Refusal refusal = CreateRules.refusal(r.attributes(), limits, queueCount, chargedBytes,
                capSysResource);
        if (refusal != null) {
            return refused(refusal, r);
        }
        return Result.OK;
    }

    private Result refused(CreateRules.Refusal refusal, CreateRequest r) {
        Errno e = refusal.errno();
        return switch (refusal) {
            case QUEUES_MAX -> new Result(Field.QUEUE, e, queueCount + " queues exist and queues_max is "
                    + limits.queuesMax());
            case MAXMSG_NOT_POSITIVE -> new Result(Field.MAX_MESSAGES, e, "must be at least 1");
            case MSGSIZE_NOT_POSITIVE -> new Result(Field.MESSAGE_SIZE, e, "must be at least 1");
            case MAXMSG_ABOVE_LIMIT -> new Result(Field.MAX_MESSAGES, e, r.maxMessages() + " is above "
                    + limitName("msg_max", Mq.HARD_MSGMAX) + " "
                    + CreateRules.maxMessagesLimit(limits, capSysResource));
            case MSGSIZE_ABOVE_LIMIT -> new Result(Field.MESSAGE_SIZE, e, r.messageSize() + " is above "
                    + limitName("msgsize_max", Mq.HARD_MSGSIZEMAX) + " "
                    + CreateRules.messageSizeLimit(limits, capSysResource));
            case RLIMIT -> new Result(Field.QUEUE, e, "this queue would be charged "
                    + grouped(MqLimits.charge(r.maxMessages(), r.messageSize())) + " bytes; with the "
                    + grouped(chargedBytes) + " your queues hold that passes RLIMIT_MSGQUEUE "
                    + grouped(limits.rlimitMsgqueue()));
        };
    }

    private String limitName(String sysctl, long hard) {
        return capSysResource ? "the hard limit (CAP_SYS_RESOURCE lifts " + sysctl + ")" : sysctl;
    }

    private static String nameReason(String name, Errno e) {
        return switch (e) {
            case EFAULT -> "no name given";
            case EINVAL -> "must start with '/'";
            case ENOENT -> "'/' alone names no queue: add a name after the slash";
            case EACCES -> name.indexOf('/', 1) >= 0 ? "no '/' allowed after the leading one"
                    : "'.' and '..' are not queue names";
            case ENAMETOOLONG -> QueueNames.kernelName(name).length + " bytes after the slash; at most "
                    + Mq.NAME_MAX + " are allowed";
            default -> e.description();
        };
    }

    /** "819,200": Locale.ROOT, as everywhere the window shows a number. */
    private static String grouped(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
