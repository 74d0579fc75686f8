package org.mqscope.ui.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.extras.FlatSVGIcon;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.Edt;
import org.mqscope.ui.core.Icons;

/**
 * Every icon the window names (actions, backends, the warning sign) ships in the jar, renders, and stays visible on
 * the dark theme: through its {@code _dark} variant, or because it has enough contrast without one.
 */
class ActionIconsTest {
    private static final String ROOT = "org/mqscope/icons/";
    /**
     * Share of an icon's painted pixels that must stand out from the dark theme's background. Thin strokes at 16 px
     * are mostly anti-aliased edge, so even the red unlink icon reaches only about half; the grey light icons that
     * have dark variants reach a quarter at most.
     */
    private static final double VISIBLE_SHARE = 0.4;
    /** Difference in relative luminance that makes a pixel stand out (a grey against the dark grey). */
    private static final double VISIBLE_CONTRAST = 0.15;
    /** Distance in RGB that makes a pixel stand out all the same (a saturated red is as dark as it is red). */
    private static final double VISIBLE_COLOUR_DISTANCE = 120;

    /** Every action icon in the jar (what Icons.action can give): no list kept by hand. */
    static List<String> namedIcons() {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(iconDirectory())) {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".svg"))
                    .map(f -> f.substring(0, f.length() - ".svg".length()))
                    .filter(n -> !n.endsWith("_dark") && !n.equals("mqscope")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static java.nio.file.Path iconDirectory() {
        try {
            return java.nio.file.Path.of(Icons.class.getClassLoader().getResource(ROOT).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyIconTheWindowNamesIsInTheJarAndRenders() {
        List<String> named = new ArrayList<>();
        Arrays.stream(AppAction.values()).map(AppAction::icon).filter(Objects::nonNull).forEach(named::add);
        Arrays.stream(BackendKind.values()).map(BackendKind::iconName).forEach(named::add);
        assertThat(namedIcons()).containsAll(named).contains("refresh", "peek", "receive", "purge", "unlink",
                "warning", "send", "pause");
        List<String> blank = new ArrayList<>();
        for (String name : namedIcons()) {
            if (painted(render(Icons.action(name)), null) == 0) {
                blank.add(name + ".svg");
            }
        }
        assertThat(blank).as("icons in " + ROOT + " that paint nothing").isEmpty();
        assertThat(Icons.action("refresh")).as("one instance per name").isSameAs(Icons.action("refresh"));
        assertThatThrownBy(() -> Icons.action("no-such-icon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-icon.svg");
    }

    @Test
    void darkVariantsStandOutOnTheDarkTheme() {
        Color background = darkBackground();
        List<String> dim = new ArrayList<>();
        for (String name : namedIcons()) {
            if (resource(name + "_dark") != null) {
                FlatSVGIcon dark = new FlatSVGIcon(ROOT + name + "_dark.svg", Icons.ACTION_SIZE, Icons.ACTION_SIZE,
                        ActionIconsTest.class.getClassLoader());
                BufferedImage image = render(dark);
                double share = (double) painted(image, background) / Math.max(1, painted(image, null));
                if (share < VISIBLE_SHARE) {
                    dim.add(name + String.format("_dark (%.0f %% of it stands out)", share * 100));
                }
            }
        }
        assertThat(dim).as("dark variants that do not stand out on the dark theme").isEmpty();
    }

    @Test
    void iconsWithoutADarkVariantStayVisibleOnTheDarkTheme() {
        Color background = darkBackground();
        List<String> vanishing = new ArrayList<>();
        for (String name : namedIcons()) {
            if (resource(name + "_dark") != null) {
                continue;
            }
            BufferedImage image = render(Icons.action(name));
            double share = (double) painted(image, background) / painted(image, null);
            if (share < VISIBLE_SHARE) {
                vanishing.add(name + String.format(" (%.0f %% of it stands out)", share * 100));
            }
        }
        assertThat(vanishing).as("light icons that need a _dark variant").isEmpty();
    }

    private static Color darkBackground() {
        Color background = Edt.call(() -> new FlatDarkLaf().getDefaults().getColor("ToolBar.background"));
        assertThat(background).as("FlatDarkLaf's tool bar background").isNotNull();
        return background;
    }

    private static java.net.URL resource(String name) {
        return ActionIconsTest.class.getClassLoader().getResource(ROOT + name + ".svg");
    }

    private static BufferedImage render(FlatSVGIcon icon) {
        BufferedImage image = new BufferedImage(Icons.ACTION_SIZE, Icons.ACTION_SIZE, BufferedImage.TYPE_INT_ARGB);
        Edt.run(() -> {
            if (!icon.hasFound()) {
                return;
            }
            Graphics2D g = image.createGraphics();
            try {
                icon.paintIcon(null, g, 0, 0);
            } finally {
                g.dispose();
            }
        });
        return image;
    }

    /**
     * Pixels painted at least half opaque; with a background, only those that, laid over it, stand out from it by
     * luminance or by colour.
     */
    private static int painted(BufferedImage image, Color background) {
        return (int) Stream.iterate(0, i -> i < image.getWidth() * image.getHeight(), i -> i + 1)
                .mapToInt(i -> image.getRGB(i % image.getWidth(), i / image.getWidth()))
                .filter(argb -> (argb >>> 24) >= 0x80)
                .filter(argb -> background == null || standsOut(over(argb, background), background.getRGB()))
                .count();
    }

    private static boolean standsOut(int rgb, int background) {
        double dr = ((rgb >> 16) & 0xFF) - ((background >> 16) & 0xFF);
        double dg = ((rgb >> 8) & 0xFF) - ((background >> 8) & 0xFF);
        double db = (rgb & 0xFF) - (background & 0xFF);
        return Math.abs(luminance(rgb) - luminance(background)) >= VISIBLE_CONTRAST
                || Math.sqrt(dr * dr + dg * dg + db * db) >= VISIBLE_COLOUR_DISTANCE;
    }

    private static int over(int argb, Color background) {
        double a = (argb >>> 24) / 255.0;
        int r = (int) Math.round(((argb >> 16) & 0xFF) * a + background.getRed() * (1 - a));
        int g = (int) Math.round(((argb >> 8) & 0xFF) * a + background.getGreen() * (1 - a));
        int b = (int) Math.round((argb & 0xFF) * a + background.getBlue() * (1 - a));
        return (r << 16) | (g << 8) | b;
    }

    /** WCAG relative luminance, 0 (black) to 1 (white). */
    private static double luminance(int rgb) {
        return 0.2126 * linear((rgb >> 16) & 0xFF) + 0.7152 * linear((rgb >> 8) & 0xFF) + 0.0722 * linear(rgb & 0xFF);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
