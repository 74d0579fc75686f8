package org.mqscope.ui.charts;

import org.mqscope.ui.core.Numbers;


import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/** Axis labels for byte counts: "512 B", "1.5 KiB". Formatting only. */
final class ByteFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;

    @Override
    public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
        return to.append(Numbers.bytes(Math.round(number)));
    }

    @Override
    public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
        return to.append(Numbers.bytes(number));
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
        return null;
    }
}
