package org.mqscope.ui.app;

import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.JRootPane;
import javax.swing.SwingUtilities;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.StandardOpenOption;
import org.mqscope.mq.Errno;
import org.mqscope.mq.ErrnoText;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders a window's content (everything inside the window manager's frame) into an image: how the UI is
 * checked by eye and how the README picture is made.
 */
public final class Screenshot {
    private Screenshot() {
    }

    /** Paints the frame's root pane into a new image; EDT only. */
    public static BufferedImage render(JFrame frame) {
        return render(frame.getRootPane());
    }

    /** Paints a window's root pane (a frame's, a dialog's) into a new image; EDT only. */
    public static BufferedImage render(JRootPane root) {
        assert SwingUtilities.isEventDispatchThread();
        root.validate();
        if (root.getWidth() <= 0 || root.getHeight() <= 0) {
            throw new IllegalStateException("the window has no size yet");
        }
        BufferedImage image = new BufferedImage(root.getWidth(), root.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            root.paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Checks before the window opens that {@code file} can be written (creating missing parent directories), so a
     * bad path fails at once; a file that did not exist is not left behind.
     *
     * @throws IOException whose message says why, errno first ("EISDIR (Is a directory)")
     */
    public static void checkWritable(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(Errno.EISDIR.name() + " (" + Errno.EISDIR.description() + ")");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean existed = Files.exists(file);
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                out.flush();
            }
            if (!existed) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new IOException(reason(e), e);
        }
    }

    /**
     * Writes the image as PNG, creating missing parent directories. Through a stream of our own: ImageIO's File
     * variant deletes the target first and prints a stack trace when it cannot open it.
     */
    public static void write(BufferedImage image, Path file) throws IOException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG writer available");
                }
            }
        } catch (IOException e) {
            throw new IOException(reason(e), e);
        }
    }

    /** An I/O failure as errno and words, e.g. "/root/x.png: EACCES (Permission denied)". */
    static String reason(IOException e) {
        return ErrnoText.ofFile(e);
    }
}
