package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the recorder tests share: the helper must be there (a missing need otherwise), a thread for the recording
 * (a recording runs on its caller's thread until interrupted), and the C traffic processes, built on first use.
 */
abstract class RecorderTestBase extends KernelTestBase {
    @TempDir
    protected Path dir;
    protected ExecutorService recording;
    private TrafficProcesses traffic;

    @BeforeEach
    void prepareRecording() {
        ExactPeekAssumptions.helper();
        recording = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void endRecording() throws InterruptedException {
        if (traffic != null) {
            traffic.close();
        }
        recording.shutdownNow();
        assertThat(recording.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    /** The traffic processes (mqtraffic.c, built on first use; outputs in {@link #dir}). */
    protected TrafficProcesses traffic() throws Exception {
        if (traffic == null) {
            traffic = new TrafficProcesses(dir);
        }
        return traffic;
    }
}
