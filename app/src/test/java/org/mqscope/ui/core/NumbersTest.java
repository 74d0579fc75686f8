package org.mqscope.ui.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NumbersTest {
    private final Locale before = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(before);
    }

    @Test
    void sizesForPeople() {
        assertThat(Numbers.bytes(0)).isEqualTo("0 B");
        assertThat(Numbers.bytes(1023)).isEqualTo("1023 B");
        assertThat(Numbers.bytes(1024)).isEqualTo("1.0 KiB");
        assertThat(Numbers.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(Numbers.bytes(16L * 1024 * 1024)).isEqualTo("16.0 MiB");
    }

    @Test
    void theDesktopsLocaleChangesNoFigure() {
        Locale.setDefault(Locale.GERMANY); // would write "1.234" and "1,5"
        assertThat(Numbers.grouped(1234567)).isEqualTo("1,234,567");
        assertThat(Numbers.grouped(12345.6)).isEqualTo("12,346");
        assertThat(Numbers.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(Numbers.decimal(2.25, 1)).isEqualTo("2.3");
    }
}
