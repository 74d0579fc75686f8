package org.mqscope.ui.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import javax.swing.UIManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The keyboard focus is visible in both themes: at least 3:1 against the background (WCAG non-text contrast). */
class FocusContrastTest {
    private static final double MINIMUM = 3.0;
    private static final String[] KEYS = {"Component.focusColor", "Component.focusedBorderColor",
        "Button.focusedBorderColor", "Table.cellFocusColor"};

    @AfterEach
    void light() {
        Edt.run(Theme.LIGHT::install);
    }

    @Test
    void focusColoursStandOutInTheDarkTheme() {
        check(Theme.DARK);
    }

    @Test
    void focusColoursStandOutInTheLightTheme() {
        check(Theme.LIGHT);
    }

    private static void check(Theme theme) {
        Edt.run(() -> {
            theme.install();
            Color background = UIManager.getColor("Panel.background");
            for (String key : KEYS) {
                Color c = UIManager.getColor(key);
                assertThat(c).as(key).isNotNull();
                assertThat(contrast(c, background)).as(theme.id() + " " + key + " against the background")
                        .isGreaterThanOrEqualTo(MINIMUM);
            }
        });
    }

    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(int v) {
        double s = v / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
