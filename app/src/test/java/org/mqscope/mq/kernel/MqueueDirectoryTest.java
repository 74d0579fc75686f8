package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.Notification;
import org.mqscope.mq.QueueInfo;
import org.mqscope.mq.StatusLine;

/** list() and statusLine() against the real /dev/mqueue, and against a directory that is no mqueue mount. */
class MqueueDirectoryTest extends KernelTestBase {
    @TempDir
    Path plainDirectory;

    private static int processUid() throws Exception {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    private static int processGid() throws Exception {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:gid");
    }

    @Test
    void listShowsOurQueuesSortedWithStatusModeAndOwner() throws Exception {
        String b = newName("/mqscope-test-b-");
        String a = newName("/mqscope-test-a-");
        try (MqQueue qb = backend.open(b, Mq.O_CREAT | Mq.O_RDWR, 0640, MqAttributes.of(4, 64));
             MqQueue qa = backend.open(a, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(4, 64))) {
            qb.send(new byte[10], 0);
            qb.send(new byte[5], 0);
            qa.notify(Notification.none());

            List<QueueInfo> all = backend.list();
            assertThat(all).extracting(QueueInfo::name).isSorted();
            List<QueueInfo> ours = all.stream().filter(i -> i.name().equals(a) || i.name().equals(b)).toList();
            int uid = processUid();
            int gid = processGid();
            assertThat(ours).containsExactly(
                    new QueueInfo(a, 0, Notification.SIGEV_NONE, 0, (int) pid(), 0600 & ~umask(), uid, gid),
                    new QueueInfo(b, 15, 0, 0, 0, 0640 & ~umask(), uid, gid));
        }
    }

    @Test
    void statusLineIsTheFileTextAndMatchesReadOnTheDescriptor() throws Exception {
        try (KernelQueue q = createQueue()) {
            q.send(new byte[7], 1);
            String line = backend.statusLine(q.name());
            assertThat(line).isEqualTo(new StatusLine(7, 0, 0, 0).text());
            assertThat(q.readStatus()).isEqualTo(line);
            assertThat(q.readStatus()).as("read again: pread ignores the file position").isEqualTo(line);
        }
    }

    @Test
    void statusLineNamesAreCheckedBeforeAnyPathIsBuilt() {
        assertThatThrownBy(() -> backend.statusLine("/../../proc/self/status"))
                .isInstanceOfSatisfying(MqException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EACCES));
        String missing = newName();
        assertThatThrownBy(() -> backend.statusLine(missing)).isInstanceOfSatisfying(MqException.class, e -> {
            assertThat(e.errno()).isEqualTo(Errno.ENOENT);
            assertThat(e.operation()).isEqualTo("mq_open");
            assertThat(e.queue()).isEqualTo(missing);
        });
    }

    @Test
    void notMountedListTellsHowToMountButQueuesStillWork() throws Exception {
        KernelBackend unmounted = new KernelBackend(plainDirectory, KernelBackend.PROC_SYSCTL);
        try (KernelQueue q = createQueue()) {
            assertThatThrownBy(unmounted::list).isInstanceOfSatisfying(MqException.class, e -> {
                assertThat(e.errno()).isEqualTo(Errno.ENODEV);
                assertThat(e.detail()).contains("sudo mkdir -p " + plainDirectory
                        + " && sudo mount -t mqueue none " + plainDirectory);
            });
            q.send(new byte[3], 0);
            // Falls back to read(2) on a descriptor of its own.
            assertThat(unmounted.statusLine(q.name())).isEqualTo(new StatusLine(3, 0, 0, 0).text());
            assertThat(unmounted.openQueues()).as("the fallback closed its descriptor").isEmpty();
            String missing = newName();
            assertThatThrownBy(() -> unmounted.statusLine(missing)).isInstanceOfSatisfying(MqException.class,
                    e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
        } finally {
            unmounted.close();
        }
    }

    @Test
    void missingDirectoryIsReportedWithTheMountCommand() throws Exception {
        Path absent = plainDirectory.resolve("mqueue");
        try (KernelBackend unmounted = new KernelBackend(absent, KernelBackend.PROC_SYSCTL)) {
            assertThatThrownBy(unmounted::list).isInstanceOfSatisfying(MqException.class, e -> {
                assertThat(e.errno()).isEqualTo(Errno.ENOENT);
                assertThat(e.detail()).contains("sudo mkdir -p " + absent + " && sudo mount -t mqueue none " + absent);
            });
        }
    }

    @Test
    void theDefaultMountCommandIsTheStandardOne() {
        assertThat(new MqueueDirectory(KernelBackend.DEV_MQUEUE).mountCommand())
                .isEqualTo("sudo mkdir -p /dev/mqueue && sudo mount -t mqueue none /dev/mqueue");
    }
}
