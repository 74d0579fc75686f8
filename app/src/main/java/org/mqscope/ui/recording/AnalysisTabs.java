package org.mqscope.ui.recording;

/**
 * The tabs that draw the analysis (who talks to whom, charts, latency), each built when first shown and then told
 * every snapshot. EDT only.
 */
final class AnalysisTabs {
    private TalkTab talk;
    private ChartsTab charts;
    private LatencyTab latency;
    private Analysis.Snapshot last;

    TalkTab talk() {
        if (talk == null) {
            talk = new TalkTab();
            showLast();
        }
        return talk;
    }

    ChartsTab charts() {
        if (charts == null) {
            charts = new ChartsTab();
            showLast();
        }
        return charts;
    }

    LatencyTab latency() {
        if (latency == null) {
            latency = new LatencyTab();
            showLast();
        }
        return latency;
    }

    void show(Analysis.Snapshot s) {
        last = s;
        if (talk != null) {
            talk.show(s);
        }
        if (charts != null) {
            charts.show(s);
        }
        if (latency != null) {
            latency.show(s);
        }
    }

    private void showLast() {
        if (last != null) {
            show(last);
        }
    }

    /** The tabs built so far (null where not), for tests. */
    TalkTab builtTalk() {
        return talk;
    }

    LatencyTab builtLatency() {
        return latency;
    }
}
