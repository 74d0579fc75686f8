package org.mqscope.ui.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppInfoTest {

    @Test
    void theVersionLineIsTheNameAndTheFilteredPomVersion() {
        assertThat(AppInfo.version()).matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?");
        assertThat(AppInfo.versionLine()).isEqualTo("mqscope " + AppInfo.version());
    }
}
