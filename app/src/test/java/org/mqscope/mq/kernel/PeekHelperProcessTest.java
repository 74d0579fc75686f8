package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqException;
import org.mqscope.mq.kernel.PeekProtocol.Request;

/** The helper process's deadline, cancellation and failures, with stand-in programs (no root, no BPF). */
class PeekHelperProcessTest {
    @TempDir
    Path dir;

    private Path script(String body) throws Exception {
        Path p = dir.resolve("fake-mqpeek");
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    private static Request snapshot() {
        return new Request(PeekProtocol.OP_SNAPSHOT, "/q", 0, 0, 0, 0);
    }

    @Test
    void aHelperThatNeverAnswersIsStoppedAtTheDeadline() throws Exception {
        try (PeekHelper h = new PeekHelper(script("exec sleep 60"))) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> h.call(snapshot(), "/q", Duration.ofMillis(300)))
                    .isInstanceOfSatisfying(MqException.class, e -> {
                        assertThat(e.errno()).isEqualTo(Errno.ETIMEDOUT);
                        assertThat(e.detail()).contains("did not answer");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void anInterruptedCallerStopsTheHelperAndKeepsItsInterrupt() throws Exception {
        try (PeekHelper h = new PeekHelper(script("exec sleep 60"))) {
            CompletableFuture<Object> outcome = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    outcome.complete(h.call(snapshot(), "/q", Duration.ofSeconds(30)));
                } catch (MqException e) {
                    outcome.complete(e.errno() + " interrupted=" + Thread.currentThread().isInterrupted());
                }
            }, "peek-caller");
            t.start();
            // the helper is running once its process exists; then cancel the caller as an executor would
            while (t.getState() != Thread.State.RUNNABLE && !outcome.isDone()) {
                Thread.onSpinWait();
            }
            t.interrupt();
            assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo("EINTR interrupted=true");
        }
    }

    @Test
    void aHelperThatSpeaksNonsenseIsAnIoErrorWithItsLastWords() throws Exception {
        try (PeekHelper h = new PeekHelper(script("head -c 38 >/dev/null; echo 'mqpeek: something broke' >&2; echo garbage-garbage"))) {
            assertThatThrownBy(() -> h.call(snapshot(), "/q"))
                    .isInstanceOfSatisfying(MqException.class, e -> {
                        assertThat(e.errno()).isEqualTo(Errno.EIO);
                        assertThat(e.detail()).contains("bad reply magic");
                    });
        }
    }

    @Test
    void aMissingHelperIsEnoent() {
        try (PeekHelper h = new PeekHelper(dir.resolve("absent"))) {
            assertThatThrownBy(() -> h.call(snapshot(), "/q"))
                    .isInstanceOfSatisfying(MqException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
            if (Files.exists(ExactPeek.BTF)) {
                assertThat(ExactPeek.probe(h).why()).contains("ENOENT").contains("cannot start the peek helper");
            }
        }
    }

    @Test
    void aClosedHelperRefuses() throws Exception {
        PeekHelper h = new PeekHelper(script("exec cat >/dev/null"));
        h.close();
        assertThatThrownBy(() -> h.call(snapshot(), "/q"))
                .isInstanceOfSatisfying(MqException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBADF));
    }
}
