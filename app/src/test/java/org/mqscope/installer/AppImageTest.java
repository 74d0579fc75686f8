package org.mqscope.installer;

import org.mqscope.Needs;
import org.mqscope.Needs.Need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqscope.ui.core.AppInfo;

/** The app-image that installer/package.sh builds: its launcher, its trimmed runtime, its CDS archive, the icons. */
@Tag("installer")
class AppImageTest {
    private static final String MAIN_CLASS = "org.mqscope.App";

    @TempDir
    Path scratch;

    private static Path launcher() {
        return Packages.appImage().resolve("bin").resolve(Packages.NAME);
    }

    @Test
    void launcherPrintsTheVersionAndNothingElse() {
        Packages.Result r = Packages.runOk(launcher().toString(), "--version");

        assertThat(r.out()).isEqualTo(AppInfo.versionLine() + "\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void shellLauncherStartsTheJvmWithTheOptionsOfJpackagesLauncher() throws IOException {
        Path script = Packages.appImage().resolve("lib/mqscope.sh");
        String text = Files.readString(script);
        List<String> options = Files.readAllLines(Packages.appImage().resolve("lib/app/mqscope.cfg")).stream()
                .filter(line -> line.startsWith("java-options="))
                .map(line -> line.substring("java-options=".length()).replace("$APPDIR", "$app"))
                .toList();

        assertThat(options).isNotEmpty();
        for (String option : options) {
            assertThat(text).contains(" \"" + option + "\"");
        }
        assertThat(text).doesNotContain("dpkg").doesNotContain("rpm");
        Packages.Result r = Packages.runOk(List.of(script.toString(), "--version"),
                Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info"));
        assertThat(r.out().lines()).contains(AppInfo.versionLine());
        if (Files.exists(Packages.appImage().resolve("lib/app/mqscope.jsa"))) {
            assertThat(r.out()).contains(MAIN_CLASS + " source: shared objects file");
        }
    }

    @Test
    void runtimeHoldsTheListedModulesAndNoneLeftOut() throws IOException {
        List<String> listed = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (String line : Files.readAllLines(Packages.sourcesDir().resolve("modules.txt"))) {
            String module = line.replaceFirst("#.*", "").strip();
            if (module.startsWith("-")) {
                leftOut.add(module.substring(1));
            } else if (!module.isEmpty()) {
                listed.add(module);
            }
        }
        Set<String> modules = runtimeModules();

        assertThat(listed).contains("java.base", "java.desktop");
        assertThat(modules).containsAll(listed).doesNotContainAnyElementsOf(leftOut);
        // Only what the listed modules require besides them: no compiler, no tools, no second toolkit.
        assertThat(modules).allMatch(m -> m.startsWith("java."), "only java.* modules");
    }

    @Test
    void launchMapsTheApplicationFromTheCdsArchive() {
        // The training record: an AOT configuration (a Java 25 runtime) or a class list (Java 17).
        Path app = Packages.appImage().resolve("lib/app");
        assumeTrue(Files.exists(app.resolve("mqscope.aotconf")) || Files.exists(app.resolve("mqscope.classlist")),
                "built without a start-up archive (-Dinstaller.cds=off, or no display)");
        assertThat(Packages.appImage().resolve("lib/app/mqscope.jsa")).isRegularFile();

        Packages.Result r = Packages.runOk(List.of(launcher().toString(), "--version"),
                Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info"));

        assertThat(r.out()).contains(MAIN_CLASS + " source: shared objects file");
    }

    @Test
    void launcherTakesAScreenshotUnderADisplay() throws IOException {
        Needs.display();
        Path png = scratch.resolve("shot.png");
        Path home = Files.createDirectories(scratch.resolve("home"));

        Packages.Result r = Packages.runOk(
                List.of(launcher().toString(), "--backend=emulated", "--screenshot", png.toString(), "--after", "0"),
                Map.of("HOME", home.toString(), "XDG_DATA_HOME", home.resolve("data").toString()));

        assertThat(r.out()).contains("mqscope: wrote " + png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("PNG written by the launcher").isNotNull();
        assertThat(image.getWidth()).isGreaterThan(400);
        assertThat(image.getHeight()).isGreaterThan(300);
    }

    @Test
    void appIconIsRenderedAtEverySizeWithItsColours() throws IOException {
        for (int size : Packages.ICON_SIZES) {
            Path png = Packages.outputDir().resolve("icons").resolve("mqscope-" + size + ".png");
            BufferedImage image = ImageIO.read(png.toFile());

            assertThat(image).as(png.toString()).isNotNull();
            assertThat(new int[] {image.getWidth(), image.getHeight()}).as(png.toString()).containsExactly(size, size);
            int centre = image.getRGB(size / 2, size / 2);
            assertThat(centre >>> 24).as("alpha at the centre of " + png).isEqualTo(0xFF);
            // The tile, the white slip and the yellow magnifier must all survive even at 16 px.
            assertThat(colours(image)).as("colours of " + png).contains("blue", "white", "yellow");
        }
    }

    private static Set<String> colours(BufferedImage image) {
        Set<String> found = new TreeSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                int a = argb >>> 24;
                int r = (argb >> 16) & 0xFF;
                int g = (argb >> 8) & 0xFF;
                int b = argb & 0xFF;
                if (a < 0xF0) {
                    continue;
                }
                if (r > 0xE8 && g > 0xE8 && b > 0xE8) {
                    found.add("white");
                } else if (r > 0xD0 && g > 0x90 && b < 0x90) {
                    found.add("yellow");
                } else if (b > 0x90 && r < 0x50 && g < 0x80) {
                    found.add("blue");
                }
            }
        }
        return found;
    }

    private static Set<String> runtimeModules() throws IOException {
        for (String line : Files.readAllLines(Packages.appImage().resolve("lib/runtime/release"))) {
            if (line.startsWith("MODULES=")) {
                String value = line.substring("MODULES=".length()).replace("\"", "");
                return new TreeSet<>(Arrays.asList(value.split(" ")));
            }
        }
        throw new AssertionError("no MODULES line in the runtime's release file");
    }
}
