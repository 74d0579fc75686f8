package org.mqscope.ui.app;

import org.mqscope.ui.window.ToolTab;
import org.mqscope.ui.core.Theme;
import org.mqscope.ui.core.BackendKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mqscope.ui.app.LaunchOptions.Mode;

class LaunchOptionsTest {

    private static void assertUsageError(String expectedMessage, String... args) {
        assertThatThrownBy(() -> LaunchOptions.parse(args))
                .isInstanceOf(UsageException.class)
                .hasMessage(expectedMessage);
    }

    @Test
    void noArgumentsStartTheWindowWithTheAutomaticBackendAndTheme() throws UsageException {
        LaunchOptions o = LaunchOptions.parse();
        assertThat(o).isEqualTo(LaunchOptions.defaults());
        assertThat(o.mode()).isEqualTo(Mode.RUN);
        assertThat(o.backend()).isEmpty();
        assertThat(o.theme()).as("remembered or the desktop's, decided at start").isEmpty();
        assertThat(o.screenshot()).isEmpty();
        assertThat(o.readOnly()).isFalse();
        assertThat(o.demo()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"--backend=kernel, KERNEL", "--backend=emulated, EMULATED"})
    void backendWithEquals(String arg, BackendKind expected) throws UsageException {
        assertThat(LaunchOptions.parse(arg).backend()).contains(expected);
    }

    @Test
    void valueOptionsAlsoTakeTheirValueFromTheNextArgument() throws UsageException {
        LaunchOptions o = LaunchOptions.parse("--backend", "emulated", "--theme", "dark",
                "--screenshot", "out/shot.png", "--after", "1500");
        assertThat(o.backend()).contains(BackendKind.EMULATED);
        assertThat(o.theme()).contains(Theme.DARK);
        assertThat(o.screenshot()).contains(Path.of("out/shot.png"));
        assertThat(o.after()).isEqualTo(Duration.ofMillis(1500));
        assertThat(o.mode()).isEqualTo(Mode.RUN);
    }

    @Test
    void screenshotWithoutAfterWaitsTheDefault() throws UsageException {
        LaunchOptions o = LaunchOptions.parse("--screenshot=a.png", "--theme=dark");
        assertThat(o.screenshot()).contains(Path.of("a.png"));
        assertThat(o.after()).isEqualTo(LaunchOptions.DEFAULT_AFTER);
        assertThat(o.theme()).contains(Theme.DARK);
    }

    @Test
    void demoStartsOnTheEmulationAndReadOnlyIsAFlag() throws UsageException {
        LaunchOptions o = LaunchOptions.parse("--demo", "--read-only");
        assertThat(o.demo()).isTrue();
        assertThat(o.readOnly()).isTrue();
        assertThat(o.startBackend()).contains(BackendKind.EMULATED);
        assertThat(LaunchOptions.parse("--backend=kernel").startBackend()).contains(BackendKind.KERNEL);
        assertUsageError("--demo runs on the emulated backend, not on --backend=kernel", "--demo",
                "--backend=kernel");
        assertUsageError("option '--read-only' takes no value", "--read-only=yes");
    }

    @Test
    void versionAndHelpAreModes() throws UsageException {
        assertThat(LaunchOptions.parse("--version").mode()).isEqualTo(Mode.VERSION);
        assertThat(LaunchOptions.parse("--help").mode()).isEqualTo(Mode.HELP);
        assertThat(LaunchOptions.parse("-h").mode()).isEqualTo(Mode.HELP);
        assertThat(LaunchOptions.parse("--version", "--help").mode()).isEqualTo(Mode.HELP);
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertUsageError("unknown option '--bogus'", "--bogus");
        assertUsageError("unknown option '--colour'", "--theme=dark", "--colour=red");
        assertUsageError("unknown option '-x'", "-x");
    }

    @Test
    void aBareArgumentIsRejected() {
        assertUsageError("unexpected argument 'orders' (mqscope takes options only)", "orders");
    }

