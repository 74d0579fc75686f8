package org.mqscope.ui.lessons;

import java.awt.Color;
import java.util.List;

import javax.swing.UIManager;

import org.mqscope.lessons.LessonRunner.QueueState;
import org.mqscope.lessons.Reports.ActionReport;
import org.mqscope.lessons.Reports.CheckReport;
import org.mqscope.lessons.Reports.StepReport;

/** The lesson window's two HTML panes: what the step's calls gave and what was checked, and the queues now. */
final class LessonHtml {
    private LessonHtml() {
    }

    static String step(StepReport r) {
        StringBuilder b = new StringBuilder("<html><body>");
        if (!r.step().actions().isEmpty()) {
            b.append("<b>Calls</b><br>");
        }
        for (ActionReport a : r.actions()) {
            b.append(mark(a.ok())).append(" <b>").append(esc(a.action().actor())).append("</b>: ")
                    .append(esc(a.action().verb() + " " + String.join(" ", quoted(a.action().args()))))
                    .append(" &rarr; ").append(esc(a.result())).append("<br>");
        }
        if (r.problem() != null) {
            b.append("<font color='").append(hex("Mqscope.timeline.error")).append("'>")
                    .append(esc("Stopped: " + r.problem())).append("</font><br>");
        }
        if (!r.checks().isEmpty()) {
            b.append("<b>Checked</b><br>");
        }
        for (CheckReport c : r.checks()) {
            b.append(mark(c.ok())).append(' ').append(esc(c.expect().text()));
            if (!c.ok()) {
                b.append(" — found ").append(esc(c.actual()));
            }
            b.append("<br>");
        }
        return b.append("</body></html>").toString();
    }

    static String queues(List<QueueState> queues) {
        StringBuilder b = new StringBuilder("<html><body>");
        if (queues.isEmpty()) {
            b.append("<i>No queue in this lesson's namespace yet.</i>");
        }
        for (QueueState q : queues) {
            b.append("<b>").append(esc(q.name())).append("</b> · ").append(q.messages().size())
                    .append(q.messages().size() == 1 ? " message" : " messages").append(" · QSIZE ")
                    .append(q.qsize());
            if (!q.registrant().equals("none")) {
                b.append(" · notify: ").append(esc(q.registrant()));
            }
            b.append("<br>&nbsp;&nbsp;");
            b.append(q.messages().isEmpty() ? "<i>empty</i>" : esc(String.join("  ·  ", q.messages())));
            b.append("<br>");
        }
        if (!queues.isEmpty() && !queues.get(0).blocked().isEmpty()) {
            b.append("<font color='").append(hex("Mqscope.timeline.blocked")).append("'>Asleep in a call: ")
                    .append(esc(String.join(", ", queues.get(0).blocked()))).append("</font>");
        }
        return b.append("</body></html>").toString();
    }

    private static List<String> quoted(List<String> args) {
        return args.stream().map(a -> a.contains(" ") || a.isEmpty() ? "\"" + a + "\"" : a).toList();
    }

    private static String mark(boolean ok) {
        return "<font color='" + hex(ok ? "Mqscope.timeline.send" : "Mqscope.timeline.error") + "'>"
                + (ok ? "&#10003;" : "&#10007;") + "</font>";
    }

    private static String hex(String key) {
        Color c = UIManager.getColor(key);
        if (c == null) {
            c = Color.GRAY;
        }
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
