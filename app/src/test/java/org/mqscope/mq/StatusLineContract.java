package org.mqscope.mq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The /dev/mqueue status line, byte for byte (§12), and what list() reports from it: QSIZE is the sum of the stored
 * payloads, the widths are minimums.
 */
abstract class StatusLineContract extends MqContract {

    @Test
    void anIdleQueueShowsTheSixtyByteZeroLine() throws MqException {
        try (MqQueue q = create()) {
            String idle = "QSIZE:0          NOTIFY:0     SIGNO:0     NOTIFY_PID:0     \n";
            assertThat(idle).hasSize(60);
            assertThat(mq.statusLine(q.name())).isEqualTo(idle);
            assertThat(q.readStatus()).isEqualTo(idle);
        }
    }

    @Test
    void qsizeIsTheSumOfTheStoredPayloads() throws MqException {
        try (MqQueue q = create(MqAttributes.of(8, 64))) {
            for (String body : List.of("ab", "cd", "ef", "gh", "ij", "klmnop")) {
                q.send(bytes(body), 0);
            }
            assertThat(mq.statusLine(q.name())).isEqualTo("QSIZE:16         NOTIFY:0     SIGNO:0     NOTIFY_PID:0     \n");
            take(q);
            assertThat(q.readStatus()).isEqualTo("QSIZE:14         NOTIFY:0     SIGNO:0     NOTIFY_PID:0     \n");
        }
    }

    @Test
    void zeroLengthMessagesCountAsMessagesButAddNothingToQsize() throws MqException {
        try (MqQueue q = create()) {
            q.send(new byte[0], 0);
            assertThat(curmsgs(q)).isEqualTo(1);
            assertThat(mq.statusLine(q.name())).isEqualTo(statusText(0, 0, 0, 0));
            q.send(bytes("xy"), 0);
            assertThat(mq.statusLine(q.name())).isEqualTo(statusText(2, 0, 0, 0));
            assertThat(q.receive().size()).isZero();
            assertThat(mq.statusLine(q.name())).isEqualTo(statusText(2, 0, 0, 0));
        }
    }

    @Test
    void widerNumbersKeepTheirPlaceAfterTheMinimumWidths() throws MqException {
        try (MqQueue q = create(MqAttributes.of(8, 8192))) {
            for (int i = 0; i < 8; i++) {
                q.send(new byte[8192], 0);
            }
            q.notify(Notification.none());
            String expected = "QSIZE:65536      NOTIFY:1     SIGNO:0     NOTIFY_PID:" + ownPid();
            assertThat(q.readStatus()).startsWith(expected).endsWith("\n")
                    .hasSize(Math.max(60, expected.length() + 1));
        }
    }

    @Test
    void readingNeedsReadAccessAndAnOpenDescriptor() throws MqException {
        try (MqQueue writer = create(Mq.O_WRONLY)) {
            MqQueue reader = reopen(writer, Mq.O_RDONLY);
            writer.send(bytes("abc"), 0);
            assertThat(errnoOf(writer::readStatus)).isEqualTo(Errno.EBADF);
            assertThat(reader.readStatus()).isEqualTo(statusText(3, 0, 0, 0));
            reader.close();
            assertThat(errnoOf(reader::readStatus)).isEqualTo(Errno.EBADF);
        }
    }

    @Test
    void aMissingQueueHasNoStatusLine() {
        assertThat(errnoOf(() -> mq.statusLine(newName()))).isEqualTo(Errno.ENOENT);
    }

    @Test
    void theStatusLineParsesBackToItsFields() throws MqException {
        try (MqQueue q = create()) {
            q.send(bytes("12345"), 0);
            q.notify(Notification.none());
            assertThat(StatusLine.parse(q.readStatus()))
                    .isEqualTo(new StatusLine(5, Notification.SIGEV_NONE, 0, ownPid()));
        }
    }

    @Test
    void listReportsEachQueueSortedByNameWithItsStatusAndOwner() throws MqException {
        String base = newName();
        try (MqQueue b = mq.open(track(base + "-b"), RDWR_CREATE, 0640, SMALL);
             MqQueue a = mq.open(track(base + "-a"), RDWR_CREATE, 0600, SMALL)) {
            a.send(bytes("four"), 0);
            b.notify(Notification.none());
            List<QueueInfo> ours = mq.list().stream()
                    .filter(i -> i.name().equals(a.name()) || i.name().equals(b.name())).toList();
            assertThat(ours).containsExactly(
                    new QueueInfo(a.name(), 4, 0, 0, 0, 0600 & ~umask(), uid(), gid()),
                    new QueueInfo(b.name(), 0, Notification.SIGEV_NONE, 0, ownPid(), 0640 & ~umask(), uid(), gid()));
            assertThat(ours.get(1).hasNotification()).isTrue();
            List<String> all = mq.list().stream().map(QueueInfo::name).toList();
            assertThat(all).isSorted();
        }
    }
}
