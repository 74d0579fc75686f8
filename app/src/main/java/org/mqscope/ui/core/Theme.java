package org.mqscope.ui.core;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;

import java.util.function.Supplier;

/**
 * The look and feel themes. Colours that differ between them live in the per-theme .properties files next to
 * this class (FlatLightLaf.properties, FlatDarkLaf.properties), never in code.
 */
public enum Theme {
    LIGHT("light", FlatLightLaf::new),
    DARK("dark", FlatDarkLaf::new);

    /** Package whose FlatLaf .properties files add the project's keys to every theme. */
    static final String DEFAULTS_PACKAGE = "org.mqscope.ui";
    /** gsettings answers in milliseconds; a hung D-Bus must not delay the window. */
    private static final long SYSTEM_QUERY_TIMEOUT_MS = 1500;

    private final String id;
    private final Supplier<FlatLaf> laf;

    Theme(String id, Supplier<FlatLaf> laf) {
        this.id = id;
        this.laf = laf;
    }

    /** The name the command line uses: "light" or "dark". */
    public String id() {
        return id;
    }

    /** Installs this theme as the look and feel; call on the EDT before any component is created. */
    public void install() {
        // Registering twice would load the project's keys twice; switching themes must not stack them.
        FlatLaf.unregisterCustomDefaultsSource(DEFAULTS_PACKAGE, Theme.class.getClassLoader());
        FlatLaf.registerCustomDefaultsSource(DEFAULTS_PACKAGE, Theme.class.getClassLoader());
        if (!FlatLaf.setup(laf.get())) {
            throw new IllegalStateException("FlatLaf could not install the " + id + " theme");
        }
    }

    /**
     * The desktop's preference where it can be read without asking anyone: GTK_THEME ("Adwaita:dark") or the
     * GNOME colour-scheme setting; empty when neither says.
     */
    public static java.util.Optional<Theme> fromSystem() {
        String gtk = System.getenv("GTK_THEME");
        if (gtk != null && !gtk.isBlank()) {
            return java.util.Optional.of(gtk.toLowerCase(java.util.Locale.ROOT).contains("dark") ? DARK : LIGHT);
        }
        try {
            Process p = new ProcessBuilder("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")
                    .redirectErrorStream(true).start();
            if (!p.waitFor(SYSTEM_QUERY_TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                p.destroy();
                return java.util.Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (p.exitValue() == 0 && out.contains("prefer-dark")) {
                return java.util.Optional.of(DARK);
            }
            if (p.exitValue() == 0 && out.contains("prefer-light")) {
                return java.util.Optional.of(LIGHT);
            }
        } catch (java.io.IOException e) {
            // no gsettings here: nothing to follow
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return java.util.Optional.empty();
    }

    /** The theme with this id, or null. */
    public static Theme byId(String id) {
        for (Theme t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        return null;
    }
}
