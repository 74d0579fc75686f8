package org.mqscope.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqLimits;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.MqQueue;

/** Message files: round trips of every kind of body, errors that name their line, imports checked before sending. */
class MessageFilesTest {
    private static final int MAX = (int) Mq.HARD_MSGSIZEMAX;
    private final MqBackend backend = MqBackends.emulated(MqLimits.LINUX_DEFAULTS.withMsgsizeMax(MAX)
            .withRlimitMsgqueue(MqLimits.RLIM_INFINITY));

    @AfterEach
    void close() {
        backend.close();
    }

    private static String write(MessageFile f) throws Exception {
        StringWriter w = new StringWriter();
        MessageFiles.write(w, f.header(), f.messages());
        return w.toString();
    }

    private void fill(String name, long maxmsg, long msgsize, List<MqMessage> messages) throws MqException {
        try (MqQueue q = backend.open(name, Mq.O_CREAT | Mq.O_RDWR, 0640, MqAttributes.of(maxmsg, msgsize))) {
            for (MqMessage m : messages) {
                q.send(m.body(), m.priority());
            }
        }
    }

    @Test
    void exportImportIntoAFreshQueueExportGivesTheSameFileButForTheTime() throws Exception {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        byte[] invalidUtf8 = {'a', (byte) 0xc3, (byte) 0x28, 'b'}; // 0xc3 0x28: a broken two-byte sequence
        byte[] largest = new byte[MAX];
        new Random(7).nextBytes(largest);
        List<MqMessage> messages = List.of(new MqMessage("text ünïcödé €".getBytes(StandardCharsets.UTF_8), 3),
                new MqMessage(new byte[0], 3), new MqMessage(binary, 1), new MqMessage(invalidUtf8, 0),
                new MqMessage("tab\tand\nnewline".getBytes(StandardCharsets.UTF_8), 32767),
                new MqMessage(largest, 0));
        fill("/src", 10, MAX, messages);

        String first = write(Copier.export(backend, "/src", false, n -> { }));
        MessageFile read = MessageFiles.read(new StringReader(first));
        backend.open("/fresh", Mq.O_CREAT | Mq.O_RDWR, 0640, MqAttributes.of(10, MAX)).close();
        Importer.Result r = Importer.send(backend, "/fresh", read, (d, t) -> { }, () -> false);
        assertThat(r.complete()).isTrue();
        String second = write(Copier.export(backend, "/fresh", false, n -> { }));

        String timeless = "\"time\":\"[^\"]+\"";
        assertThat(second.replaceFirst(timeless, "").replace("/fresh", "/src"))
                .isEqualTo(first.replaceFirst(timeless, ""));
        List<MqMessage> back = MessageFiles.read(new StringReader(second)).messages();
        assertThat(back).hasSize(6).containsExactlyInAnyOrderElementsOf(messages);
        assertThat(first.lines().skip(1).map(l -> l.contains("\"encoding\":\"base64\"")).toList())
                .as("text where printable UTF-8 (and the empty body), else base64; in receive order")
                .containsExactly(false, false, false, true, true, true);
        assertThat(first.lines().skip(1).toList().get(2)).contains("\"body\":\"\"");
    }

    @Test
    void aMalformedLineIsNamedByItsNumber() throws Exception {
        List<MqMessage> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(new MqMessage(("m" + i).getBytes(StandardCharsets.UTF_8), 0));
        }
        fill("/twenty", 10, 64, many.subList(0, 10));
        MessageFile f = Copier.export(backend, "/twenty", false, n -> { });
        List<String> lines = new ArrayList<>(write(MessageFile.of(new MessageFileHeader("/twenty", 10, 64, 20, 0640,
                f.header().time(), "exact peek", 20), many)).lines().toList());
        lines.set(16, "{\"priority\":0,\"size\":2,\"encoding\":\"utf-8\",\"body\":\"m1"); // line 17, cut short
        String broken = String.join("\n", lines) + "\n";
        assertThatThrownBy(() -> MessageFiles.read(new StringReader(broken)))
                .isInstanceOf(MessageFileException.class)
                .hasMessageStartingWith("line 17: not valid JSON")
                .satisfies(e -> assertThat(((MessageFileException) e).line()).isEqualTo(17));

