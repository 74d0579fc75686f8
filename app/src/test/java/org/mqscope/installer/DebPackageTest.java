package org.mqscope.installer;

import org.mqscope.Needs;
import org.mqscope.Needs.Need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqscope.ui.core.AppInfo;

/**
 * The .deb, unpacked into a scratch root (dpkg-deb -x) and, as root, installed into one and removed again
 * (dpkg --root): launcher on the PATH, desktop entry, icons where the entry says, nothing left after removal.
 */
@Tag("installer")
class DebPackageTest {
    private static final String DESKTOP_ENTRY = "usr/share/applications/mqscope.desktop";
    private static final String INSTALL_DIR = "usr/lib/mqscope";
    private static Path deb;

    @TempDir
    Path root;

    @BeforeAll
    static void findPackage() {
        deb = Packages.deb().orElse(null);
        assumeTrue(deb != null, "no .deb in this build (-Dinstaller.types=app-image)");
    }

    @Test
    void controlFieldsCarryTheReleaseVersionAndNoShortcutTools() {
        String arch = Packages.runOk("dpkg", "--print-architecture").out().strip();

        assertThat(field("Package")).isEqualTo("mqscope");
        assertThat(field("Version")).isEqualTo(AppInfo.version().replace("-SNAPSHOT", "") + "-1")
                .doesNotContain("SNAPSHOT");
        assertThat(field("Architecture")).isEqualTo(arch);
        assertThat(field("Section")).isEqualTo("devel");
        assertThat(field("Depends")).contains("libc6").doesNotContain("xdg-utils");
        assertThat(deb.getFileName().toString()).isEqualTo("mqscope_" + field("Version") + "_" + arch + ".deb");
    }

    @Test
    void onlyMaintainerScriptsAreTheCdsArchiveOnes() throws IOException {
        Path control = root.resolve("DEBIAN");
        Packages.runOk("dpkg-deb", "--control", deb.toString(), control.toString());
        try (Stream<Path> files = Files.list(control)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("control", "postinst", "prerm");
        }
        assertThat(Files.readString(control.resolve("postinst"))).contains("cds-archive.sh");
        assertThat(Files.readString(control.resolve("prerm"))).contains("rm -f").contains("mqscope.jsa");
    }

    @Test
    void launcherIsOnThePathAndStartsFromTheUnpackedTree() throws IOException {
        unpack();
        Path link = root.resolve("usr/bin/mqscope");

        assertThat(link).isSymbolicLink();
        assertThat(Files.readSymbolicLink(link).isAbsolute()).as("relative link, valid in any root").isFalse();
        // The shell launcher, not jpackage's: that one asks dpkg which package owns it on every start.
        assertThat(link.toRealPath()).isEqualTo(root.resolve(INSTALL_DIR + "/lib/mqscope.sh").toRealPath());
        assertThat(Files.isExecutable(link)).isTrue();
        assertThat(Packages.runOk(link.toString(), "--version").out()).isEqualTo(AppInfo.versionLine() + "\n");
        // The archive depends on the installed path, so postinst makes it; the class list it needs travels along.
        assertThat(root.resolve(INSTALL_DIR + "/lib/app/mqscope.jsa")).doesNotExist();
    }

    @Test
    void manPageAndBashCompletionAreThereAndTheCommandLineRuns() throws IOException {
        unpack();
        Path man = root.resolve("usr/share/man/man1/mqscope.1.gz");
        Path completion = root.resolve("usr/share/bash-completion/completions/mqscope");
        assertThat(man).isRegularFile();
        assertThat(completion).isRegularFile();
        String page = Packages.runOk("sh", "-c", "gzip -dc '" + man + "'").out();
        assertThat(page).startsWith(".TH MQSCOPE 1").contains(".SS peek\n", ".SS import\n");
        assertThat(Packages.runOk("bash", "-n", completion.toString()).exitCode()).isZero();
        // a command from the unpacked tree: the emulation answers without any queue of the machine
        assertThat(Packages.runOk(root.resolve("usr/bin/mqscope").toString(), "ls", "--backend=emulated", "--json")
                .out()).isEqualTo("{\"backend\":\"emulated\",\"queues\":[]}\n");
    }

