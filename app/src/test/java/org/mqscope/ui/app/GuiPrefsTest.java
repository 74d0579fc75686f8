package org.mqscope.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which preferences a start reads and writes: a demo or a screenshot never changes the user's. */
class GuiPrefsTest {
    @Test
    void aDemoKeepsItsSettingsApartFromTheUsers() throws Exception {
        String user = Gui.prefsFor(LaunchOptions.parse()).node().absolutePath();
        assertThat(Gui.prefsFor(LaunchOptions.parse("--demo")).node().absolutePath()).isEqualTo("/org/mqscope/demo")
                .isNotEqualTo(user);
        assertThat(Gui.prefsFor(LaunchOptions.parse("--demo", "--screenshot", "x.png")).node().absolutePath())
                .isNotEqualTo(user).isNotEqualTo("/org/mqscope/demo");
        assertThat(user).isEqualTo("/org/mqscope/ui");
    }
}
