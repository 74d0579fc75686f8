package org.mqscope.mq.kernel.journal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Where journals live and what they are called: one file per drain, private to the user, named by time and pid. */
final class JournalFiles {
    private static final String SUFFIX = ".mqj";

    private JournalFiles() {
    }

    static Path defaultDirectory() {
        String override = System.getProperty("mqscope.journal.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("mqscope").resolve("journal");
    }

    /** A new, empty journal file: mode 0600 in a 0700 directory; names sort oldest first. */
    static Path newFile(Path dir) throws IOException {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        for (int attempt = 0; ; attempt++) {
            Path file = dir.resolve(System.currentTimeMillis() + "-" + ProcessHandle.current().pid() + "-" + attempt
                    + SUFFIX);
            try {
                return Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException taken) {
                // another drain of this process started in the same millisecond: try the next name
            }
        }
    }

    static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
    }
}
