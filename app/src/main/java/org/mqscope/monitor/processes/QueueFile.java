package org.mqscope.monitor.processes;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One file of the mqueue mount: the queue's name and identity, and its times. The kernel sets mtime (and ctime)
 * on every successful send and receive, ctime alone on attribute changes.
 */
record QueueFile(String name, QueueKey key, Instant mtime, Instant ctime) {

    /** Every queue of the mount by identity; queues unlinked while listing are left out. */
    static Map<QueueKey, QueueFile> list(Path mqueueDir) throws IOException {
        Map<QueueKey, QueueFile> out = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(mqueueDir)) {
            for (Path f : files) {
                QueueFile q = of(f);
                if (q != null) {
                    out.put(q.key(), q);
                }
            }
        }
        return out;
    }

    static QueueFile of(Path file) throws IOException {
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:dev,ino,lastModifiedTime,ctime",
                    LinkOption.NOFOLLOW_LINKS);
            return new QueueFile("/" + file.getFileName(), new QueueKey((Long) a.get("dev"), (Long) a.get("ino")),
                    ((FileTime) a.get("lastModifiedTime")).toInstant(), ((FileTime) a.get("ctime")).toInstant());
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
