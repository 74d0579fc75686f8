package org.mqscope.ui.window;

import java.awt.Dimension;
import java.awt.Frame;
import java.awt.GraphicsConfiguration;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * Where the main window goes: remembered between runs in java.util.prefs, and always put back on a screen that
 * exists now (a monitor may have been unplugged since). {@link #fixed} is for screenshots: same size every time,
 * nothing stored.
 */
public final class WindowBounds {
    public static final Dimension DEFAULT_SIZE = new Dimension(1100, 700);
    public static final Dimension MIN_SIZE = new Dimension(640, 400);
    static final String X = "x";
    static final String Y = "y";
    static final String WIDTH = "width";
    static final String HEIGHT = "height";
    static final String MAXIMIZED = "maximized";

    private final Preferences prefsOrNull;
    private final Dimension size;

    private WindowBounds(Preferences prefsOrNull, Dimension size) {
        this.prefsOrNull = prefsOrNull;
        this.size = size;
    }

    /** Bounds kept in {@code prefs} (normally {@link #userNode()}). */
    public static WindowBounds remembered(Preferences prefs) {
        return new WindowBounds(prefs, DEFAULT_SIZE);
    }

    /** Always {@code size}, centred; never stored. */
    public static WindowBounds fixed(Dimension size) {
        return new WindowBounds(null, new Dimension(size));
    }

    /** The user's node for the main window. */
    public static Preferences userNode() {
        return Preferences.userRoot().node("org/mqscope/window");
    }

    /** Sizes and places the frame: the stored bounds clamped to today's screens, else the default, centred. */
    public void apply(Frame frame) {
        frame.setMinimumSize(MIN_SIZE);
        Optional<Rectangle> stored = load();
        if (stored.isPresent()) {
            frame.setBounds(clamp(stored.get(), usableScreens()));
            if (prefsOrNull.getBoolean(MAXIMIZED, false)) {
                frame.setExtendedState(frame.getExtendedState() | Frame.MAXIMIZED_BOTH);
            }
        } else {
            frame.setSize(size);
            frame.setLocationRelativeTo(null);
        }
    }

    /** Stores the frame's normal (not maximized) bounds and whether it is maximized. */
    public void save(Frame frame) {
        if (prefsOrNull == null) {
            return;
        }
        boolean maximized = (frame.getExtendedState() & Frame.MAXIMIZED_BOTH) == Frame.MAXIMIZED_BOTH;
        prefsOrNull.putBoolean(MAXIMIZED, maximized);
        if (!maximized) {
            Rectangle r = frame.getBounds();
            prefsOrNull.putInt(X, r.x);
            prefsOrNull.putInt(Y, r.y);
            prefsOrNull.putInt(WIDTH, r.width);
            prefsOrNull.putInt(HEIGHT, r.height);
        }
    }

    Optional<Rectangle> load() {
        if (prefsOrNull == null) {
            return Optional.empty();
        }
        int w = prefsOrNull.getInt(WIDTH, -1);
        int h = prefsOrNull.getInt(HEIGHT, -1);
        if (w <= 0 || h <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Rectangle(prefsOrNull.getInt(X, 0), prefsOrNull.getInt(Y, 0), w, h));
    }

    /**
     * {@code wanted} moved and shrunk to fit the screen it overlaps most (the first screen when it overlaps none),
     * never smaller than {@link #MIN_SIZE} unless the screen itself is smaller.
     */
    public static Rectangle clamp(Rectangle wanted, List<Rectangle> screens) {
        if (screens.isEmpty()) {
            throw new IllegalArgumentException("no screens");
        }
        Rectangle screen = screens.get(0);
        long best = 0;
        for (Rectangle s : screens) {
            Rectangle i = s.intersection(wanted);
            long area = i.isEmpty() ? 0 : (long) i.width * i.height;
            if (area > best) {
                best = area;
                screen = s;
            }
        }
        int w = Math.min(Math.max(wanted.width, MIN_SIZE.width), screen.width);
        int h = Math.min(Math.max(wanted.height, MIN_SIZE.height), screen.height);
        int x = Math.max(screen.x, Math.min(wanted.x, screen.x + screen.width - w));
        int y = Math.max(screen.y, Math.min(wanted.y, screen.y + screen.height - h));
        return new Rectangle(x, y, w, h);
    }

    /** Every screen's bounds minus panels and docks. */
    private static List<Rectangle> usableScreens() {
        List<Rectangle> screens = new ArrayList<>();
        Toolkit toolkit = Toolkit.getDefaultToolkit();
        for (GraphicsDevice device : GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices()) {
            GraphicsConfiguration gc = device.getDefaultConfiguration();
            Rectangle b = gc.getBounds();
            Insets in = toolkit.getScreenInsets(gc);
            screens.add(new Rectangle(b.x + in.left, b.y + in.top,
                    b.width - in.left - in.right, b.height - in.top - in.bottom));
        }
        return screens;
    }
}
