package org.mqscope.ui.core;

import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * What the window remembers between runs besides its bounds (java.util.prefs): theme, last backend, split
 * positions and whether to ask before a kernel peek. Tests pass a node of their own.
 */
public final class UiPrefs {
    static final String THEME = "theme";
    static final String BACKEND = "backend";
    static final String ASK_KERNEL_PEEK = "askBeforeKernelPeek";
    static final String SPLIT_PREFIX = "split.";
    static final String ZOOM = "zoom";
    static final String PRESENTATION_ZOOM = "presentationZoom";
    /** Type one and a half times as large: readable from the back of a lecture room on a 1080p projector. */
    static final float DEFAULT_PRESENTATION_ZOOM = 1.5f;

    private final Preferences node;

    public UiPrefs(Preferences node) {
        this.node = node;
    }

    /** The user's node. */
    public static UiPrefs user() {
        return new UiPrefs(Preferences.userRoot().node("org/mqscope/ui"));
    }

    /**
     * The demo's own node: a demo remembers its theme, backend and panel settings there, so the next plain start
     * finds the user's settings as they were (not an empty emulated namespace).
     */
    public static UiPrefs demo() {
        return new UiPrefs(Preferences.userRoot().node("org/mqscope/demo"));
    }

    /** An emptied node of its own, for runs that must not read or change the user's settings (screenshots). */
    public static UiPrefs scratch() {
        Preferences n = Preferences.userRoot().node("org/mqscope/scratch");
        try {
            n.clear();
        } catch (java.util.prefs.BackingStoreException e) {
            // an unreadable store starts empty anyway
        }
        return new UiPrefs(n);
    }

    /** The node itself, under which panels keep nodes of their own. */
    public Preferences node() {
        return node;
    }

    public Optional<Theme> theme() {
        return Optional.ofNullable(Theme.byId(node.get(THEME, "")));
    }

    public void setTheme(Theme t) {
        node.put(THEME, t.id());
    }

    public Optional<BackendKind> backend() {
        return Optional.ofNullable(BackendKind.byId(node.get(BACKEND, "")));
    }

    public void setBackend(BackendKind kind) {
        node.put(BACKEND, kind.id());
    }

    /** True until the user ticks "don't ask again" in the kernel peek confirmation. */
    public boolean askBeforeKernelPeek() {
        return node.getBoolean(ASK_KERNEL_PEEK, true);
    }

    public void setAskBeforeKernelPeek(boolean ask) {
        node.putBoolean(ASK_KERNEL_PEEK, ask);
    }

    /** The window's zoom factor (FlatLaf's UI scaling), normal or in presentation mode; 1 when none is stored. */
    public float zoom(boolean presentation) {
        return node.getFloat(presentation ? PRESENTATION_ZOOM : ZOOM, presentation ? DEFAULT_PRESENTATION_ZOOM : 1f);
    }

    public void setZoom(boolean presentation, float factor) {
        node.putFloat(presentation ? PRESENTATION_ZOOM : ZOOM, factor);
    }

    /** A split pane's divider location, or -1 when none is stored. */
    public int split(String name) {
        return node.getInt(SPLIT_PREFIX + name, -1);
    }

    public void setSplit(String name, int location) {
        node.putInt(SPLIT_PREFIX + name, location);
    }
}
