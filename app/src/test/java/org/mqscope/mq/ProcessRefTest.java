package org.mqscope.mq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRefTest {

    @Test
    void theCurrentProcessIsNamedAsItsCommandIs() {
        int pid = (int) ProcessHandle.current().pid();
        String command = ProcessHandle.current().info().command().orElseThrow();
        String base = Path.of(command).getFileName().toString();
        ProcessRef self = ProcessRef.of(pid);
        assertThat(self.command()).isNotBlank();
        // comm is the executable's name cut to 15 bytes
        assertThat(base).startsWith(self.command());
        assertThat(self).hasToString(self.command() + " (pid " + pid + ")");
    }

    @Test
    void aProcessWithoutAReadableNameIsJustItsPid(@TempDir Path proc) throws IOException {
        Files.createDirectories(proc.resolve("77"));
        Files.writeString(proc.resolve("77/comm"), "worker\n");
        assertThat(ProcessRef.of(proc, 77)).isEqualTo(new ProcessRef(77, "worker"));
        assertThat(ProcessRef.of(proc, 78).command()).isNull();
        assertThat(ProcessRef.of(proc, 0).command()).isNull();
        assertThat(ProcessRef.of(proc, 78)).hasToString("pid 78");
    }

    @Test
    void theStatusFileGivesIdsUmaskAndCapabilities() {
        ProcessStatus s = ProcessStatus.parse(List.of("Name:\tjava", "Umask:\t0027", "Uid:\t1000\t1000\t1000\t1000",
                "Gid:\t100\t100\t100\t100", "CapEff:\t0000000001000000"));
        assertThat(s).isEqualTo(new ProcessStatus(1000, 100, 027, 1L << ProcessStatus.CAP_SYS_RESOURCE));
        assertThat(s.capSysResource()).isTrue();
        assertThat(s.effectiveMode(0666)).isEqualTo(0640);
        assertThat(ProcessStatus.parse(List.of("Uid:\t0\t0\t0\t0", "CapEff:\t000001fffeffffff")).capSysResource())
                .as("bit 24 clear").isFalse();
        assertThat(ProcessStatus.current()).as("this process, from /proc/self/status")
                .isNotEqualTo(ProcessStatus.UNKNOWN).extracting(ProcessStatus::uid).isNotEqualTo(-1);
    }
}