    @Test
    void desktopEntryNamesALauncherAndAnIconThatAreThere() throws IOException {
        unpack();
        Map<String, String> entry = desktopEntry(root.resolve(DESKTOP_ENTRY));

        assertThat(entry).containsEntry("Type", "Application").containsEntry("Name", "mqscope")
                .containsEntry("Terminal", "false");
        assertThat(Arrays.asList(entry.get("Categories").split(";"))).contains("Development", "Debugger");
        String program = entry.get("Exec").split(" ")[0];
        Path exec = program.startsWith("/") ? root.resolve(program.substring(1)) : root.resolve("usr/bin/" + program);
        assertThat(Files.isExecutable(exec)).as("Exec=" + entry.get("Exec") + " in the package").isTrue();

        String icon = entry.get("Icon");
        assertThat(icon).as("a theme icon name, so each size comes from hicolor").doesNotContain("/");
        for (int size : Packages.ICON_SIZES) {
            Path png = root.resolve("usr/share/icons/hicolor/" + size + "x" + size + "/apps/" + icon + ".png");
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as(png.toString()).isNotNull();
            assertThat(new int[] {image.getWidth(), image.getHeight()}).as(png.toString()).containsExactly(size, size);
        }
        assertThat(root.resolve("usr/share/icons/hicolor/scalable/apps/" + icon + ".svg"))
                .hasSameTextualContentAs(Packages.iconSourcesDir().resolve("mqscope.svg"));
    }

    @Test
    void desktopEntryPassesDesktopFileValidate() {
        assumeTrue(Packages.onPath("desktop-file-validate"),
                "desktop-file-validate is not installed (Debian package desktop-file-utils)");
        unpack();

        Packages.Result r = Packages.runOk("desktop-file-validate", root.resolve(DESKTOP_ENTRY).toString());

        assertThat(r.out() + r.err()).as("warnings and hints count too").isEmpty();
    }

    @Test
    void installsIntoAScratchRootAndRemovesWithoutATrace() throws IOException {
        Needs.root("dpkg --root needs root to set file owners");
        Path admin = root.resolve("var/lib/dpkg");
        for (String dir : List.of("info", "updates", "triggers")) {
            Files.createDirectories(admin.resolve(dir));
        }
        Files.createFile(admin.resolve("status"));
        // Chrootless: the scratch root has no shell; the scripts find it through DPKG_ROOT. The libraries the
        // package depends on are the host's, not in the scratch root's database.
        List<String> dpkg = List.of("dpkg", "--root=" + root, "--force-script-chrootless", "--force-depends");

        Packages.runOk(concat(dpkg, "--install", deb.toString()), Map.of());

        Path launcher = root.resolve("usr/bin/mqscope");
        assertThat(Packages.runOk(launcher.toString(), "--version").out()).isEqualTo(AppInfo.versionLine() + "\n");
        if (Files.exists(root.resolve(INSTALL_DIR + "/lib/app/mqscope.aotconf"))
                || Files.exists(root.resolve(INSTALL_DIR + "/lib/app/mqscope.classlist"))) {
            assertThat(root.resolve(INSTALL_DIR + "/lib/app/mqscope.jsa")).as("made by postinst").isRegularFile();
            Packages.Result r = Packages.runOk(List.of(launcher.toString(), "--version"),
                    Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info"));
            assertThat(r.out()).contains("org.mqscope.App source: shared objects file");
        }

        // The exact-peek helper: beside the jar, with exactly the two capabilities postinst gives it.
        Path helper = root.resolve(INSTALL_DIR + "/lib/app/mqpeek");
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThat(helper).as("CI builds the helper, so the package carries it").isRegularFile();
        }
        if (Files.exists(helper) && Packages.onPath("getcap")) {
            // "PATH cap_perfmon,cap_bpf=ep": the order getcap prints them in varies between libcap versions
            String caps = Packages.runOk("getcap", helper.toString()).out().strip();
            assertThat(caps).as("set by postinst").endsWith("=ep");
            String names = caps.substring(caps.lastIndexOf(' ') + 1, caps.length() - "=ep".length());
            assertThat(names.split(",")).as("exactly these, nothing broader")
                    .containsExactlyInAnyOrder("cap_bpf", "cap_perfmon");
        }

        Packages.runOk(concat(dpkg, "--purge", "mqscope"), Map.of());

        try (Stream<Path> left = Files.walk(root)) {
            assertThat(left.map(root::relativize).map(Path::toString)
                    .filter(p -> !p.isEmpty() && !p.equals("var") && !p.equals("var/lib") && !p.startsWith("var/lib/dpkg")))
                    .as("files left after purge").isEmpty();
        }
    }

    private void unpack() {
        Packages.runOk("dpkg-deb", "--extract", deb.toString(), root.toString());
    }

    private static String field(String name) {
        return Packages.runOk("dpkg-deb", "--field", deb.toString(), name).out().strip();
    }

    private static Map<String, String> desktopEntry(Path file) throws IOException {
        Map<String, String> entry = new LinkedHashMap<>();
        boolean inGroup = false;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("[")) {
                inGroup = line.equals("[Desktop Entry]");
            } else if (inGroup && line.contains("=") && !line.startsWith("#")) {
                entry.put(line.substring(0, line.indexOf('=')).strip(), line.substring(line.indexOf('=') + 1).strip());
            }
        }
        assertThat(entry).as(file + " has a [Desktop Entry] group").isNotEmpty();
        return entry;
    }

    private static List<String> concat(List<String> head, String... tail) {
        return Stream.concat(head.stream(), Arrays.stream(tail)).toList();
    }
}
