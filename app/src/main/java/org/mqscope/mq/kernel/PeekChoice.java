package org.mqscope.mq.kernel;

import java.util.Locale;

/**
 * Which kernel peek to use: {@code auto} (the exact one where its helper can run, else drain-and-restore) unless
 * the system property {@value #PROPERTY} says {@code drain-restore}, e.g. to compare the two or to test the
 * fallback.
 */
enum PeekChoice {
    AUTO,
    DRAIN_RESTORE;

    static final String PROPERTY = "mqscope.peek";

    static PeekChoice fromSystemProperty() {
        String v = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        return v.equals("drain-restore") || v.equals("drain") ? DRAIN_RESTORE : AUTO;
    }
}
