package org.mqscope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the arrows of the house pointing one way: {@code ui → monitor → mq ← mq.kernel | mq.emulated}. Reads the
 * constant pool of every compiled main class (target/classes), so a dependency counts whether it came from an
 * import, a fully qualified name, a field type or a generic signature. String constants are not dependencies.
 */
class ArchitectureTest {
    private static final String ROOT = "org/mqscope/";
    private static final String MQ = ROOT + "mq";
    private static final String KERNEL = ROOT + "mq/kernel";
    private static final String EMULATED = ROOT + "mq/emulated";
    private static final String MONITOR = ROOT + "monitor";
    private static final String UI = ROOT + "ui";
    private static final String DEMO = ROOT + "demo";
    private static final String APP = ROOT + "App";
    private static final List<String> GUI_LIBRARIES =
            List.of("javax/swing/", "java/awt/", "org/jfree/", "com/formdev/", "net/miginfocom/");

    /** A class name inside a descriptor or signature: "Lorg/x/Y;" or "Lorg/x/Y<...>;". */
    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([\\w$]+(?:/[\\w$]+)+)[;<]");

    /** Internal class name (org/mqscope/mq/Mq) → every class it refers to. */
    private static Map<String, Set<String>> dependencies;

    @BeforeAll
    static void scan() throws IOException, URISyntaxException {
        Path classes = Path.of(App.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes).as("main classes directory").isDirectory();
        dependencies = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String name = classes.relativize(f).toString().replace('\\', '/').replaceAll("\\.class$", "");
                try (InputStream in = Files.newInputStream(f)) {
                    dependencies.put(name, referencedClasses(in));
                }
            }
        }
    }

    @Test
    void theScanSeesTheClassesAndTheirReferences() {
        assertThat(dependencies).containsKeys(APP, MQ + "/MqBackends", MQ + "/MqException");
        assertThat(dependencies.get(MQ + "/MqBackends")).contains("java/util/ServiceLoader", MQ + "/MqBackend");
        assertThat(dependencies.get(APP)).contains(UI + "/app/LaunchOptions");
        assertThat(dependencies.get(UI + "/queues/QueueTreeModel")).contains(MONITOR + "/QueueSample");
    }

    @Test
    void jnaOnlyInTheKernelPackage() {
        assertNoViolations("JNA only in org.mqscope.mq.kernel",
                c -> !packageOf(c).equals(KERNEL), d -> d.startsWith("com/sun/jna/"));
    }

    @Test
    void noGuiLibraryInMqOrMonitor() {
        assertNoViolations("no Swing, AWT, JFreeChart, FlatLaf or MigLayout in mq.. or monitor..",
                c -> inTree(c, MQ) || inTree(c, MONITOR),
                d -> GUI_LIBRARIES.stream().anyMatch(d::startsWith));
    }

    @Test
    void demoSeedsThroughTheContractWithoutSwingOrABackendPackage() {
        assertThat(dependencies).containsKey(DEMO + "/DemoQueues");
        assertNoViolations("org.mqscope.demo uses the contract only: no Swing, no ui, no backend package",
                c -> inTree(c, DEMO), d -> GUI_LIBRARIES.stream().anyMatch(d::startsWith) || inTree(d, UI)
                        || inTree(d, KERNEL) || inTree(d, EMULATED));
    }

    @Test
    void lessonsRunHeadlessOnTheEmulation() {
        assertThat(dependencies).containsKey(ROOT + "lessons/LessonRunner");
        assertNoViolations("org.mqscope.lessons: no Swing, no ui, no kernel (lessons run on a private emulation)",
                c -> inTree(c, ROOT + "lessons"), d -> GUI_LIBRARIES.stream().anyMatch(d::startsWith)
                        || inTree(d, UI) || inTree(d, KERNEL));
    }

    @Test
    void theContractDependsOnNoBackend() {
        assertNoViolations("the contract package org.mqscope.mq depends on neither mq.kernel nor mq.emulated",
                c -> packageOf(c).equals(MQ), d -> inTree(d, KERNEL) || inTree(d, EMULATED));
    }

    @Test
    void onlyUiAndAppDependOnUi() {
        assertNoViolations("nothing outside ui.. and App depends on ui",
                c -> !inTree(c, UI) && !c.equals(APP) && !c.startsWith(APP + "$"), d -> inTree(d, UI));
    }

    @Test
    void mqDoesNotPointBackAtMonitor() {
        assertNoViolations("mq.. does not depend on monitor (monitor → mq)",
                c -> inTree(c, MQ), d -> inTree(d, MONITOR));
    }

    @Test
    void theTwoBackendsDoNotKnowEachOther() {
        assertNoViolations("mq.kernel.. does not depend on mq.emulated..", c -> inTree(c, KERNEL),
                d -> inTree(d, EMULATED));
        assertNoViolations("mq.emulated.. does not depend on mq.kernel..", c -> inTree(c, EMULATED),
                d -> inTree(d, KERNEL));
    }

    private static void assertNoViolations(String rule, Predicate<String> inScope, Predicate<String> forbidden) {
        List<String> violations = new ArrayList<>();
        dependencies.forEach((cls, deps) -> {
            if (inScope.test(cls)) {
                deps.stream().filter(forbidden).sorted()
                        .forEach(d -> violations.add(dotted(cls) + " -> " + dotted(d)));
            }
        });
        assertThat(violations).as(rule).isEmpty();
    }

    /** True for the package itself and everything below it. */
    private static boolean inTree(String className, String packagePath) {
        return className.startsWith(packagePath + "/");
    }

    private static String packageOf(String className) {
        int slash = className.lastIndexOf('/');
        return slash < 0 ? "" : className.substring(0, slash);
    }

    private static String dotted(String internalName) {
        return internalName.replace('/', '.');
    }

    /**
     * Every class named in a class file's constant pool: CONSTANT_Class entries, and class names inside the UTF-8
     * entries that hold descriptors and signatures. UTF-8 entries used only as string literals are skipped.
     */
    static Set<String> referencedClasses(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        Set<Integer> classIndexes = new HashSet<>();
        Set<Integer> stringIndexes = new HashSet<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classIndexes.add(in.readUnsignedShort());
                case 8 -> stringIndexes.add(in.readUnsignedShort());
                case 16, 19, 20 -> in.readUnsignedShort(); // MethodType, Module, Package
                case 15 -> in.skipBytes(3); // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // a long or double takes two slots
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
            }
        }
        Set<String> refs = new HashSet<>();
        for (int i : classIndexes) {
            String name = utf8[i];
            if (name.startsWith("[")) {
                addDescriptorClasses(name, refs);
            } else {
                refs.add(name);
            }
        }
        for (int i = 1; i < count; i++) {
            if (utf8[i] != null && !classIndexes.contains(i) && !stringIndexes.contains(i)) {
                addDescriptorClasses(utf8[i], refs);
            }
        }
        return refs;
    }

    private static void addDescriptorClasses(String descriptor, Set<String> refs) {
        Matcher m = DESCRIPTOR_CLASS.matcher(descriptor);
        while (m.find()) {
            refs.add(m.group(1));
        }
    }
}
