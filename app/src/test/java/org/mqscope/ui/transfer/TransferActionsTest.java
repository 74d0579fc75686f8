package org.mqscope.ui.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.awt.AWTEvent;
import java.awt.Toolkit;
import java.awt.event.AWTEventListener;
import java.awt.event.WindowEvent;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JProgressBar;
import java.util.prefs.Preferences;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;
import org.mqscope.ui.core.BackendKind;
import org.mqscope.ui.core.IoExecutor;
import org.mqscope.ui.core.Components;
import org.mqscope.ui.core.Edt;
import org.mqscope.ui.core.QueueContext;
import org.mqscope.ui.core.TaskDialog;
import org.mqscope.ui.core.TaskProgress;

/**
 * Export, import, copy and move from the window's Queue menu, on an emulated namespace: the actions with their
 * questions answered by a stub, their progress window shown on a real display, and their outcome read from what
 * they tell the window (info or failure) and from the queues themselves.
 */
class TransferActionsTest {
    private static final long WAIT_SECONDS = 20;

    @TempDir
    Path dir;
    private MqBackend backend;
    /** What the actions use, when not {@link #backend} itself. */
    private MqBackend actionsBackend;
    private IoExecutor io;
    private JFrame frame;
    private final BlockingQueue<String> told = new LinkedBlockingQueue<>();
    private String queue = "/src";
    private boolean readOnly;
    private Path file;
    private String target;
    private TransferActions.Selection selection = TransferActions.Selection.NONE;
    private boolean moveAnswer;

    @BeforeEach
    void setUp() throws Exception {
        org.mqscope.Needs.display();
        backend = MqBackends.emulated();
        io = new IoExecutor();
        SwingUtilities.invokeAndWait(() -> frame = new JFrame("transfer test"));
        fill("/src", 8, 64, List.of(msg("one", 5), msg("two", 1), msg("three", 1)));
        file = dir.resolve("src.jsonl");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (io != null) {
            io.close();
        }
        if (frame != null) {
            SwingUtilities.invokeAndWait(frame::dispose);
        }
        if (backend != null) {
            backend.close();
        }
    }

    private static MqMessage msg(String text, int priority) {
        return new MqMessage(text.getBytes(StandardCharsets.UTF_8), priority);
    }

    private void fill(String name, long maxmsg, long msgsize, List<MqMessage> messages) throws MqException {
        try (MqQueue q = backend.open(name, Mq.O_CREAT | Mq.O_RDWR, 0640, MqAttributes.of(maxmsg, msgsize))) {
            for (MqMessage m : messages) {
                q.send(m.body(), m.priority());
            }
        }
    }

    private List<MqMessage> contents(String name) throws MqException {
        try (MqQueue q = backend.open(name, Mq.O_RDONLY)) {
            return q.snapshot().messages();
        }
    }

    private TransferActions actions() {
        TransferDialogs answers = new TransferDialogs() {
            @Override
            public Path exportFile(Component parent, String q) {
                return file;
            }

            @Override
            public Path importFile(Component parent, String q) {
                return file;
            }

            @Override
            public String targetQueue(Component parent, String title, List<String> candidates) {
                assertThat(candidates).doesNotContain(queue).contains(target);
                return target;
            }

            @Override
            public boolean confirm(Component parent, String title, String message, String confirmLabel) {
                told.add("confirm: " + title);
                return true;
            }

            @Override
            public boolean confirmSelectionMove(Component parent, String q, String t, int count,
                                                List<String> risks, boolean journaled) {
                assertThat(SwingUtilities.isEventDispatchThread()).isTrue();
                told.add("move question: " + count + " of " + q + " to " + t + (journaled ? ", journaled" : "")
                        + ", risks " + risks);
                return moveAnswer;
            }

            @Override
            public void tell(Component parent, String title, String message) {
                told.add("tell: " + message);
            }
        };
        return new TransferActions(new Context(), () -> selection, answers);
    }

    private String perform(java.util.function.Consumer<TransferActions> action) throws Exception {
        TransferActions a = actions();
        SwingUtilities.invokeAndWait(() -> action.accept(a));
        String first = told.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(first).as("the action told the window something").isNotNull();
        assertThat(io.awaitIdle(Duration.ofSeconds(WAIT_SECONDS))).isTrue();
        return first;
    }

