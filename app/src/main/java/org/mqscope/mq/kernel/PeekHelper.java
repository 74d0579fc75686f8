package org.mqscope.mq.kernel;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqException;
import org.mqscope.mq.kernel.PeekProtocol.Reply;
import org.mqscope.mq.kernel.PeekProtocol.Request;

/**
 * One running mqpeek helper, kept between requests (it keeps its loaded BPF program, so a peek after the first
 * costs only the read). Calls are serialised. Each has a deadline and ends early when the calling thread is
 * interrupted: a watchdog kills the helper, the blocked read fails, and the next call starts a new helper.
 * The helper's stderr goes to a temporary file, whose last line explains a failure.
 */
final class PeekHelper implements AutoCloseable {
    /** Long enough for a first request (load and verify) plus a 16 MiB read on a busy machine. */
    static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final int PIPE_BUFFER = 1 << 16;

    private final Path executable;
    private Process process;
    private DataOutputStream out;
    private DataInputStream in;
    private Path stderr;
    private boolean closed;

    PeekHelper(Path executable) {
        this.executable = executable;
    }

    Path executable() {
        return executable;
    }

    /** Sends one request and reads its reply, within {@link #DEADLINE}. */
    synchronized Reply call(Request request, String queue) throws MqException {
        return call(request, queue, DEADLINE);
    }

    synchronized Reply call(Request request, String queue, Duration deadline) throws MqException {
        if (closed) {
            throw new MqException(Errno.EBADF, "peek", queue, "the kernel backend has been closed");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new MqException(Errno.EINTR, "peek", queue, "cancelled before the helper was asked");
        }
        Process p = ensureStarted(queue);
        HelperWatchdog watchdog = HelperWatchdog.watch(p, System.nanoTime() + deadline.toNanos(),
                p::destroyForcibly);
        try {
            return exchange(request, queue, deadline, watchdog);
        } finally {
            watchdog.close();
        }
    }

    private Reply exchange(Request request, String queue, Duration deadline, HelperWatchdog watchdog)
            throws MqException {
        try {
            PeekProtocol.write(out, request);
            return PeekProtocol.read(in, request.op());
        } catch (IOException e) {
            stop();
            if (watchdog.fired() == HelperWatchdog.Fired.INTERRUPTED) {
                Thread.currentThread().interrupt();
                throw new MqException(Errno.EINTR, "peek", queue, "cancelled; the helper was stopped");
            }
            if (watchdog.fired() == HelperWatchdog.Fired.TIMED_OUT) {
                throw new MqException(Errno.ETIMEDOUT, "peek", queue, "the peek helper did not answer within "
                        + deadline.toSeconds() + " s and was stopped");
            }
            throw new MqException(Errno.EIO, "peek", queue, "the peek helper " + executable + " failed: "
                    + e.getMessage() + lastError());
        }
    }

    private Process ensureStarted(String queue) throws MqException {
        if (process != null && process.isAlive()) {
            return process;
        }
        stop();
        try {
            stderr = Files.createTempFile("mqpeek-", ".err");
            process = new ProcessBuilder(List.of(executable.toString()))
                    .redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            throw new MqException(Errno.ENOENT, "peek", queue, "cannot start the peek helper " + executable + ": "
                    + e.getMessage());
        }
        out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), PIPE_BUFFER));
        in = new DataInputStream(new BufferedInputStream(process.getInputStream(), PIPE_BUFFER));
        return process;
    }

    /** The helper's last words on stderr, for an error message. */
    private String lastError() {
        return lastLine(stderr);
    }

    /** The last line of a helper's stderr file as " (line)", or "" when there is none. */
    static String lastLine(Path stderr) {
        if (stderr == null) {
            return "";
        }
        try {
            String text = Files.readString(stderr).strip();
            int cut = text.lastIndexOf('\n');
            return text.isEmpty() ? "" : " (" + (cut >= 0 ? text.substring(cut + 1) : text) + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        if (stderr != null) {
            try {
                Files.deleteIfExists(stderr);
            } catch (IOException e) {
                // a temporary file; the system cleans /tmp
            }
            stderr = null;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (process != null && process.isAlive()) {
            try {
                out.close(); // end of input: the helper unloads its program and exits
                if (process.waitFor(1, TimeUnit.SECONDS)) {
                    process = null;
                }
            } catch (IOException e) {
                // it is stopped below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stop();
    }
}
