package org.mqscope.ui.attributes;

import org.mqscope.ui.core.Numbers;

import java.util.Locale;

import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.QueueInfo;

/** How the attribute editor writes modes, flags, notifications and numbers. */
final class AttrText {
    private static final int SIGEV_SIGNAL = 0;
    private static final int SIGEV_NONE = 1;
    private static final int SIGEV_THREAD = 2;
    private static final int SIGRTMIN = 34;

    private AttrText() {
    }

    /** "rw-r----- (0640)", with s/t where set-id and sticky bits are set. */
    static String mode(int mode) {
        StringBuilder sb = new StringBuilder(9);
        char[] special = {(mode & 04000) != 0 ? 's' : 0, (mode & 02000) != 0 ? 's' : 0, (mode & 01000) != 0 ? 't' : 0};
        for (int who = 0; who < 3; who++) {
            int bits = (mode >> (6 - 3 * who)) & 7;
            sb.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-');
            char x = (bits & 1) != 0 ? 'x' : '-';
            if (special[who] != 0) {
                x = x == 'x' ? special[who] : Character.toUpperCase(special[who]);
            }
            sb.append(x);
        }
        return sb + " (" + octal(mode) + ")";
    }

    static String octal(int mode) {
        return String.format(Locale.ROOT, "%04o", mode);
    }

    /** "O_NONBLOCK" or "0 (blocking)". */
    static String flags(MqAttributes a) {
        return a.nonBlocking() ? "O_NONBLOCK" : "0 (blocking)";
    }

    /** The registration as the status line has it, without the process name; "none" when there is none. */
    static String notification(QueueInfo info) {
        if (!info.statusKnown()) {
            return "unknown (status line not readable)";
        }
        if (!info.hasNotification()) {
            return "none";
        }
        return switch (info.notifyMethod()) {
            case SIGEV_SIGNAL -> "SIGEV_SIGNAL, signal " + signal(info.signo());
            case SIGEV_NONE -> "SIGEV_NONE (registered, no signal)";
            case SIGEV_THREAD -> "SIGEV_THREAD (a thread in the owner)";
            default -> "NOTIFY " + info.notifyMethod();
        };
    }

    static String signal(int signo) {
        String name = switch (signo) {
            case 0 -> "none";
            case 1 -> "SIGHUP";
            case 2 -> "SIGINT";
            case 10 -> "SIGUSR1";
            case 12 -> "SIGUSR2";
            case 14 -> "SIGALRM";
            case 15 -> "SIGTERM";
            case 17 -> "SIGCHLD";
            case 29 -> "SIGIO";
            default -> signo >= SIGRTMIN && signo <= 64 ? "SIGRTMIN+" + (signo - SIGRTMIN) : null;
        };
        return name == null ? Integer.toString(signo) : signo + " (" + name + ")";
    }

    static String bytes(long n) {
        return Numbers.grouped(n);
    }

    static String count(long n, String one, String many) {
        return bytes(n) + " " + (n == 1 ? one : many);
    }

    /** {@code s} as HTML that wraps at the dialogs' text width, so a dialog packed around it keeps its buttons. */
    static String html(String s) {
        return org.mqscope.ui.core.Fit.html(org.mqscope.ui.core.Fit.escape(s), org.mqscope.ui.core.Fit.TEXT_WIDTH);
    }
}
