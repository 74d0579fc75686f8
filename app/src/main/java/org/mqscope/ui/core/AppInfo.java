package org.mqscope.ui.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The application's name and the version Maven writes into org/mqscope/version.properties. */
public final class AppInfo {
    public static final String NAME = "mqscope";
    private static final String VERSION_RESOURCE = "/org/mqscope/version.properties";

    private static final String VERSION = readVersion();

    private AppInfo() {
    }

    public static String version() {
        return VERSION;
    }

    /** Exactly what {@code --version} prints: "mqscope 0.1.0". */
    public static String versionLine() {
        return NAME + " " + VERSION;
    }

    private static String readVersion() {
        try (InputStream in = AppInfo.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(VERSION_RESOURCE + " is missing from the class path");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").trim();
            // An unfiltered resource means the build skipped resource filtering: a bug worth failing loudly on.
            if (v.isEmpty() || v.contains("${")) {
                throw new IllegalStateException(VERSION_RESOURCE + " was not filtered by the build: '" + v + "'");
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
