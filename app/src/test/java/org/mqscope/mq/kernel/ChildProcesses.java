package org.mqscope.mq.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Child JVMs for the exact-peek tests, each running one {@link QueueActorMain} (or another main) command, with its
 * stdout lines collected for the test to wait on. Closed (killed) after each test.
 */
final class ChildProcesses implements AutoCloseable {
    private static final long LINE_TIMEOUT_SECONDS = 30;
    /** x86_64 mq_timedsend and mq_timedreceive, which mq_send and mq_receive are in glibc. */
    private static final List<String> QUEUE_SLEEPS = List.of("242", "243");

    private final List<Child> children = new ArrayList<>();

    /** A child JVM running {@code main} with {@code args}, behind {@code wrapper} (unshare..., or nothing). */
    Child start(List<String> wrapper, List<String> jvmArgs, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xmx128m", "-Xshare:auto"));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Child c = new Child(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        children.add(c);
        return c;
    }

    Child actor(String... args) throws IOException {
        return start(List.of(), List.of(), QueueActorMain.class, args);
    }

    @Override
    public void close() {
        for (Child c : children) {
            c.process.destroyForcibly();
        }
        for (Child c : children) {
            try {
                c.process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static final class Child {
        private static final String EOF = "\u0000eof";
        final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Child(Process process) {
            this.process = process;
            Thread pump = new Thread(this::pump, "child-out-" + process.pid()); // ends with the process
            pump.setDaemon(true);
            pump.start();
        }

        int pid() {
            return (int) process.pid();
        }

        /** The next line, failing the test when none comes within 30 s. */
        String nextLine() throws InterruptedException {
            String line = lines.poll(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (line == null || line.equals(EOF)) {
                lines.add(EOF);
                throw new AssertionError("child " + process.pid() + " said nothing more (exit "
                        + (process.isAlive() ? "none yet" : process.exitValue()) + ")");
            }
            return line;
        }

        /** A line now, or null when the child has printed nothing more yet. */
        String lineNow() {
            String line = lines.poll();
            return line == null || line.equals(EOF) ? null : line;
        }

        void closeInput() throws IOException {
            OutputStream in = process.getOutputStream();
            in.close();
        }

        /** Whether a thread of this process sleeps in mq_timedsend or mq_timedreceive, as /proc says. */
        boolean blockedInQueueCall() {
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", "" + pid(), "task"))) {
                for (Path task : tasks) {
                    String syscall;
                    String stat;
                    try {
                        syscall = Files.readString(task.resolve("syscall")).strip();
                        stat = Files.readString(task.resolve("stat"));
                    } catch (IOException e) {
                        continue; // the thread ended
                    }
                    char state = stat.charAt(stat.lastIndexOf(')') + 2);
                    if (state == 'S' && QUEUE_SLEEPS.contains(syscall.split(" ")[0])) {
                        return true;
                    }
                }
            } catch (IOException e) {
                return false;
            }
            return false;
        }

        /** Waits (polling /proc, no fixed sleep) until the child is blocked in a queue call. */
        void awaitBlocked() throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(LINE_TIMEOUT_SECONDS);
            while (!blockedInQueueCall()) {
                if (System.nanoTime() > end || !process.isAlive()) {
                    throw new AssertionError("child " + pid() + " never blocked in a queue call");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2)); // then look at /proc again
            }
        }

        private void pump() {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
            lines.add(EOF);
        }
    }
}
