package org.mqscope.ui.core;

import java.awt.Component;
import java.awt.Container;

/** Test-only: finds a named component in a tree of Swing containers, for tests that build panels without a robot. */
public final class Components {
    private Components() {
    }

    /** The first component below {@code root}, depth first, named {@code name} and of {@code type}; null if none. */
    public static <T> T find(Container root, String name, Class<T> type) {
        for (Component c : root.getComponents()) {
            if (name.equals(c.getName()) && type.isInstance(c)) {
                return type.cast(c);
            }
            if (c instanceof Container inner) {
                T found = find(inner, name, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
