package org.mqscope.monitor.namespaces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.IpcNamespaces;
import org.mqscope.testing.IpcNamespaceFixture;

class NamespaceScannerTest {

    @Test
    void theHostComesFirstAndANewNamespaceIsFoundWithItsProcess() throws Exception {
        try (IpcNamespaceFixture ns = IpcNamespaceFixture.start(true, 0)) {
            List<IpcNamespaceInfo> all = new NamespaceScanner().scan();

            IpcNamespaceInfo host = all.get(0);
            assertThat(host.host()).isTrue();
            assertThat(host.name()).isEqualTo(NamespaceScanner.HOST_NAME);
            assertThat(host.inode()).isEqualTo(IpcNamespaces.self());
            assertThat(host.pids()).contains((int) ProcessHandle.current().pid());

            IpcNamespaceInfo found = all.stream().filter(i -> i.inode() == ns.inode()).findFirst().orElseThrow();
            assertThat(found.pids()).containsExactly(ns.launcherPid(), ns.pid());
            assertThat(found.host()).isFalse();
            // no container cgroup, the host's /etc/hostname: named after its first process
            assertThat(found.name()).isEqualTo("unshare (pid " + ns.launcherPid() + ")");
            assertThat(found.source()).isEqualTo(IpcNamespaceInfo.NameSource.COMMAND);
            assertThat(found.problem()).isNull(); // root: nothing hidden, setns allowed
            assertThat(found.label()).endsWith("(ipc:[" + ns.inode() + "])");
        }
    }

    @Test
    void mountinfoShowsTheTopmostMqueueMountPerPoint() {
        List<IpcNamespaces.MqueueMount> mounts = IpcNamespaces.mqueueMounts(List.of(
                "94 89 0:20 / /dev/mqueue rw,relatime - mqueue none rw",
                "95 89 0:5 / /dev/pts rw - devpts devpts rw",
                "96 94 0:42 / /dev/mqueue rw,relatime - mqueue none rw",
                "97 89 0:43 / /run/my\\040queues rw - mqueue mqueue rw"));
        assertThat(mounts).containsExactly(new IpcNamespaces.MqueueMount("0:42", "/dev/mqueue"),
                new IpcNamespaces.MqueueMount("0:43", "/run/my queues"));
    }
}
