package org.mqscope.ui.charts;

import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.axis.TickUnits;
import org.mqscope.ui.core.Numbers;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * Axis labels for byte counts: "512 B", "2 KiB", "1.5 KiB". Round binary values lose their ".0", and the axis
 * steps in powers of two ({@link #tickUnits}), so QSIZE ticks read 1 KiB, 2 KiB, 4 KiB rather than 2.0, 3.9, 5.9.
 */
final class ByteFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private static final long KIB = 1024;
    private static final long MIB = KIB * KIB;
    /** Up to 2^40 bytes: far above any queue (HARD_MSGMAX × HARD_MSGSIZEMAX is 2^40). */
    private static final int LARGEST_POWER = 40;

    /** Tick steps of 1, 2, 4 … bytes up to 1 TiB, each labelled with this format. */
    static TickUnitSource tickUnits() {
        TickUnits units = new TickUnits();
        ByteFormat format = new ByteFormat();
        for (int k = 0; k <= LARGEST_POWER; k++) {
            units.add(new NumberTickUnit(Math.pow(2, k), format));
        }
        return units;
    }

    static String label(long n) {
        if (n >= MIB && n % MIB == 0) {
            return n / MIB + " MiB";
        }
        if (n >= KIB && n < MIB && n % KIB == 0) {
            return n / KIB + " KiB";
        }
        return Numbers.bytes(n);
    }

    @Override
    public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
        return to.append(label(Math.round(number)));
    }

    @Override
    public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
        return to.append(label(number));
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
        return null;
    }
}
