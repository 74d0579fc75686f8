package org.mqscope.ui.core;

import com.formdev.flatlaf.extras.FlatSVGIcon;
import com.formdev.flatlaf.extras.FlatSVGUtils;

import java.awt.Image;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SVG icons from org/mqscope/icons/ in the jar (sources in the repository's icons/). FlatSVGIcon picks
 * {@code name_dark.svg} by itself while a dark theme is active.
 */
public final class Icons {
    static final String ROOT = "org/mqscope/icons/";
    public static final int ACTION_SIZE = 16;
    static final String APP_ICON = "mqscope";

    private Icons() {
    }

    private static final Map<String, FlatSVGIcon> ACTIONS = new ConcurrentHashMap<>();

    /**
     * A 16 px action icon, e.g. {@code action("refresh")}: one instance per name, shared (an icon holds no state
     * of the component it paints on). A name with no SVG in the jar fails here, at once, instead of painting an
     * empty square somewhere later.
     */
    public static FlatSVGIcon action(String name) {
        return ACTIONS.computeIfAbsent(name, n -> {
            String path = ROOT + n + ".svg";
            if (Icons.class.getClassLoader().getResource(path) == null) {
                throw new IllegalArgumentException("no icon " + path + " in the jar (sources: icons/" + n + ".svg)");
            }
            return new FlatSVGIcon(path, ACTION_SIZE, ACTION_SIZE, Icons.class.getClassLoader());
        });
    }

    /** The warning sign used by notices and failure messages. */
    public static FlatSVGIcon warning() {
        return action("warning");
    }

    /** The application icon at the sizes window managers ask for (16 to 256 px). */
    public static List<Image> appIconImages() {
        return FlatSVGUtils.createWindowIconImages("/" + ROOT + APP_ICON + ".svg");
    }
}
