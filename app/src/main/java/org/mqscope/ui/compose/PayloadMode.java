package org.mqscope.ui.compose;

/** How the composer reads its payload; the label doubles as the field name in error messages. */
public enum PayloadMode {
    TEXT("Text"),
    HEX("Hex"),
    FILE("File");

    private final String label;

    PayloadMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