    @Test
    void exportThenImportIntoAnotherQueueGivesTheSameMessagesInOrder() throws Exception {
        assertThat(perform(TransferActions::exportMessages)).startsWith("info: Exported 3 messages of /src to ")
                .endsWith("(exact peek).");
        fill("/dst", 8, 64, List.of());
        queue = "/dst";
        assertThat(perform(TransferActions::importMessages))
                .isEqualTo("info: Import into /dst: 3 of 3 messages were sent to /dst.");
        assertThat(contents("/dst")).isEqualTo(contents("/src"));
    }

    @Test
    void importIntoATooSmallQueueSendsNothingAndSaysWhy() throws Exception {
        perform(TransferActions::exportMessages);
        fill("/tiny", 2, 64, List.of());
        queue = "/tiny";
        assertThat(perform(TransferActions::importMessages)).startsWith("failed: Import of src.jsonl into /tiny: ")
                .contains("EAGAIN: 3 messages and /tiny has 2 free slots");
        assertThat(contents("/tiny")).isEmpty();
    }

    @Test
    void copyOfSelectedRowsLeavesTheSourceAsItWas() throws Exception {
        List<MqMessage> before = contents("/src");
        fill("/dst", 8, 64, List.of());
        target = "/dst";
        selection = new TransferActions.Selection(List.of(before.get(0), before.get(2)), new int[] {0, 2});
        assertThat(perform(a -> a.copySelected(false)))
                .isEqualTo("info: Copy to /dst: 2 of 2 messages were sent to /dst.");
        assertThat(contents("/dst")).containsExactly(before.get(0), before.get(2));
        assertThat(contents("/src")).isEqualTo(before);
    }

    @Test
    void aDropOnTheTreeCopiesWithoutAskingForTheTarget() throws Exception {
        List<MqMessage> before = contents("/src");
        fill("/dst", 8, 64, List.of());
        target = "/nowhere"; // the dialog would fail its check: a drop has chosen already
        selection = new TransferActions.Selection(List.of(before.get(1)), new int[] {1});
        assertThat(perform(a -> a.copySelectedTo(false, "/dst")))
                .isEqualTo("info: Copy to /dst: 1 of 1 messages were sent to /dst.");
        assertThat(contents("/dst")).containsExactly(before.get(1));
    }

    @Test
    void moveOfHeadRowsTakesThemFromTheHeadAfterTheUsualConfirmation() throws Exception {
        List<MqMessage> before = contents("/src");
        fill("/dst", 8, 64, List.of());
        target = "/dst";
        selection = new TransferActions.Selection(before.subList(0, 2), new int[] {0, 1});
        assertThat(perform(a -> a.copySelected(true))).isEqualTo("confirm: Move to /dst?");
        assertThat(told.poll(WAIT_SECONDS, TimeUnit.SECONDS))
                .isEqualTo("info: Moved 2 messages from /src to /dst.");
        assertThat(contents("/dst")).containsExactlyElementsOf(before.subList(0, 2));
        assertThat(contents("/src")).containsExactly(before.get(2));
    }

