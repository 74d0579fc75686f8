package org.mqscope.ui.app;

import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.JRootPane;
import javax.swing.SwingUtilities;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
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

    /** Writes the image as PNG, creating missing parent directories. */
    public static void write(BufferedImage image, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}
