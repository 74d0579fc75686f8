package org.mqscope.mq.kernel.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqscope.mq.MqMessage;

/** The journal file on its own: the kernel's part (writing into the staging slot) is played by the test. */
class JournalTest {
    @TempDir
    Path dir;

    /** What mq_timedreceive does to the staging slot: priority first, then the bytes. */
    private static void kernelReceives(Journal j, MqMessage m) {
        ByteBuffer s = j.staging();
        s.putInt(0, m.priority());
        s.put(8, m.body());
    }

    private static MqMessage message(Random rnd, int maxSize) {
        byte[] body = new byte[rnd.nextInt(maxSize + 1)];
        rnd.nextBytes(body);
        return new MqMessage(body, rnd.nextInt(32768));
    }

    @Test
    void committedMessagesSurviveAndComeBackInOrder() throws IOException {
        Random rnd = new Random(1);
        List<MqMessage> sent = new ArrayList<>();
        Path file;
        try (Journal j = Journal.create(dir, "/orders", 0640, 10, 512, 7, 1234)) {
            file = j.file();
            for (int i = 0; i < 7; i++) {
                MqMessage m = message(rnd, 512);
                j.prepareStaging(i, 0);
                kernelReceives(j, m);
                j.commitStaged(m.size());
                sent.add(m);
            }
            assertThat(Journal.open(file)).as("held by its writer").isNull();
        }
        try (Journal again = Journal.open(file)) {
            assertThat(again.queue()).isEqualTo("/orders");
            assertThat(again.mode()).isEqualTo(0640);
            assertThat(again.maxMessages()).isEqualTo(10);
            assertThat(again.messageSize()).isEqualTo(512);
            assertThat(again.countBefore()).isEqualTo(7);
            assertThat(again.phase()).isEqualTo(Journal.Phase.DRAINING);
            assertThat(again.messages()).containsExactlyElementsOf(sent);
            assertThat(again.uncommittedStaged()).isNull();
        }
    }

    @Test
    void aSelectionMovesPlanAndItsProgressSurviveAndOnlyEverShrink() throws IOException {
        Random rnd = new Random(2);
        List<MqMessage> sent = new ArrayList<>();
        Path file;
        try (Journal j = Journal.createSelection(dir, "/src", "/dst", 0600, 10, 64, 6, 0, new long[] {1, 3, 4})) {
            file = j.file();
            for (int i = 0; i < 6; i++) {
                MqMessage m = message(rnd, 64);
                j.prepareStaging(i, 0);
                kernelReceives(j, m);
                j.commitStaged(m.size());
                sent.add(m);
            }
            j.beginSelecting();
            j.markInFlight(1, 0, 0);
            assertThat(j.inFlight()).as("the send of planned message 0 (record 1)").isNotNull();
            j.selection().markSent(1);
            assertThat(j.inFlight()).as("counted: no longer in flight").isNull();
        }
        try (Journal again = Journal.open(file)) {
            assertThat(again.queue()).isEqualTo("/src");
            assertThat(again.selectionTarget()).isEqualTo("/dst");
            assertThat(again.source()).as("not a head move").isNull();
            assertThat(again.phase()).isEqualTo(Journal.Phase.SELECTING);
            assertThat(again.messages()).containsExactlyElementsOf(sent);
            SelectionPlan plan = again.selection();
            assertThat(plan.count()).isEqualTo(3);
            assertThat(plan.position(2)).isEqualTo(4);
            assertThat(plan.sent()).isEqualTo(1);
            assertThat(plan.kept()).isEqualTo(3);
            assertThat(plan.skips(3)).isTrue();
            assertThat(plan.toSource(6)).isEqualTo(3);
            assertThatThrownBy(() -> plan.keep(0)).as("never below what the target took")
                    .isInstanceOf(IllegalStateException.class);
            plan.keep(1); // the target took no more: records 3 and 4 go back
            assertThat(plan.skips(3)).isFalse();
            assertThat(plan.skips(1)).isTrue();
            assertThat(plan.toSource(6)).isEqualTo(5);
            assertThatThrownBy(() -> plan.keep(2)).as("a plan never grows again")
                    .isInstanceOf(IllegalStateException.class);
            again.beginRestore();
            assertThat(again.phase()).isEqualTo(Journal.Phase.RESTORING);
        }
        try (Journal peek = Journal.create(dir, "/q", 0600, 10, 64, 0, 0)) {
            assertThat(peek.selection().count()).isZero();
            assertThat(peek.selection().toSource(5)).isEqualTo(5);
            assertThat(peek.selectionTarget()).isNull();
        }
    }