    @Test
    void badValuesAreNamed() {
        assertUsageError("--backend must be kernel or emulated, not 'posix'", "--backend=posix");
        assertUsageError("--backend must be kernel or emulated, not ''", "--backend=");
        assertUsageError("--theme must be light or dark, not 'blue'", "--theme", "blue");
        assertUsageError("--after takes whole milliseconds, not '1.5s'", "--screenshot", "a.png", "--after=1.5s");
        assertUsageError("--after must be between 0 and 600000 ms, not -1", "--screenshot=a.png", "--after", "-1");
        assertUsageError("--screenshot needs a file name", "--screenshot=");
    }

    @Test
    void aMissingValueIsNamed() {
        assertUsageError("option '--screenshot' needs a value", "--screenshot");
        assertUsageError("option '--theme' needs a value", "--theme", "--version");
    }

    @Test
    void flagsTakeNoValue() {
        assertUsageError("option '--version' takes no value", "--version=2");
    }

    @Test
    void afterWithoutScreenshotIsAMistake() {
        assertUsageError("--after only applies to --screenshot", "--after=100");
    }

    @Test
    void theRecordRefusesNulls() {
        assertThatThrownBy(() -> new LaunchOptions(Mode.RUN, null, Optional.of(Theme.LIGHT), Optional.empty(), Duration.ZERO, false, false, false, Optional.empty(), Optional.empty(), Optional.empty(), false))
                .isInstanceOf(NullPointerException.class).hasMessage("backend");
    }

    @Test
    void usageListsEveryOption() {
        assertThat(LaunchOptions.usage()).contains("--backend=kernel|emulated", "--theme=light|dark",
                "--screenshot FILE", "--after MS", "--version", "--help");
    }

    @Test
    void tabPicksATabBelowTheTableInAnyCaseAndRefusesOthers() throws UsageException {
        assertThat(LaunchOptions.parse(new String[] {"--tab=Charts"}).tab()).contains(ToolTab.CHARTS);
        assertThat(LaunchOptions.parse(new String[] {"--tab", "send"}).tab()).contains(ToolTab.SEND);
        assertThat(LaunchOptions.parse(new String[0]).tab()).isEmpty();
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--tab=graphs"}))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--tab must be one of message, send, attributes, charts, traffic, processes, "
                        + "timeline, not 'graphs'");
        assertThat(LaunchOptions.parse(new String[] {"--tab=processes"}).tab()).contains(ToolTab.PROCESSES);
    }

    @Test
    void filterIsCheckedWhenParsedAndKeptAsTyped() throws UsageException {
        assertThat(LaunchOptions.parse(new String[] {"--filter=prio:>=5 $.customer.tier=gold"}).filter())
                .contains("prio:>=5 $.customer.tier=gold");
        assertThat(LaunchOptions.parse(new String[] {"--filter", "-cancelled"}).filter()).contains("-cancelled");
        assertThat(LaunchOptions.parse(new String[0]).filter()).isEmpty();
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--filter=order prio:x"}))
                .isInstanceOf(UsageException.class)
                .hasMessage("--filter 'order prio:x': column 12: prio: needs a priority (9), a comparison (>=5, <3) "
                        + "or a range (1..4), not 'x'");
        assertThat(LaunchOptions.usage()).contains("--filter=EXPR");
    }

    @Test
    void lessonTakesABuiltInLessonAndPresentationIsAFlag() throws Exception {
        LaunchOptions o = LaunchOptions.parse("--lesson=notify", "--presentation", "--tab=timeline");
        assertThat(o.lesson()).contains("notify");
        assertThat(o.presentation()).isTrue();
        assertThat(o.tab()).contains(ToolTab.TIMELINE);
        assertThat(LaunchOptions.parse("--lesson", "peek").lesson()).contains("peek");
        assertThat(LaunchOptions.defaults().lesson()).isEmpty();
        assertThat(LaunchOptions.defaults().presentation()).isFalse();
        assertThatThrownBy(() -> LaunchOptions.parse("--lesson=semaphores"))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--lesson must be one of priority, blocking, notify, limits, unlink, peek, "
                        + "not 'semaphores'");
        assertThatThrownBy(() -> LaunchOptions.parse("--presentation=yes"))
                .hasMessage("option '--presentation' takes no value");
    }
}
