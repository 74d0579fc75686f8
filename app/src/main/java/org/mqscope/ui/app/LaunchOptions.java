package org.mqscope.ui.app;

import org.mqscope.ui.core.Theme;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.window.ToolTab;
import org.mqscope.lessons.Lessons;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The parsed command line. Options that take a value accept both {@code --opt=value} and {@code --opt value}.
 *
 * @param mode       what to do: start the window, or print help or the version and exit
 * @param backend    the backend asked for; empty means the kernel where it starts, else the emulation
 * @param theme      the look and feel asked for; empty means the remembered one, else the system's
 * @param screenshot where to write a PNG of the main window before exiting; empty for a normal run
 * @param after      how long to wait, once the window has settled, before taking the screenshot
 * @param includeInDoubt with --recover: also send a message whose earlier send may or may not have happened
 * @param readOnly   start in read-only mode
 * @param demo       start on a seeded emulated namespace
 * @param tab        the tab below the message table to bring to the front (one of {@link #TABS}); empty: the first
 * @param filter     a filter expression for the message table (checked here); empty: none
 * @param lesson     a built-in lesson to open at its first step (one of {@link Lessons#BUILT_IN}); empty: none
 * @param presentation start in presentation mode
 */
public record LaunchOptions(Mode mode, Optional<BackendKind> backend, Optional<Theme> theme,
                            Optional<Path> screenshot, Duration after, boolean includeInDoubt, boolean readOnly,
                            boolean demo, Optional<ToolTab> tab, Optional<String> filter, Optional<String> lesson,
                            boolean presentation) {

    /** RECOVER: only put back what interrupted kernel peeks, moves and recreates left in their journals, then exit. */
    public enum Mode { RUN, HELP, VERSION, RECOVER }

    /** The tabs below the message table, by the name --tab takes. */
    public static final java.util.List<String> TABS = ToolTab.ids();

    public static final Duration DEFAULT_AFTER = Duration.ofMillis(300);
    /** Longer than anyone waits for a picture on purpose; catches a mistyped unit (seconds as minutes...). */
    static final Duration MAX_AFTER = Duration.ofMinutes(10);

    public LaunchOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(screenshot, "screenshot");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(tab, "tab");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(lesson, "lesson");
    }

    /** A normal start: automatic backend and theme, no screenshot. */
    public static LaunchOptions defaults() {
        return new LaunchOptions(Mode.RUN, Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_AFTER,
                false, false, false, Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    /** The backend to start on: the emulation for --demo, else the one asked for (empty: decide later). */
    public Optional<BackendKind> startBackend() {
        return demo ? Optional.of(BackendKind.EMULATED) : backend;
    }

    public static String usage() {
        return """
                Usage: mqscope [options]

                Desktop inspector for Linux POSIX message queues.

                Options:
                  --backend=kernel|emulated  which queues to show (default: the last one used;
                                             the kernel when it starts, else an emulation)
                  --demo                     start on an emulated namespace filled with example
                                             queues and messages
                  --read-only                never change a queue: no receive, purge, unlink or
                                             kernel peek, and no writable descriptor
                  --theme=light|dark         look and feel (default: the last one used, else the
                                             desktop's preference where it can be read)
                  --tab=NAME                 bring a tab to the front: message, send,
                                             attributes, charts, traffic, processes or timeline
                  --filter=EXPR              filter the message table, as typed in its filter bar
                                             (e.g. --filter='prio:>=5 $.customer.tier=gold')
                  --lesson=NAME              open a guided lesson at its first step: priority,
                                             blocking, notify, limits, unlink or peek
                  --presentation             start in presentation mode (large type, F11)
                  --screenshot FILE          render the main window to a PNG file and exit
                  --after MS                 with --screenshot: wait MS milliseconds after the
                                             window has settled (default: %d)
                  --recover                  put back (or send on) the messages that kernel peeks,
                                             moves and recreates interrupted by a crash left in
                                             their journals, then exit
                  --include-in-doubt         with --recover: also send a message whose send was
                                             under way at the crash and may already be back
                  --version                  print the version and exit
                  -h, --help                 print this help and exit
                """.formatted(DEFAULT_AFTER.toMillis());
    }

    /** Parses the arguments of {@code main}; the exception's message names what is wrong. */
    public static LaunchOptions parse(String... args) throws UsageException {
        Parser p = new Parser(args);
        p.run();
        if (p.after != null && p.screenshot == null) {
            throw new UsageException("--after only applies to --screenshot");
        }
        if (p.includeInDoubt && !p.recover) {
            throw new UsageException("--include-in-doubt only applies to --recover");
        }
        if (p.readOnly && p.recover) {
            throw new UsageException("--recover sends messages back into their queues, which --read-only forbids;"
                    + " run it without --read-only");
        }
        if (p.demo && p.backend == BackendKind.KERNEL) {
            throw new UsageException("--demo runs on the emulated backend, not on --backend=kernel");
        }
        Mode mode = p.help ? Mode.HELP : p.version ? Mode.VERSION : p.recover ? Mode.RECOVER : Mode.RUN;
        return new LaunchOptions(mode, Optional.ofNullable(p.backend), Optional.ofNullable(p.theme),
                Optional.ofNullable(p.screenshot), p.after != null ? p.after : DEFAULT_AFTER, p.includeInDoubt,
                p.readOnly, p.demo, Optional.ofNullable(p.tab), Optional.ofNullable(p.filter),
                Optional.ofNullable(p.lesson), p.presentation);
    }

    /** Mutable state of one parse; the record stays immutable. */
    private static final class Parser {
        private final String[] args;
        private int i;
        boolean help;
        boolean version;
        boolean recover;
        boolean includeInDoubt;
        boolean readOnly;
        boolean demo;
        BackendKind backend;
        Theme theme;
        Path screenshot;
        Duration after;
        ToolTab tab;
        String filter;
        String lesson;
        boolean presentation;

        Parser(String[] args) {
            this.args = Objects.requireNonNull(args, "args");
        }

        void run() throws UsageException {
            for (i = 0; i < args.length; i++) {
                String arg = args[i];
                int eq = arg.indexOf('=');
                String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
                String inlineValue = arg.startsWith("--") && eq > 0 ? arg.substring(eq + 1) : null;
                switch (name) {
                    case "-h", "--help" -> help = flag(name, inlineValue);
                    case "--version" -> version = flag(name, inlineValue);
                    case "--recover" -> recover = flag(name, inlineValue);
                    case "--include-in-doubt" -> includeInDoubt = flag(name, inlineValue);
                    case "--read-only" -> readOnly = flag(name, inlineValue);
                    case "--demo" -> demo = flag(name, inlineValue);
                    case "--backend" -> backend = backendValue(value(name, inlineValue));
                    case "--theme" -> theme = themeValue(value(name, inlineValue));
                    case "--screenshot" -> screenshot = pathValue(value(name, inlineValue));
                    case "--after" -> after = millisValue(value(name, inlineValue));
                    case "--tab" -> tab = tabValue(value(name, inlineValue));
                    case "--filter" -> filter = filterValue(value(name, inlineValue));
                    case "--lesson" -> lesson = lessonValue(value(name, inlineValue));
                    case "--presentation" -> presentation = flag(name, inlineValue);
                    default -> throw new UsageException(name.startsWith("-")
                            ? "unknown option '" + name + "'"
                            : "unexpected argument '" + arg + "' (mqscope takes options only)");
                }
            }
        }

        private static boolean flag(String name, String inlineValue) throws UsageException {
            if (inlineValue != null) {
                throw new UsageException("option '" + name + "' takes no value");
            }
            return true;
        }

        private String value(String name, String inlineValue) throws UsageException {
            if (inlineValue != null) {
                return inlineValue;
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new UsageException("option '" + name + "' needs a value");
            }
            return args[++i];
        }

        private static BackendKind backendValue(String v) throws UsageException {
            BackendKind k = BackendKind.byId(v);
            if (k == null) {
                throw new UsageException("--backend must be kernel or emulated, not '" + v + "'");
            }
            return k;
        }

        private static Theme themeValue(String v) throws UsageException {
            Theme t = Theme.byId(v);
            if (t == null) {
                throw new UsageException("--theme must be light or dark, not '" + v + "'");
            }
            return t;
        }

        private static ToolTab tabValue(String v) throws UsageException {
            return ToolTab.byName(v).orElseThrow(() -> new UsageException("--tab must be one of "
                    + String.join(", ", TABS) + ", not '" + v + "'"));
        }

        private static String filterValue(String v) throws UsageException {
            org.mqscope.find.Filter.Parse p = org.mqscope.find.Filter.parse(v);
            if (!p.ok()) {
                throw new UsageException("--filter '" + v + "': " + p.error().describe());
            }
            return v;
        }

        private static String lessonValue(String v) throws UsageException {
            if (!Lessons.BUILT_IN.contains(v)) {
                throw new UsageException("--lesson must be one of " + String.join(", ", Lessons.BUILT_IN) + ", not '"
                        + v + "' (a lesson file of your own opens with File → Open Lesson…)");
            }
            return v;
        }

        private static Path pathValue(String v) throws UsageException {
            if (v.isBlank()) {
                throw new UsageException("--screenshot needs a file name");
            }
            return Path.of(v);
        }

        private static Duration millisValue(String v) throws UsageException {
            long ms;
            try {
                ms = Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new UsageException("--after takes whole milliseconds, not '" + v + "'");
            }
            if (ms < 0 || ms > MAX_AFTER.toMillis()) {
                throw new UsageException("--after must be between 0 and " + MAX_AFTER.toMillis() + " ms, not " + ms);
            }
            return Duration.ofMillis(ms);
        }
    }
}
