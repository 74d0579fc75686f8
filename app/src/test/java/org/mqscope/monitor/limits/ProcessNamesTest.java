package org.mqscope.monitor.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessNamesTest {

    @Test
    void theCurrentProcessIsNamedAsItsCommandIs() {
        long pid = ProcessHandle.current().pid();
        String command = ProcessHandle.current().info().command().orElseThrow();
        String base = Path.of(command).getFileName().toString();
        String comm = ProcessNames.comm(pid);
        assertThat(comm).isNotBlank();
        // comm is the executable's name cut to 15 bytes
        assertThat(base).startsWith(comm);
        assertThat(ProcessNames.describe(pid)).isEqualTo(pid + " (" + comm + ")");
    }

    @Test
    void aProcessWithoutAReadableNameIsJustItsPid(@TempDir Path proc) throws IOException {
        Files.createDirectories(proc.resolve("77"));
        Files.writeString(proc.resolve("77/comm"), "worker\n");
        assertThat(ProcessNames.comm(proc, 77)).isEqualTo("worker");
        assertThat(ProcessNames.comm(proc, 78)).isNull();
        assertThat(ProcessNames.comm(proc, 0)).isNull();
        assertThat(ProcessNames.describe(Integer.MAX_VALUE)).isEqualTo("pid " + Integer.MAX_VALUE);
    }

    @Test
    void selfStatusAndUserNamesParseTheirFiles() {
        SelfStatus s = SelfStatus.parse(List.of("Name:\tjava", "Umask:\t0027", "Uid:\t1000\t1000\t1000\t1000",
                "Gid:\t100\t100\t100\t100", "CapEff:\t0000000001000000"));
        assertThat(s).isEqualTo(new SelfStatus(1000, 100, 027, true));
        assertThat(s.effectiveMode(0666)).isEqualTo(0640);
        assertThat(SelfStatus.parse(List.of("Uid:\t0\t0\t0\t0", "CapEff:\t000001fffeffffff")).capSysResource())
                .isFalse();
        UserNames names = new UserNames(List.of("root:x:0:0:root:/root:/bin/bash", "# comment"),
                List.of("users:x:100:"));
        assertThat(names.user(0)).isEqualTo("0 (root)");
        assertThat(names.user(5)).isEqualTo("5");
        assertThat(names.group(100)).isEqualTo("100 (users)");
    }
}
