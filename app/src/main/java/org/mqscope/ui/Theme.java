package org.mqscope.ui;

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
