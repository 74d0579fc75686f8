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
 * Keeps the arrows of the house pointing one way: {@code ui/window → ui/<panel> → ui/core → monitor, traffic → mq ←
 * mq.kernel | mq.emulated} and {@code cli → monitor, traffic → mq}, with no package cycle anywhere. Reads the
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
    private static final String TRAFFIC = ROOT + "traffic";
    private static final String CLI = ROOT + "cli";
    /** What every panel may use: the context, executor, icons, formatters, shared widgets; and the action enum. */
    private static final List<String> UI_SHARED = List.of(UI + "/core", UI + "/actions");
    private static final String UI_APP = UI + "/app";
    private static final String UI_WINDOW = UI + "/window";
    private static final String TRANSFER = ROOT + "transfer";
    private static final String LESSONS = ROOT + "lessons";
    private static final String APP = ROOT + "App";
    private static final List<String> GUI_LIBRARIES =
            List.of("javax/swing/", "java/awt/", "org/jfree/", "com/formdev/", "net/miginfocom/");

    /** A class name inside a descriptor or signature: "Lorg/x/Y;" or "Lorg/x/Y<...>;". */
    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([\\w$]+(?:/[\\w$]+)+)[;<]");

    /** Marks a constructor call in the references: "java/lang/Thread.new" for {@code new Thread(...)}. */
    private static final String CONSTRUCTED = ".new";
    /** Thread makers only org.mqscope.threads.Workers may use. */
    private static final List<String> THREAD_MAKERS = List.of("java/lang/Thread" + CONSTRUCTED,
            "java/util/concurrent/Executors", "java/util/concurrent/ThreadPoolExecutor",
            "java/util/concurrent/ScheduledThreadPoolExecutor", "java/util/concurrent/ForkJoinPool",
            "java/util/Timer");

    /** Marks a call of one of CompletableFuture's methods in the references: ".call:NAME(DESCRIPTOR)". */
    private static final String FUTURE = "java/util/concurrent/CompletableFuture";
    private static final String CALL = ".call:";

    /**
     * CompletableFuture's methods that run work on threads Workers did not make: the common ForkJoinPool (every
     * *Async method not given an Executor) and the hidden delay-scheduler thread behind delayedExecutor.
     */
    private static boolean commonPoolCall(String ref) {
        if (!ref.startsWith(FUTURE + CALL)) {
            return false;
        }
        String method = ref.substring((FUTURE + CALL).length());
        return method.startsWith("delayedExecutor(")
                || (method.contains("Async(") && !method.contains("Ljava/util/concurrent/Executor;"));
    }

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
        assertThat(dependencies.get(APP)).contains(CLI + "/Cli").doesNotContain(UI + "/app/LaunchOptions");
        assertThat(dependencies.get(APP + "$Window")).contains(UI + "/app/LaunchOptions");
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
    void findUsesTheContractOnlyWithoutSwing() {
        assertThat(dependencies).containsKey(ROOT + "find/Filter");
        assertNoViolations("org.mqscope.find: no Swing, no ui, no monitor, no backend package",
                c -> inTree(c, ROOT + "find"), d -> GUI_LIBRARIES.stream().anyMatch(d::startsWith) || inTree(d, UI)
                        || inTree(d, MONITOR) || inTree(d, KERNEL) || inTree(d, EMULATED));
    }

    @Test
    void theCommandLineLoadsNoWindowAndTalksThroughTheContract() {
        assertThat(dependencies).containsKeys(CLI + "/Cli", TRANSFER + "/MessageFiles");
        assertNoViolations("cli.. and transfer.. use no Swing, no ui and no backend package",
                c -> inTree(c, CLI) || inTree(c, TRANSFER), d -> GUI_LIBRARIES.stream().anyMatch(d::startsWith)
                        || inTree(d, UI) || inTree(d, KERNEL) || inTree(d, EMULATED));
        assertNoViolations("transfer.. does not depend on cli (the window uses it too)",
                c -> inTree(c, TRANSFER), d -> inTree(d, CLI));
        assertNoViolations("mq.. and monitor.. do not depend on cli or transfer",
                c -> inTree(c, MQ) || inTree(c, MONITOR), d -> inTree(d, CLI) || inTree(d, TRANSFER));
    }

    @Test
    void recordingsUseTheContractAndTheBodyEncodingOnly() {
        assertThat(dependencies).containsKey(ROOT + "recording/RecordingWriter");
        assertNoViolations("recording.. uses mq and transfer only: no Swing, ui, cli, monitor or backend",
                c -> inTree(c, ROOT + "recording"), d -> GUI_LIBRARIES.stream().anyMatch(d::startsWith)
                        || (d.startsWith(ROOT) && !inTree(d, MQ) && !inTree(d, TRANSFER)
                        && !inTree(d, ROOT + "recording")) || inTree(d, KERNEL) || inTree(d, EMULATED));
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

    @Test
    void noPackageCycles() {
        Map<String, Set<String>> graph = packageGraph();
        List<Set<String>> cycles = stronglyConnected(graph).stream().filter(c -> c.size() > 1).toList();
        assertThat(cycles).as("packages that depend on each other, directly or round a loop").isEmpty();
    }

    @Test
    void theCycleFinderFindsALoopOfThree() {
        Map<String, Set<String>> g = new TreeMap<>();
        g.put("a", Set.of("b"));
        g.put("b", Set.of("c"));
        g.put("c", Set.of("a", "d"));
        g.put("d", Set.of());
        assertThat(stronglyConnected(g)).contains(Set.of("a", "b", "c"), Set.of("d"));
    }

    @Test
    void aPanelUsesTheSharedUiButNeitherAnotherPanelNorTheWindow() {
        assertThat(dependencies).containsKeys(UI + "/charts/ChartsPanel", UI + "/queues/QueueTreePanel");
        List<String> violations = new ArrayList<>();
        dependencies.forEach((cls, deps) -> {
            String panel = panelOf(cls);
            if (panel != null) {
                deps.stream().filter(d -> inTree(d, UI) && !UI_SHARED.contains(topUiPackage(d))
                        && !topUiPackage(d).equals(panel)).sorted()
                        .forEach(d -> violations.add(dotted(cls) + " -> " + dotted(d)));
            }
        });
        assertThat(violations).as("a panel (ui/<panel>) uses ui/core and ui/actions, never another panel, "
                + "ui/window or ui/app").isEmpty();
    }

    @Test
    void theSharedUiUsesNoPanelWindowOrStartUp() {
        assertNoViolations("ui/core and ui/actions use no panel, ui/window or ui/app",
                c -> UI_SHARED.contains(topUiPackage(c)),
                d -> inTree(d, UI) && !UI_SHARED.contains(topUiPackage(d)));
        assertNoViolations("ui/core is below ui/actions", c -> inTree(c, UI + "/core"),
                d -> inTree(d, UI + "/actions"));
    }

    @Test
    void theWindowDoesNotReachBackIntoStartUp() {
        assertNoViolations("ui/window does not use ui/app (ui/app → ui/window)", c -> inTree(c, UI_WINDOW),
                d -> inTree(d, UI_APP));
    }

    @Test
    void onlyTheBackendsThemselvesNameABackendPackage() {
        assertNoViolations("ui, monitor, demo, traffic, cli and App use the contract (backends are chosen through "
                        + "MqBackends' ServiceLoader), never mq.kernel or mq.emulated",
                c -> !inTree(c, KERNEL) && !inTree(c, EMULATED) && !inTree(c, LESSONS),
                d -> inTree(d, KERNEL) || inTree(d, EMULATED));
        // Lessons are about the emulation: they run on a private one and read its state without a descriptor.
        assertNoViolations("lessons.. name the emulation, never the kernel backend", c -> inTree(c, LESSONS),
                d -> inTree(d, KERNEL));
    }

    @Test
    void monitorTrafficAndCliStayBelowTheWindow() {
        assertNoViolations("monitor uses mq only (no traffic, demo, cli, ui)", c -> inTree(c, MONITOR),
                d -> inTree(d, TRAFFIC) || inTree(d, DEMO) || inTree(d, CLI));
        assertNoViolations("the traffic engine drives queues through the contract: no demo, monitor, cli or ui",
                c -> inTree(c, TRAFFIC), d -> inTree(d, DEMO) || inTree(d, MONITOR) || inTree(d, CLI)
                        || GUI_LIBRARIES.stream().anyMatch(d::startsWith));
        assertNoViolations("cli → monitor, traffic → mq: no Swing, no ui", c -> inTree(c, CLI),
                d -> GUI_LIBRARIES.stream().anyMatch(d::startsWith));
    }

    @Test
    void threadsAreMadeInOnePlace() {
        assertThat(dependencies.get(ROOT + "threads/Workers")).as("the scan sees constructor calls")
                .contains("java/lang/Thread" + CONSTRUCTED);
        assertNoViolations("threads and executors are made by org.mqscope.threads.Workers only, by intent",
                c -> !inTree(c, ROOT + "threads"), THREAD_MAKERS::contains);
        assertNoViolations("no work on the common pool or CompletableFuture's own delay thread: Workers' executors",
                c -> !inTree(c, ROOT + "threads"), ArchitectureTest::commonPoolCall);
    }

    @Test
    void theScanSeesCommonPoolCalls() throws IOException {
        Set<String> refs;
        try (InputStream in = ArchitectureTest.class.getResourceAsStream("ArchitectureTest$CommonPoolUser.class")) {
            refs = referencedClasses(in);
        }
        assertThat(refs.stream().filter(ArchitectureTest::commonPoolCall)).hasSize(2);
    }

    /** Uses the common pool twice (delayedExecutor, runAsync) and a given executor once, for the scan's test. */
    @SuppressWarnings("unused")
    private static final class CommonPoolUser {
        void use(java.util.concurrent.Executor given) {
            java.util.concurrent.CompletableFuture.delayedExecutor(1, java.util.concurrent.TimeUnit.SECONDS);
            java.util.concurrent.CompletableFuture.runAsync(() -> { });
            java.util.concurrent.CompletableFuture.runAsync(() -> { }, given);
        }
    }

    /** Package (internal name) → the other org.mqscope packages its classes refer to. */
    private static Map<String, Set<String>> packageGraph() {
        Map<String, Set<String>> graph = new TreeMap<>();
        dependencies.forEach((cls, deps) -> {
            Set<String> out = graph.computeIfAbsent(packageOf(cls), k -> new java.util.TreeSet<>());
            deps.stream().filter(d -> d.startsWith(ROOT) && !d.endsWith(CONSTRUCTED)).map(ArchitectureTest::packageOf)
                    .filter(p -> !p.equals(packageOf(cls))).forEach(out::add);
        });
        return graph;
    }

    /** Tarjan's strongly connected components: each set is a group of nodes that all reach each other. */
    static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new java.util.HashMap<>();
        Map<String, Integer> low = new java.util.HashMap<>();
        java.util.Deque<String> stack = new java.util.ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> result = new ArrayList<>();
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, onStack, result);
            }
        }
        return result;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, java.util.Deque<String> stack, Set<String> onStack,
                                List<Set<String>> result) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, result);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new java.util.TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            result.add(component);
        }
    }

    /** "org/mqscope/ui/charts" for a class anywhere under ui/charts; "" outside ui. */
    private static String topUiPackage(String className) {
        if (!inTree(className, UI)) {
            return "";
        }
        String rest = className.substring(UI.length() + 1);
        int slash = rest.indexOf('/');
        return slash < 0 ? UI : UI + "/" + rest.substring(0, slash);
    }

    /** The panel package a class belongs to, or null for the shared ui, the window, start-up and non-ui. */
    private static String panelOf(String className) {
        String top = topUiPackage(className);
        return top.isEmpty() || top.equals(UI) || UI_SHARED.contains(top) || top.equals(UI_APP)
                || top.equals(UI_WINDOW) ? null : top;
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
        int[] classNameIndex = new int[count];
        int[] methodClass = new int[count];
        int[] methodNameAndType = new int[count];
        int[] nameOf = new int[count];
        int[] typeOf = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> {
                    classNameIndex[i] = in.readUnsignedShort();
                    classIndexes.add(classNameIndex[i]);
                }
                case 10 -> { // Methodref: which constructors are called
                    methodClass[i] = in.readUnsignedShort();
                    methodNameAndType[i] = in.readUnsignedShort();
                }
                case 12 -> {
                    nameOf[i] = in.readUnsignedShort();
                    typeOf[i] = in.readUnsignedShort();
                }
                case 8 -> stringIndexes.add(in.readUnsignedShort());
                case 16, 19, 20 -> in.readUnsignedShort(); // MethodType, Module, Package
                case 15 -> in.skipBytes(3); // MethodHandle
                case 3, 4, 9, 11, 17, 18 -> in.readInt();
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
            if (methodClass[i] != 0 && "<init>".equals(utf8[nameOf[methodNameAndType[i]]])) {
                refs.add(utf8[classNameIndex[methodClass[i]]] + CONSTRUCTED);
            }
            if (methodClass[i] != 0 && FUTURE.equals(utf8[classNameIndex[methodClass[i]]])) {
                refs.add(FUTURE + CALL + utf8[nameOf[methodNameAndType[i]]] + utf8[typeOf[methodNameAndType[i]]]);
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
