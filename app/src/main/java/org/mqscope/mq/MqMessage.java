package org.mqscope.mq;

import java.util.Arrays;
import java.util.Objects;

/**
 * One message: its payload and priority. The body array is owned by the message; callers must not change it.
 * Equality compares the bytes, not the array reference.
 */
public record MqMessage(byte[] body, int priority) {

    public MqMessage {
        Objects.requireNonNull(body, "body");
    }

    public int size() {
        return body.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MqMessage m && m.priority == priority && Arrays.equals(m.body, body);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(body) + priority;
    }

    @Override
    public String toString() {
        return "MqMessage[priority=" + priority + ", size=" + body.length + "]";
    }
}