    @Test
    void isPrivateToItsUser() throws IOException {
        Path sub = dir.resolve("mqscope/journal");
        try (Journal j = Journal.create(sub, "/q", 0600, 1, 16, 0, 0)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(j.file()))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sub))).isEqualTo("rwx------");
            assertThat(Journal.list(sub)).containsExactly(j.file());
        }
    }

    @Test
    void aMessageReceivedButNotCommittedIsFoundWithItsLength() throws IOException {
        Path file;
        MqMessage cut = new MqMessage("hello, world".getBytes(), 17);
        try (Journal j = Journal.create(dir, "/q", 0600, 10, 64, 2, 20)) {
            file = j.file();
            j.prepareStaging(0, 20);
            kernelReceives(j, new MqMessage("12345678".getBytes(), 3));
            j.commitStaged(8);
            j.prepareStaging(1, 12);
            kernelReceives(j, cut); // ... and the process dies here
        }
        try (Journal j = Journal.open(file)) {
            assertThat(j.recordCount()).isEqualTo(1);
            Journal.StagedMessage staged = j.uncommittedStaged();
            assertThat(staged).isNotNull();
            assertThat(staged.priority()).isEqualTo(17);
            assertThat(staged.shortestLength()).isEqualTo(shortestFor(file, cut.body()));
            assertThat(staged.longestLength()).isEqualTo(64);
            assertThat(staged.qsizeBefore()).isEqualTo(12);
            j.commitRecovered(staged, cut.size());
            assertThat(j.messages()).containsExactly(new MqMessage("12345678".getBytes(), 3), cut);
            assertThat(j.uncommittedStaged()).isNull();
        }
    }

    @Test
    void anEmptyStagingSlotAfterACrashHoldsNothing() throws IOException {
        Path file;
        try (Journal j = Journal.create(dir, "/q", 0600, 10, 64, 0, 0)) {
            file = j.file();
            j.prepareStaging(0, 0); // died inside a receive that found the queue empty
        }
        try (Journal j = Journal.open(file)) {
            assertThat(j.uncommittedStaged()).isNull();
            assertThat(j.recordCount()).isZero();
        }
    }

    @Test
    void recordsCrossChunkBoundariesAndLargeMessagesFit() throws IOException {
        Random rnd = new Random(7);
        List<MqMessage> sent = new ArrayList<>();
        Path file;
        int msgsize = 300_000;
        try (Journal j = Journal.create(dir, "/big", 0600, 100, msgsize, 0, 0)) {
            file = j.file();
            for (int i = 0; i < 40; i++) {
                MqMessage m = message(rnd, msgsize);
                j.prepareStaging(i, 0);
                kernelReceives(j, m);
                j.commitStaged(m.size());
                sent.add(m);
            }
        }
        try (Journal j = Journal.open(file)) {
            assertThat(j.messages()).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void restoreProgressAndTheSendInFlightAreKept() throws IOException {
        Path file;
        try (Journal j = Journal.create(dir, "/q", 0600, 10, 16, 3, 0)) {
            file = j.file();
            for (int i = 0; i < 3; i++) {
                j.prepareStaging(i, 0);
                kernelReceives(j, new MqMessage(new byte[] {(byte) i}, 0));
                j.commitStaged(1);
            }
            j.beginRestore();
            j.markInFlight(0, 0, 0);
            j.markRestored(1);
            j.markInFlight(1, 1, 1); // dies during this send
        }
        try (Journal j = Journal.open(file)) {
            assertThat(j.phase()).isEqualTo(Journal.Phase.RESTORING);
            assertThat(j.restored()).isEqualTo(1);
            assertThat(j.inFlight()).isEqualTo(new Journal.InFlight(1, 1, 1));
            j.markRestored(2);
            assertThat(j.inFlight()).as("a stale mark is not in flight").isNull();
            j.delete();
        }
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void aFileThatIsNotAJournalIsRefused() throws IOException {
        Path junk = Files.writeString(dir.resolve("x.mqj"), "not a journal");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Journal.open(junk)).isInstanceOf(IOException.class)
                .hasMessageContaining("not an mqscope journal");
    }

    /**
     * The length the slot shows for {@code body}: its own, less any last bytes that happen to equal this journal's
     * filler at their place (1 chance in 256 for the last byte with a random salt; recovery resolves it by QSIZE).
     */
    private static int shortestFor(Path file, byte[] body) throws IOException {
        java.nio.ByteBuffer salt = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        try (var ch = java.nio.channels.FileChannel.open(file)) {
            ch.read(salt, JournalLayout.H_SALT);
        }
        int n = body.length;
        while (n > 0 && body[n - 1] == JournalLayout.filler(salt.getLong(0), 0, n - 1)) {
            n--;
        }
        return n;
    }
}
