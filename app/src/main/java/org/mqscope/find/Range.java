package org.mqscope.find;

/** An inclusive range of whole numbers, as {@code prio:} and {@code size:} terms give them. */
public record Range(long min, long max) {
    public boolean contains(long v) {
        return v >= min && v <= max;
    }
}
