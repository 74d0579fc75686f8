package org.mqscope.mq.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Where the mqpeek helper is: the path in the system property {@value #PROPERTY}; else beside the jar (the
 * app-image and the .deb install it there, the .deb with its capabilities); else inside the jar, copied once into
 * the user's cache directory under a name made of its hash, so a copy is never shared between different helpers.
 */
final class PeekHelperLocation {
    static final String PROPERTY = "mqscope.peek.helper";
    static final String FILE_NAME = "mqpeek";

    private PeekHelperLocation() {
    }

    /** The resource holding the helper built for this machine's architecture. */
    static String resource() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return "/org/mqscope/native/linux-" + arch + "/" + FILE_NAME;
    }

    /** The helper's path, or null when there is none for this machine. */
    static Path find() {
        String explicit = System.getProperty(PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        Path beside = besideCode();
        if (beside != null && Files.isExecutable(beside)) {
            return beside;
        }
        URL bundled = PeekHelperLocation.class.getResource(resource());
        if (bundled == null) {
            return null;
        }
        if ("file".equals(bundled.getProtocol())) {
            try {
                Path p = Path.of(bundled.toURI());
                return Files.isExecutable(p) ? p : extract(bundled);
            } catch (URISyntaxException | IOException | RuntimeException e) {
                return null;
            }
        }
        try {
            return extract(bundled);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** mqpeek in the directory of the jar (or class directory) this class came from. */
    private static Path besideCode() {
        try {
            var source = PeekHelperLocation.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            Path code = Path.of(source.getLocation().toURI());
            Path dir = code.getParent(); // of the jar, or of target/classes when run from the build
            return dir == null ? null : dir.resolve(FILE_NAME);
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** Copies the bundled helper into a private cache directory (0700), named by its SHA-256. */
    private static Path extract(URL bundled) throws IOException {
        byte[] bytes;
        try (InputStream in = bundled.openStream()) {
            bytes = in.readAllBytes();
        }
        String hash;
        try {
            hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("no SHA-256 in this JVM", e);
        }
        Path dir = cacheDirectory();
        Path target = dir.resolve(FILE_NAME + "-" + hash);
        if (Files.isExecutable(target) && Files.size(target) == bytes.length) {
            return target;
        }
        var ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(dir, ownerOnly);
        Path temp = Files.createTempFile(dir, FILE_NAME, ".tmp", ownerOnly);
        try {
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    private static Path cacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("mqscope");
    }
}