    @Test
    void moveOfRowsFromTheMiddleAsksWithTheRisksThenMovesThemKeepingTheRestInOrder() throws Exception {
        fill("/src", 8, 64, List.of(msg("four", 1)));
        List<MqMessage> before = contents("/src"); // one@5, two@1, three@1, four@1
        fill("/dst", 8, 64, List.of());
        target = "/dst";
        selection = new TransferActions.Selection(List.of(before.get(1), before.get(3)), new int[] {1, 3});
        // the emulation's peek is exact, so it knows of no risk; the kernel's question is in SelectionMoveGuiTest
        assertThat(perform(a -> a.copySelected(true))).isEqualTo("move question: 2 of /src to /dst, risks []");
        assertThat(contents("/src")).as("cancelled: nothing moved").isEqualTo(before);

        moveAnswer = true;
        assertThat(perform(a -> a.copySelected(true))).isEqualTo("move question: 2 of /src to /dst, risks []");
        assertThat(told.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("info: Moved 2 messages from /src to /dst.");
        assertThat(contents("/dst")).containsExactly(before.get(1), before.get(3));
        assertThat(contents("/src")).containsExactly(before.get(0), before.get(2));
    }

    @Test
    void cancelBeforeTheMoveOfRowsFromTheMiddleTookAnythingLeavesBothQueuesAsTheyWere() throws Exception {
        List<MqMessage> before = contents("/src");
        fill("/dst", 8, 64, List.of());
        target = "/dst";
        moveAnswer = true;
        selection = new TransferActions.Selection(List.of(before.get(1)), new int[] {1});
        java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
        TransferActions a = actions();
        SwingUtilities.invokeAndWait(() -> {
            // the long-work lane is busy, so the move waits in line and Cancel comes before it starts
            io.runSlow(() -> busy.await(WAIT_SECONDS, TimeUnit.SECONDS), x -> { }, x -> { });
            a.copySelected(true);
        });
        assertThat(told.poll(WAIT_SECONDS, TimeUnit.SECONDS)).startsWith("move question: 1 of /src to /dst");
        SwingUtilities.invokeAndWait(() -> {
            List<org.mqscope.ui.core.TaskProgress> tasks = io.tasks().running();
            assertThat(tasks).hasSize(1);
            assertThat(tasks.get(0).spec().isCancellable()).isTrue();
            tasks.get(0).cancel();
        });
        busy.countDown();
        assertThat(told.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("info: Moved 0 messages from /src to /dst."
                + " Stopped: cancelled before anything moved; the others are back in their places in /src.");
        assertThat(contents("/dst")).isEmpty();
        assertThat(contents("/src")).isEqualTo(before);
    }

    @Test
    void aMoveOfRowsThatChangedSinceThePeekIsRefusedAndMovesNothing() throws Exception {
        List<MqMessage> before = contents("/src");
        fill("/dst", 8, 64, List.of());
        target = "/dst";
        moveAnswer = true;
        selection = new TransferActions.Selection(List.of(before.get(2)), new int[] {2});
        try (MqQueue q = backend.open("/src", Mq.O_RDWR)) {
            q.receive(); // another program took the first message after the peek
        }
        assertThat(perform(a -> a.copySelected(true))).startsWith("move question: 1 of /src to /dst");
        assertThat(told.poll(WAIT_SECONDS, TimeUnit.SECONDS)).startsWith("failed: Move from /src to /dst: ")
                .contains("ESTALE");
        assertThat(contents("/dst")).isEmpty();
        assertThat(contents("/src")).containsExactlyElementsOf(before.subList(1, 3));
    }

    @Test
    void readOnlyModeAllowsOnlyTheExport() throws Exception {
        readOnly = true;
        fill("/dst", 8, 64, List.of());
        target = "/dst";
        selection = new TransferActions.Selection(contents("/src"), new int[] {0, 1, 2});
        TransferActions a = actions();
        SwingUtilities.invokeAndWait(() -> {
            a.importMessages();
            a.copySelected(false);
            a.copySelected(true);
        });
        moveAnswer = true;
        selection = new TransferActions.Selection(contents("/src").subList(1, 2), new int[] {1}); // from the middle
        SwingUtilities.invokeAndWait(() -> a.copySelected(true));
        assertThat(io.awaitIdle(Duration.ofSeconds(WAIT_SECONDS))).isTrue();
        assertThat(told).isEmpty();
        assertThat(contents("/dst")).isEmpty();
        assertThat(perform(TransferActions::exportMessages)).startsWith("info: Exported 3 messages");
    }

    @Test
    void cancelInTheProgressWindowStopsACopyMidwayAndSaysWhatWasCopied() throws Exception {
        List<MqMessage> eight = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            eight.add(msg("m" + i, 0));
        }
        fill("/big", 8, 64, eight);
        fill("/dst", 8, 64, List.of());
        queue = "/big";
        target = "/dst";
        selection = new TransferActions.Selection(eight, new int[] {0, 1, 2, 3, 4, 5, 6, 7});
        Semaphore sends = new Semaphore(3); // three sends go through, the fourth waits for the test
        MqBackend plain = backend;
        actionsBackend = gatedSends(plain, "/dst", sends);
        CountDownLatch opened = new CountDownLatch(1);
        AtomicReference<JDialog> shown = new AtomicReference<>();
        AWTEventListener windows = e -> {
            if (e.getID() == WindowEvent.WINDOW_OPENED && e.getSource() instanceof JDialog d
                    && TaskDialog.NAME.equals(d.getName())) {
                shown.set(d);
                opened.countDown();
            }
        };
        Toolkit.getDefaultToolkit().addAWTEventListener(windows, AWTEvent.WINDOW_EVENT_MASK);
        try {
            TransferActions a = actions();
            SwingUtilities.invokeAndWait(() -> a.copySelected(false));
            assertThat(opened.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the progress window opened").isTrue();
            JProgressBar bar = Components.find(shown.get(), "task.bar", JProgressBar.class);
            JButton cancel = Components.find(shown.get(), "task.cancel", JButton.class);
            CountDownLatch threeSent = new CountDownLatch(1);
            SwingUtilities.invokeAndWait(() -> {
                TaskProgress p = io.tasks().running().get(0);
                p.addListener(snap -> {
                    if (snap.done() == 3) {
                        threeSent.countDown();
                    }
                });
                if (p.snapshot().done() == 3) {
                    threeSent.countDown();
                }
            });
            assertThat(threeSent.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(Edt.call(bar::getString)).isEqualTo("3 of 8 messages sent");
            SwingUtilities.invokeAndWait(cancel::doClick);
            assertThat(Edt.call(bar::getString)).startsWith("Stopping…");
            assertThat(Edt.call(cancel::isEnabled)).isFalse();
            sends.release(8); // the fourth send, waiting for its permit, completes; then the copy stops
            assertThat(told.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("info: Copy to /dst cancelled: sent 4 of"
                    + " 8 messages; nothing lost (/big keeps all of them).");
            assertThat(io.awaitIdle(Duration.ofSeconds(WAIT_SECONDS))).isTrue();
            assertThat(Edt.call(shown.get()::isDisplayable)).as("the window closed").isFalse();
        } finally {
            Toolkit.getDefaultToolkit().removeAWTEventListener(windows);
        }
        assertThat(contents("/dst")).containsExactlyElementsOf(eight.subList(0, 4));
        assertThat(contents("/big")).isEqualTo(eight);
    }

    /** {@code backend}, except that each send to {@code queue} first takes a permit of {@code sends}. */
    private static MqBackend gatedSends(MqBackend backend, String queue, Semaphore sends) {
        return (MqBackend) Proxy.newProxyInstance(MqBackend.class.getClassLoader(), new Class<?>[] {MqBackend.class},
                (proxy, method, args) -> {
                    Object result = invoke(backend, method, args);
                    if (method.getName().equals("open") && queue.equals(args[0])) {
                        MqQueue q = (MqQueue) result;
                        return Proxy.newProxyInstance(MqQueue.class.getClassLoader(), new Class<?>[] {MqQueue.class},
                                (p2, m2, a2) -> {
                                    if (m2.getName().equals("send")) {
                                        sends.acquire();
                                    }
                                    return invoke(q, m2, a2);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The window as the actions see it; what they say goes to {@link #told}. */
    private final class Context implements QueueContext {
        @Override
        public IoExecutor io() {
            return io;
        }

        @Override
        public BackendKind kind() {
            return BackendKind.EMULATED;
        }

        @Override
        public MqBackend backend() {
            return actionsBackend != null ? actionsBackend : backend;
        }

        @Override
        public boolean readOnly() {
            return readOnly;
        }

        @Override
        public String queue() {
            return queue;
        }

        @Override
        public void selectQueue(String name) {
        }

        @Override
        public void queueChanged(String name) {
            assertThat(SwingUtilities.isEventDispatchThread()).isTrue();
        }

        @Override
        public void failed(String operation, Throwable failure) {
            told.add("failed: " + operation + ": " + failure.getMessage());
        }

        @Override
        public void info(String message) {
            told.add("info: " + message);
        }

        @Override
        public Component window() {
            return frame;
        }

        @Override
        public Preferences prefs(String panel) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void requestSamplePeriod(Object asker, Duration periodOrNull) {
        }
    }
}
