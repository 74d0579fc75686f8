package org.mqscope.mq.kernel;

import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqException;
import org.mqscope.mq.QueueInfo;
import org.mqscope.mq.QueueNames;
import org.mqscope.mq.StatusLine;

/**
 * The mqueue file system mount (normally /dev/mqueue): the only way to enumerate queues. Each file's content is the
 * queue's status line; mode and owner come from stat. Whether the directory really is an mqueue mount is asked of
 * statfs(2) on every listing, since it can be mounted or unmounted while mqscope runs.
 */
final class MqueueDirectory {
    /** statfs f_type of the mqueue file system. */
    static final long MQUEUE_MAGIC = 0x19800202L;
    private static final int PERMISSION_BITS = 07777;

    private final Path dir;
    private final Function<Object, String> heldStatus;

    /**
     * @param heldStatus the status line of the queue with a given file key read through a descriptor this process
     *                   already holds, or null when it holds none. Reading the file instead opens and closes it, and
     *                   any close by the process that registered for notification removes its registration.
     */
    MqueueDirectory(Path dir, Function<Object, String> heldStatus) {
        this.dir = dir;
        this.heldStatus = heldStatus;
    }

    /** The exact commands that mount the file system on this directory. */
    String mountCommand() {
        return "sudo mkdir -p " + dir + " && sudo mount -t mqueue none " + dir;
    }

    boolean isMounted() {
        return mountProblem() == null;
    }

    /** Why the directory is not a usable mqueue mount, or null when it is. */
    private MqException mountProblem() {
        Scratch scratch = Scratch.get();
        if (PosixNative.statfs(NativeSupport.cString(dir.toString()), scratch.at(Scratch.STATFS)) != 0) {
            Errno errno = Errno.of(Native.getLastError());
            return new MqException(errno, "statfs", null, dir + " is not available (" + errno.description()
                    + "), so queues cannot be listed; they can still be opened by name. Mount the mqueue file"
                    + " system with: " + mountCommand());
        }
        long type = scratch.small.getLong(Scratch.STATFS + Layouts.STATFS_F_TYPE);
        if (type != MQUEUE_MAGIC) {
            return new MqException(Errno.ENODEV, "statfs", null, dir + " is not an mqueue file system, so queues"
                    + " cannot be listed; they can still be opened by name. Mount it with: " + mountCommand());
        }
        return null;
    }

    List<QueueInfo> list() throws MqException {
        MqException problem = mountProblem();
        if (problem != null) {
            throw problem;
        }
        List<QueueInfo> queues = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path file : entries) {
                QueueInfo info = describe(file);
                if (info != null) {
                    queues.add(info);
                }
            }
        } catch (IOException e) {
            throw failure("opendir", null, e);
        }
        queues.sort(Comparator.comparing(QueueInfo::name));
        return queues;
    }

    /** The queue behind one file, or null when it was unlinked while we looked. */
    private QueueInfo describe(Path file) throws MqException {
        String name = "/" + file.getFileName();
        Map<String, Object> stat;
        try {
            stat = Files.readAttributes(file, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw failure("stat", name, e);
        }
        int mode = (Integer) stat.get("mode") & PERMISSION_BITS;
        int uid = (Integer) stat.get("uid");
        int gid = (Integer) stat.get("gid");
        StatusLine status;
        try {
            status = StatusLine.parse(read(file));
        } catch (NoSuchFileException e) {
            return null;
        } catch (AccessDeniedException e) {
            // The queue exists but its status is not ours to read: still list it; -1 says "unknown".
            return new QueueInfo(name, -1, 0, 0, 0, mode, uid, gid);
        } catch (IOException e) {
            throw failure("read", name, e);
        }
        return new QueueInfo(name, status.qsize(), status.notifyMethod(), status.signo(), status.notifyPid(), mode,
                uid, gid);
    }

    /** The file's text. Errors of the name and of opening are reported as mq_open would report them. */
    String statusLine(String name) throws MqException {
        Errno invalid = QueueNames.error(name);
        if (invalid != null) {
            throw new MqException(invalid, "mq_open", name);
        }
        Path file = fileOf(dir, name);
        try {
            return read(file);
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw failure("mq_open", name, e);
        } catch (IOException e) {
            throw failure("read", name, e);
        }
    }

    /** The file of queue {@code name} (a valid one, with its leading slash) in mount {@code dir}. */
    static Path fileOf(Path dir, String name) {
        return dir.resolve(new String(QueueNames.kernelName(name), StandardCharsets.UTF_8));
    }

    private String read(Path file) throws IOException {
        String held = heldStatus.apply(ProcessTable.fileKey(file));
        return held != null ? held : new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
    }

    /** Java's file exceptions carry no errno; these are the ones they stand for. */
    static MqException failure(String operation, String queue, IOException e) {
        Errno errno;
        if (e instanceof NoSuchFileException) {
            errno = Errno.ENOENT;
        } else if (e instanceof AccessDeniedException) {
            errno = Errno.EACCES;
        } else if (e instanceof NotDirectoryException) {
            errno = Errno.ENOTDIR;
        } else {
            errno = Errno.EIO;
        }
        return new MqException(errno, operation, queue, e.getMessage());
    }
}
