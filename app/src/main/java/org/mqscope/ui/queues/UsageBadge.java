package org.mqscope.ui.queues;

import java.awt.Font;
import java.time.Instant;

import org.mqscope.monitor.processes.QueueUsage;
import org.mqscope.monitor.processes.UsageSnapshot;

/** The holder and waiter counts after a queue's depth badge ("  2 ⇄ 1 ⏳"), and their words in the tooltip. */
final class UsageBadge {
    private UsageBadge() {
    }

    /** "" when nothing is known or nobody uses the queue. Symbols the font cannot draw become letters. */
    static String text(UsageSnapshot usage, String queue, Font font) {
        if (usage == null || usage.problem() != null || !usage.queues().containsKey(queue)) {
            return "";
        }
        QueueUsage u = usage.of(queue);
        int holders = u.holderProcesses();
        int waiters = u.waiters();
        if (holders == 0 && waiters == 0) {
            return "";
        }
        String open = font != null && font.canDisplay('⇄') ? " ⇄" : " open";
        String wait = font != null && font.canDisplay('⏳') ? " ⏳" : " waiting";
        return "   " + holders + open + (waiters > 0 ? " " + waiters + wait : "");
    }

    /** The tooltip's HTML with lines about holders, waiters and last activity before its end. */
    static String withUsage(String tooltipHtml, UsageSnapshot usage, String queue) {
        if (usage == null || usage.problem() != null || !usage.queues().containsKey(queue)
                || !tooltipHtml.endsWith("</html>")) {
            return tooltipHtml;
        }
        QueueUsage u = usage.of(queue);
        int holders = u.holderProcesses();
        StringBuilder sb = new StringBuilder(tooltipHtml.substring(0, tooltipHtml.length() - "</html>".length()));
        sb.append("<br>").append(holders).append(holders == 1 ? " process holds it open" : " processes hold it open");
        int senders = u.of(org.mqscope.monitor.processes.Role.BLOCKED_SEND).size();
        int receivers = u.of(org.mqscope.monitor.processes.Role.BLOCKED_RECEIVE).size();
        if (senders + receivers > 0) {
            sb.append(", ").append(senders).append(" blocked in send, ").append(receivers)
                    .append(" blocked in receive");
        }
        if (!u.visibility().complete()) {
            sb.append(" (only your own processes are visible)");
        }
        sb.append("<br>").append(u.activityText(Instant.now()).replace("last", "Last"));
        return sb.append("</html>").toString();
    }
}