        lines.set(16, "{\"priority\":40000,\"size\":2,\"encoding\":\"utf-8\",\"body\":\"m1\"}");
        assertThatThrownBy(() -> MessageFiles.read(new StringReader(String.join("\n", lines))))
                .hasMessage("line 17: priority 40000 is outside 0..32767 (mq_send would fail with EINVAL)");
        lines.set(16, "{\"priority\":1,\"size\":3,\"encoding\":\"utf-8\",\"body\":\"m1\"}");
        assertThatThrownBy(() -> MessageFiles.read(new StringReader(String.join("\n", lines))))
                .hasMessage("line 17: \"size\" is 3 but the body holds 2 bytes");
        lines.set(16, "{\"priority\":1,\"size\":2,\"encoding\":\"rot13\",\"body\":\"m1\"}");
        assertThatThrownBy(() -> MessageFiles.read(new StringReader(String.join("\n", lines))))
                .hasMessageStartingWith("line 17: \"encoding\" must be");
        assertThatThrownBy(() -> MessageFiles.read(new StringReader(String.join("\n", lines.subList(0, 10)))))
                .hasMessageContaining("the header says 20 messages, the file holds 9");
        assertThatThrownBy(() -> MessageFiles.read(new StringReader("{\"format\":\"other\"}\n")))
                .hasMessageStartingWith("line 1: not an mqscope message file");
    }

    @Test
    void importIntoATooSmallQueueRefusesBeforeSendingAnything() throws Exception {
        List<MqMessage> messages = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            messages.add(new MqMessage(new byte[i == 4 ? 100 : 10], i));
        }
        fill("/big", 10, 128, messages);
        MessageFile f = Copier.export(backend, "/big", false, n -> { });
        fill("/small", 4, 64, List.of(new MqMessage(new byte[1], 0)));

        assertThatThrownBy(() -> Importer.send(backend, "/small", f, (d, t) -> { }, () -> false))
                .isInstanceOf(TransferRefused.class)
                .satisfies(e -> assertThat(((TransferRefused) e).reasons()).containsExactly(
                        "line 3: EMSGSIZE: a message of 100 bytes; /small takes at most 64",
                        "EAGAIN: 6 messages and /small has 3 free slots (maxmsg 4, 1 queued)"));
        try (MqQueue q = backend.open("/small", Mq.O_RDONLY)) {
            assertThat(q.getAttributes().currentMessages()).as("nothing was sent").isEqualTo(1);
        }
    }

    @Test
    void anImportStoppedMidwayNamesTheLineAndCountsWhatWasSent() throws Exception {
        fill("/five", 10, 64, List.of(new MqMessage(new byte[5], 0), new MqMessage(new byte[6], 0),
                new MqMessage(new byte[7], 0)));
        MessageFile f = Copier.export(backend, "/five", false, n -> { });
        try (MqQueue target = backend.open("/dest", Mq.O_CREAT | Mq.O_RDWR, 0640, MqAttributes.of(10, 64))) {
            // the checks pass; then a send fails: the queue is full after two (a stand-in for another producer)
            int[] calls = {0};
            Importer.Result r = Importer.sendChecked(new FullAfter(target, 2).proxy(), f, (d, t) -> calls[0]++, () -> false);
            assertThat(r.sent()).isEqualTo(2);
            assertThat(r.failedLine()).isEqualTo(4);
            assertThat(r.failure().errno()).isEqualTo(Errno.EAGAIN);
            assertThat(r.describe("/dest")).isEqualTo("line 4: EAGAIN: the queue is full or empty and the call "
                    + "would have had to wait; 2 of 3 messages were sent to /dest (the file's first 2)");
            assertThat(target.getAttributes().currentMessages()).isEqualTo(2);
            assertThat(calls[0]).isEqualTo(2);
        }
    }

    /** A queue that refuses sends with EAGAIN after {@code limit} of them. */
    private static final class FullAfter implements java.lang.reflect.InvocationHandler {
        private final MqQueue q;
        private int left;

        private FullAfter(MqQueue q, int limit) {
            this.q = q;
            this.left = limit;
        }

        MqQueue proxy() {
            return (MqQueue) java.lang.reflect.Proxy.newProxyInstance(MqQueue.class.getClassLoader(),
                    new Class<?>[] {MqQueue.class}, this);
        }

        @Override
        public Object invoke(Object p, java.lang.reflect.Method m, Object[] args) throws Throwable {
            if (m.getName().equals("send") && left-- <= 0) {
                throw new MqException(Errno.EAGAIN, "mq_send", q.name());
            }
            try {
                return m.invoke(q, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
