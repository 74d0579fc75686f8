package org.mqscope.monitor.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserNamesTest {

    @Test
    void userAndGroupFilesGiveNamesBesideTheIds() {
        UserNames names = new UserNames(List.of("root:x:0:0:root:/root:/bin/bash", "# comment"),
                List.of("users:x:100:"));
        assertThat(names.user(0)).isEqualTo("0 (root)");
        assertThat(names.user(5)).isEqualTo("5");
        assertThat(names.group(100)).isEqualTo("100 (users)");
    }
}
