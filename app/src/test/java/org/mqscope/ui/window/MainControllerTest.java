package org.mqscope.ui.window;

import org.mqscope.ui.core.UiPrefs;
import org.mqscope.ui.core.ThreadCheckingRepaintManager;
import org.mqscope.ui.core.Theme;
import org.mqscope.ui.core.IoExecutor;
import org.mqscope.ui.core.Edt;
import org.mqscope.ui.core.Dialogs;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.BackendFactory;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.mqscope.monitor.SampleBatch;
import org.mqscope.ui.core.QueueView;
import java.util.List;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.ui.actions.ActionSet;
import org.mqscope.ui.actions.AppAction;
import org.mqscope.ui.detail.DetailPanel;
import org.mqscope.ui.messages.MessageTablePanel;
import org.mqscope.ui.notice.NoticeBar;
import org.mqscope.ui.queues.QueueTreePanel;
import org.mqscope.ui.status.StatusBar;
import org.mqscope.ui.toolbar.MainToolBar;

/** The controllers with real (lightweight, headless) panels and fake backends. */
class MainControllerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String MOUNT = "sudo mkdir -p /dev/mqueue && sudo mount -t mqueue none /dev/mqueue";

    private final IoExecutor io = new IoExecutor();
    private final FakeBackend kernel = new FakeBackend("kernel");
    private final FakeBackend emulated = new FakeBackend("emulated");
    /** What each kind's factory does: a backend, or the failure to throw. */
    private final Map<BackendKind, Object> outcomes = new EnumMap<>(BackendKind.class);
    private final Map<BackendKind, Integer> creations = new EnumMap<>(BackendKind.class);
    private final Preferences node = Preferences.userRoot().node("org/mqscope/test/" + UUID.randomUUID());
    private final UiPrefs prefs = new UiPrefs(node);

    private MainToolBar toolbar;
    private QueueTreePanel queues;
    private StatusBar status;
    private NoticeBar notice;
    private ActionSet actions;
    private MainController controller;
    private QueueTools tools;
    private boolean titleReadOnly;

    private static ThreadCheckingRepaintManager threadCheck;

    @BeforeAll
    static void theme() {
        Edt.run(Theme.LIGHT::install);
        threadCheck = ThreadCheckingRepaintManager.install();
    }

    @AfterAll
    static void removeThreadCheck() {
        ThreadCheckingRepaintManager.uninstall();
    }

    @BeforeEach
    void build() {
        outcomes.put(BackendKind.KERNEL, kernel);
        outcomes.put(BackendKind.EMULATED, emulated);
        BackendFactory factory = kind -> {
            creations.merge(kind, 1, Integer::sum);
            Object o = outcomes.get(kind);
            if (o instanceof Exception e) {
                throw e;
            }
            return (MqBackend) o;
        };
        Edt.run(() -> {
            queues = new QueueTreePanel();
            status = new StatusBar();
            notice = new NoticeBar();
            actions = new ActionSet(a -> { });
            toolbar = new MainToolBar(actions, kind -> controller.switchTo(kind));
            ViewFanOut followers = new ViewFanOut();
            controller = new MainController(io, factory, prefs, toolbar, queues, status, notice, actions,
                    on -> titleReadOnly = on, followers);
            MessageTablePanel table = new MessageTablePanel(io, node.node("find"));
            DetailPanel detail = new DetailPanel(actions.get(AppAction.COPY));
            InspectorController inspector = new InspectorController(io, controller, table, detail, notice, status,
                    actions, new Dialogs(), prefs, null);
            followers.add(inspector);
            tools = new QueueTools(io, controller, inspector, queues, notice, status, node, null, followers);
            followers.add(tools);
            queues.onQueueSelected(followers::queueSelected);
        });
    }

    @AfterEach
    void close() throws Exception {
        Edt.run(controller::close);
        settle();
        io.close();
        node.removeNode();
        assertThat(threadCheck.violations()).as("Swing touched off the EDT").isEmpty();
        threadCheck.clear();
    }

    private void settle() throws InterruptedException {
        assertThat(io.awaitIdle(WAIT)).as("mq-io settled").isTrue();
    }

    /** The sampler runs on its own thread: wait until the EDT sees what it published. */
    private void eventually(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Edt.call(condition)) {
            assertThat(System.nanoTime()).as("waited for the sampler").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private void start(Optional<BackendKind> requested) throws Exception {
        Edt.run(() -> controller.start(requested, false, null));
        settle();
    }

    @Test
    void withoutAChoiceTheKernelIsUsedAndItsQueuesSampledIntoTheTree() throws Exception {
        kernel.listing(FakeBackend.queue("/a", 0), FakeBackend.queue("/b", 640));
        start(Optional.empty());
        eventually(() -> queues.model().shownNames().size() == 2);
        Edt.run(() -> {
            assertThat(controller.currentKind()).isEqualTo(BackendKind.KERNEL);
            assertThat(toolbar.shownBackend()).isEqualTo(BackendKind.KERNEL);
            assertThat(status.backendText()).startsWith("Backend: kernel");
            assertThat(status.peekText())
                    .isEqualTo("Peek: exact where the BPF helper runs, else drain and restore (select a queue)");
            assertThat(status.queuesText()).isEqualTo("2 queues");
            assertThat(queues.model().shownNames()).containsExactly("/a", "/b");
            assertThat(queues.model().sampleOf("/b").qsize()).isEqualTo(640);
            assertThat(queues.model().sampleOf("/b").problem()).startsWith("EACCES");
            assertThat(notice.isVisible()).isFalse();
        });
        assertThat(kernel.listThread).as("the sampler's own thread, never the EDT").isEqualTo("mq-sampler");
        assertThat(creations).doesNotContainKey(BackendKind.EMULATED);
        assertThat(prefs.backend()).contains(BackendKind.KERNEL);
    }

    @Test
    void aPanelBuiltLateIsToldTheBackendTheModeTheSelectionAndTheLastPassAtOnce() throws Exception {
        kernel.listing(FakeBackend.queue("/a", 0), FakeBackend.queue("/b", 0));
        start(Optional.empty());
        eventually(() -> queues.model().shownNames().size() == 2);
        Edt.run(() -> {
            controller.setReadOnly(true);
            queues.select("/b");
        });
        settle();
        List<String> told = new ArrayList<>();
        Edt.run(() -> tools.add(new QueueView() {
            @Override
            public void backendChanged(BackendKind kind) {
                told.add("backend " + kind);
            }

            @Override
            public void readOnlyChanged(boolean readOnly) {
                told.add("read-only " + readOnly);
            }

            @Override
            public void queueSelected(String nameOrNull) {
                told.add("queue " + nameOrNull);
            }

            @Override
            public void sampled(SampleBatch batch) {
                told.add("pass of " + batch.queues().size());
            }
        }));
        assertThat(told).containsExactly("backend KERNEL", "read-only true", "queue /b", "pass of 2");
        eventually(() -> told.size() > 4);
        assertThat(told.get(4)).as("then it follows like the others").isEqualTo("pass of 2");
    }

    @Test
    void theLastBackendUsedIsTheDefaultNextTime() throws Exception {
        prefs.setBackend(BackendKind.EMULATED);
        start(Optional.empty());
        Edt.run(() -> assertThat(controller.currentKind()).isEqualTo(BackendKind.EMULATED));
        assertThat(creations).doesNotContainKey(BackendKind.KERNEL);
    }

    @Test
    void aKernelThatWillNotStartIsExplainedAndTheEmulationShown() throws Exception {
        outcomes.put(BackendKind.KERNEL, new MqException(Errno.ENOSYS, "mq_unlink", "/"));
        start(Optional.empty());
        eventually(() -> "0 queues".equals(status.queuesText()));
        Edt.run(() -> {
            assertThat(controller.currentKind()).isEqualTo(BackendKind.EMULATED);
            assertThat(toolbar.shownBackend()).isEqualTo(BackendKind.EMULATED);
            assertThat(status.backendText()).startsWith("Backend: emulated");
            assertThat(status.peekText()).isEqualTo("Peek: exact, live (~2 Hz)");
            assertThat(notice.isVisible()).isTrue();
            assertThat(notice.headlineText()).isEqualTo("The kernel backend did not start. "
                    + "ENOSYS: this kernel has no POSIX message queues (built without CONFIG_POSIX_MQUEUE)");
            assertThat(notice.detailText()).startsWith("mq_unlink /: ENOSYS (Function not implemented)\n")
                    .contains("Showing the emulated backend instead");
            assertThat(queues.model().hintUnder(BackendKind.EMULATED).text())
                    .isEqualTo(BackendKind.EMULATED.emptyText());
        });
    }

    @Test
    void aFailedSwitchKeepsTheBackendInUse() throws Exception {
        emulated.listing(FakeBackend.queue("/e", 1));
        outcomes.put(BackendKind.KERNEL, new MqException(Errno.EACCES, "mq_open", "/"));
        start(Optional.of(BackendKind.EMULATED));
        Edt.run(() -> controller.switchTo(BackendKind.KERNEL));
        settle();
        eventually(() -> queues.model().shownNames().contains("/e"));
        Edt.run(() -> {
            assertThat(controller.currentKind()).isEqualTo(BackendKind.EMULATED);
            assertThat(toolbar.shownBackend()).isEqualTo(BackendKind.EMULATED);
            assertThat(notice.headlineText()).startsWith("The kernel backend did not start. EACCES: ");
            assertThat(notice.detailText()).endsWith("Still showing the emulated backend.");
        });
    }

    @Test
    void switchingBackFindsTheSameBackendAgainAndTheTreeFollows() throws Exception {
        kernel.listing(FakeBackend.queue("/k", 0));
        emulated.listing(FakeBackend.queue("/e", 0));
        start(Optional.of(BackendKind.EMULATED));
        eventually(() -> queues.model().shownNames().equals(java.util.List.of("/e")));
        Edt.run(() -> controller.switchTo(BackendKind.KERNEL));
        settle();
        eventually(() -> queues.model().shownNames().equals(java.util.List.of("/k")));
        Edt.run(() -> assertThat(queues.model().hintUnder(BackendKind.EMULATED).text()).contains("Not in use"));
        Edt.run(() -> controller.switchTo(BackendKind.EMULATED));
        settle();
        eventually(() -> queues.model().shownNames().equals(java.util.List.of("/e")));
        Edt.run(() -> assertThat(status.backendText()).startsWith("Backend: emulated"));
        assertThat(creations).containsEntry(BackendKind.EMULATED, 1).containsEntry(BackendKind.KERNEL, 1);
    }

    @Test
    void aFailingListShowsTheErrnoInWordsAndTheMountCommand() throws Exception {
        kernel.failingList(new MqException(Errno.ENODEV, "list", null, "/dev/mqueue is not mounted: " + MOUNT));
        start(Optional.empty());
        eventually(() -> "queues unavailable".equals(status.queuesText()));
        Edt.run(() -> {
            assertThat(controller.currentKind()).isEqualTo(BackendKind.KERNEL);
            assertThat(queues.model().shownNames()).isEmpty();
            assertThat(queues.model().hintUnder(BackendKind.KERNEL).problem()).isTrue();
            assertThat(queues.model().hintUnder(BackendKind.KERNEL).text())
                    .isEqualTo("Cannot list the queues: ENODEV: the mqueue file system is not available here");
            assertThat(queues.problemView().isVisible()).isTrue();
            assertThat(queues.problemView().detailText()).endsWith(MOUNT);
            assertThat(queues.problemView().callText()).isEqualTo("list: ENODEV (No such device)");
        });
    }

    @Test
    void readOnlyModeWrapsTheBackendAndDisablesDestructiveActions() throws Exception {
        emulated.listing(FakeBackend.queue("/e", 0));
        Edt.run(() -> controller.start(Optional.of(BackendKind.EMULATED), false, null));
        settle();
        Edt.run(() -> {
            controller.setReadOnly(true); // turned on in the window: it can be turned off again
            assertThat(titleReadOnly).isTrue();
            assertThat(controller.backend()).isInstanceOf(org.mqscope.mq.ReadOnlyBackend.class);
            assertThat(status.backendText()).endsWith("· read only");
            assertThat(actions.state().readOnly()).isTrue();
            controller.setReadOnly(false);
            assertThat(titleReadOnly).isFalse();
            assertThat(controller.backend()).isSameAs(emulated);
            assertThat(actions.state().readOnly()).isFalse();
        });
    }

    /** A kernel stand-in whose recovery finds one journal and restores it in full, as the real one reports it. */
    private MqBackend recoveringKernel(java.util.concurrent.atomic.AtomicInteger recoveries, int pending) {
        return (MqBackend) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MqBackend.class, org.mqscope.mq.JournalRecovery.class}, (proxy, method, args) ->
                        switch (method.getName()) {
                            case "recover" -> {
                                recoveries.incrementAndGet();
                                yield new org.mqscope.mq.RecoveryReport(java.util.List.of(
                                        new org.mqscope.mq.RecoveryReport.Entry("/j/1",
                                                org.mqscope.mq.RecoveryReport.Origin.peek("/orders"), "/orders", 12, 0,
                                                null)));
                            }
                            case "pendingJournals" -> pending;
                            case "id" -> "kernel";
                            default -> method.invoke(kernel, args);
                        });
    }

    @Test
    void atStartTheKernelRestoresWhatInterruptedPeeksLeftAndSaysSo() throws Exception {
        java.util.concurrent.atomic.AtomicInteger recoveries = new java.util.concurrent.atomic.AtomicInteger();
        outcomes.put(BackendKind.KERNEL, recoveringKernel(recoveries, 1));
        start(Optional.of(BackendKind.KERNEL));
        assertThat(recoveries.get()).isEqualTo(1);
        Edt.run(() -> {
            assertThat(notice.headlineText()).isEqualTo("Restored messages kept in journals.");
            assertThat(notice.detailText()).isEqualTo("Restored 12 messages into /orders from the journal of a peek of "
                    + "/orders.");
            assertThat(notice.warning()).isFalse();
        });
    }

    @Test
    void inReadOnlyModeNothingIsRestoredButTheWaitingJournalsAreCounted() throws Exception {
        java.util.concurrent.atomic.AtomicInteger recoveries = new java.util.concurrent.atomic.AtomicInteger();
        outcomes.put(BackendKind.KERNEL, recoveringKernel(recoveries, 2));
        Edt.run(() -> controller.start(Optional.of(BackendKind.KERNEL), true, null));
        settle();
        assertThat(recoveries.get()).isZero();
        Edt.run(() -> {
            assertThat(notice.headlineText()).isEqualTo("2 journals of kernel peeks, moves or recreates hold messages "
                    + "to be restored.");
            assertThat(notice.detailText()).contains("mqscope --recover", "leave read-only mode");
            controller.setReadOnly(false);
            assertThat(controller.readOnly()).as("started read-only: locked").isTrue();
        });
        settle();
        assertThat(recoveries.get()).isZero();
    }

    @Test
    void leavingReadOnlyModeTurnedOnInTheWindowRestoresTheJournals() throws Exception {
        java.util.concurrent.atomic.AtomicInteger recoveries = new java.util.concurrent.atomic.AtomicInteger();
        outcomes.put(BackendKind.KERNEL, recoveringKernel(recoveries, 2));
        start(Optional.of(BackendKind.KERNEL));
        assertThat(recoveries.get()).as("at start").isEqualTo(1);
        Edt.run(() -> controller.setReadOnly(true));
        settle();
        assertThat(recoveries.get()).isEqualTo(1);
        Edt.run(() -> controller.setReadOnly(false));
        settle();
        assertThat(recoveries.get()).as("leaving read-only mode restores them").isEqualTo(2);
    }

    @Test
    void withNoBackendAtAllTheWindowSaysWhyForBoth() throws Exception {
        outcomes.put(BackendKind.KERNEL, new MqException(Errno.ENOSYS, "mq_unlink", "/"));
        outcomes.put(BackendKind.EMULATED, new IllegalStateException("no emulated backend on the class path"));
        start(Optional.empty());
        Edt.run(() -> {
            assertThat(controller.currentKind()).isNull();
            assertThat(toolbar.shownBackend()).isNull();
            assertThat(status.backendText()).isEqualTo("No backend: No emulated backend on the class path");
            assertThat(notice.headlineText())
                    .isEqualTo("No backend could start. No emulated backend on the class path");
            assertThat(notice.detailText()).contains("ENOSYS", "The emulated backend did not start.");
            assertThat(queues.problemView().headlineText())
                    .isEqualTo("No backend: No emulated backend on the class path");
        });
    }

    @Test
    void closingClosesEveryBackendStartedOnMqIo() throws Exception {
        start(Optional.of(BackendKind.EMULATED));
        Edt.run(() -> controller.switchTo(BackendKind.KERNEL));
        settle();
        Edt.run(controller::close);
        settle();
        assertThat(kernel.closeCalls.get()).isEqualTo(1);
        assertThat(emulated.closeCalls.get()).isEqualTo(1);
    }
}
