package org.mqscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javax.swing.AbstractAction;
import java.awt.event.ActionEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqException;
import org.mqscope.ui.notice.NoticeBar;
import org.mqscope.ui.queues.QueueListPanelProbe;
import org.mqscope.ui.queues.QueueListPanel;
import org.mqscope.ui.status.StatusBar;
import org.mqscope.ui.toolbar.MainToolBar;

/** The controller with real (lightweight, headless) panels and fake backends. */
class MainControllerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String MOUNT = "sudo mkdir -p /dev/mqueue && sudo mount -t mqueue none /dev/mqueue";

    private final IoExecutor io = new IoExecutor();
    private final FakeBackend kernel = new FakeBackend("kernel");
    private final FakeBackend emulated = new FakeBackend("emulated");
    /** What each kind's factory does: a backend, or the failure to throw. */
    private final Map<BackendKind, Object> outcomes = new EnumMap<>(BackendKind.class);
    private final Map<BackendKind, Integer> creations = new EnumMap<>(BackendKind.class);

    private MainToolBar toolbar;
    private QueueListPanel queues;
    private StatusBar status;
    private NoticeBar notice;
    private MainController controller;

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
            queues = new QueueListPanel();
            status = new StatusBar();
            notice = new NoticeBar();
            toolbar = new MainToolBar(new AbstractAction("Refresh") {
                @Override
                public void actionPerformed(ActionEvent e) {
                    controller.refresh();
                }
            }, kind -> controller.switchTo(kind));
            controller = new MainController(io, factory, toolbar, queues, status, notice);
        });
    }

    @AfterEach
    void close() {
        io.close();
        assertThat(threadCheck.violations()).as("Swing touched off the EDT").isEmpty();
        threadCheck.clear();
    }

    private void settle() throws InterruptedException {
        assertThat(io.awaitIdle(WAIT)).as("mq-io settled").isTrue();
    }

    private void start(Optional<BackendKind> requested) throws InterruptedException {
        Edt.run(() -> controller.start(requested));
        settle();
    }

    @Test
    void withoutAChoiceTheKernelIsUsedAndItsQueuesListedOnMqIo() throws InterruptedException {
        kernel.listing(FakeBackend.queue("/a", 0), FakeBackend.queue("/b", 640));
        start(Optional.empty());
        Edt.run(() -> {
            assertThat(controller.currentKind()).isEqualTo(BackendKind.KERNEL);
            assertThat(toolbar.shownBackend()).isEqualTo(BackendKind.KERNEL);
            assertThat(status.backendText()).startsWith("Backend: kernel");
            assertThat(status.queuesText()).isEqualTo("2 queues");
            assertThat(queues.model().queues()).extracting(q -> q.name()).containsExactly("/a", "/b");
            assertThat(notice.isVisible()).isFalse();
        });
        assertThat(kernel.listThread).isEqualTo(IoExecutor.THREAD_NAME);
        assertThat(creations).doesNotContainKey(BackendKind.EMULATED);
    }

    @Test
    void aKernelThatWillNotStartIsExplainedAndTheEmulationShown() throws InterruptedException {
        outcomes.put(BackendKind.KERNEL, new MqException(Errno.ENOSYS, "mq_unlink", "/"));
        start(Optional.empty());
        Edt.run(() -> {
            assertThat(controller.currentKind()).isEqualTo(BackendKind.EMULATED);
            assertThat(toolbar.shownBackend()).isEqualTo(BackendKind.EMULATED);
            assertThat(status.backendText()).startsWith("Backend: emulated");
            assertThat(notice.isVisible()).isTrue();
            assertThat(notice.headlineText()).isEqualTo("The kernel backend did not start. "
                    + "ENOSYS: this kernel has no POSIX message queues (built without CONFIG_POSIX_MQUEUE)");
            assertThat(notice.detailText()).startsWith("mq_unlink /: ENOSYS (Function not implemented)\n")
                    .contains("Showing the emulated backend instead");
            assertThat(status.queuesText()).isEqualTo("0 queues");
        });
    }

    @Test
    void aKernelAskedForByNameAlsoFallsBackRatherThanLeavingTheWindowEmpty() throws InterruptedException {
        outcomes.put(BackendKind.KERNEL, new IllegalStateException("no kernel backend on the class path"));
        start(Optional.of(BackendKind.KERNEL));
        Edt.run(() -> {
            assertThat(controller.currentKind()).isEqualTo(BackendKind.EMULATED);
            assertThat(notice.headlineText())
                    .isEqualTo("The kernel backend did not start. No kernel backend on the class path");
        });
    }

    @Test
    void aFailedSwitchKeepsTheBackendInUse() throws InterruptedException {
        emulated.listing(FakeBackend.queue("/e", 1));
        outcomes.put(BackendKind.KERNEL, new MqException(Errno.EACCES, "mq_open", "/"));
        start(Optional.of(BackendKind.EMULATED));
        Edt.run(() -> controller.switchTo(BackendKind.KERNEL));
        settle();
        Edt.run(() -> {
            assertThat(controller.currentKind()).isEqualTo(BackendKind.EMULATED);
            assertThat(toolbar.shownBackend()).isEqualTo(BackendKind.EMULATED);
            assertThat(notice.headlineText()).startsWith("The kernel backend did not start. EACCES: ");
            assertThat(notice.detailText()).endsWith("Still showing the emulated backend.");
            assertThat(queues.model().queues()).extracting(q -> q.name()).containsExactly("/e");
        });
    }

    @Test
    void switchingBackFindsTheSameBackendAgain() throws InterruptedException {
        kernel.listing(FakeBackend.queue("/k", 0));
        emulated.listing(FakeBackend.queue("/e", 0));
        start(Optional.of(BackendKind.EMULATED));
        Edt.run(() -> controller.switchTo(BackendKind.KERNEL));
        settle();
        Edt.run(() -> assertThat(queues.model().queues()).extracting(q -> q.name()).containsExactly("/k"));
        Edt.run(() -> controller.switchTo(BackendKind.EMULATED));
        settle();
        Edt.run(() -> {
            assertThat(controller.currentKind()).isEqualTo(BackendKind.EMULATED);
            assertThat(status.backendText()).startsWith("Backend: emulated");
            assertThat(queues.model().queues()).extracting(q -> q.name()).containsExactly("/e");
        });
        assertThat(creations).containsEntry(BackendKind.EMULATED, 1).containsEntry(BackendKind.KERNEL, 1);
    }

    @Test
    void aFailingListShowsTheErrnoInWordsAndTheBackendsAdvice() throws InterruptedException {
        kernel.failingList(new MqException(Errno.ENODEV, "list", null, "/dev/mqueue is not mounted: " + MOUNT));
        start(Optional.empty());
        Edt.run(() -> {
            assertThat(controller.currentKind()).isEqualTo(BackendKind.KERNEL);
            assertThat(status.queuesText()).isEqualTo("queues unavailable");
            assertThat(queues.model().getRowCount()).isZero();
        });
        // The panel's own test checks what it shows; here only that the advice reached it.
        assertThat(QueueListPanelProbe.detail(queues)).contains(MOUNT);
        assertThat(QueueListPanelProbe.headline(queues))
                .isEqualTo("Cannot list the queues: ENODEV: the mqueue file system is not available here");
    }

    @Test
    void refreshListsAgain() throws InterruptedException {
        kernel.listing(FakeBackend.queue("/a", 0));
        start(Optional.empty());
        kernel.listing(FakeBackend.queue("/a", 0), FakeBackend.queue("/new", 8));
        Edt.run(controller::refresh);
        settle();
        Edt.run(() -> assertThat(queues.model().queues()).extracting(q -> q.qsize()).containsExactly(0L, 8L));
        assertThat(kernel.listCalls.get()).isEqualTo(2);
    }

    @Test
    void withNoBackendAtAllTheWindowSaysWhyForBoth() throws InterruptedException {
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
        });
        assertThat(QueueListPanelProbe.headline(queues))
                .isEqualTo("No backend: No emulated backend on the class path");
    }

    @Test
    void closingClosesEveryBackendStartedOnMqIo() throws InterruptedException {
        start(Optional.of(BackendKind.EMULATED));
        Edt.run(() -> controller.switchTo(BackendKind.KERNEL));
        settle();
        Edt.run(controller::close);
        settle();
        assertThat(kernel.closeCalls.get()).isEqualTo(1);
        assertThat(emulated.closeCalls.get()).isEqualTo(1);
    }
}
