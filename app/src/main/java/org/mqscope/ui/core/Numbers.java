package org.mqscope.ui.core;

import java.util.Locale;

/**
 * Every number the window shows to people: counts grouped by thousands ("12,345") and byte counts ("512 B",
 * "1.5 KiB", "16.0 MiB"). One locale policy: {@link Locale#ROOT} always, whatever the desktop's locale, so a
 * figure reads the same in a label, an error and a copied report, and matches what the input fields parse.
 */
public final class Numbers {
    public static final Locale LOCALE = Locale.ROOT;
    private static final long KIB = 1024;
    private static final long MIB = KIB * KIB;

    private Numbers() {
    }

    /** "12,345". */
    public static String grouped(long n) {
        return String.format(LOCALE, "%,d", n);
    }

    /** "12,346" for 12345.6: a rate or an average shown as a whole number. */
    public static String grouped(double n) {
        return String.format(LOCALE, "%,.0f", n);
    }

    /** A byte count for people: "512 B" below 1 KiB, then "64.0 KiB", then "16.0 MiB". */
    public static String bytes(long n) {
        if (Math.abs(n) < KIB) {
            return n + " B";
        }
        if (Math.abs(n) < MIB) {
            return String.format(LOCALE, "%.1f KiB", n / (double) KIB);
        }
        return String.format(LOCALE, "%.1f MiB", n / (double) MIB);
    }

    /** {@code n} with {@code digits} decimals: "1.5". */
    public static String decimal(double n, int digits) {
        return String.format(LOCALE, "%." + digits + "f", n);
    }
}
