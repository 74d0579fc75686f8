package org.mqscope.ui.peek;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqBackend;
import org.mqscope.mq.MqBackends;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.ProposedPeek;

/** What the comparison panel says for the cases where MQ_PEEK and F_MQ_PEEK differ. */
class ProposedPeekDialogTest {

    @Test
    void theTwoInterfacesSideBySide() throws Exception {
        try (MqBackend b = MqBackends.emulated();
             MqQueue q = b.open("/cmp", Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(4, 128))) {
            ProposedPeek p = (ProposedPeek) q;
            assertThat(ProposedPeekDialog.mqPeek(p, 128, 0)).isEqualTo("EAGAIN (Resource temporarily unavailable)");
            assertThat(ProposedPeekDialog.fcntl(p, 0, 16)).isEqualTo("ENOMSG (No message of desired type)");

            q.send("hello proposed peeks".getBytes(StandardCharsets.US_ASCII), 3);
            assertThat(ProposedPeekDialog.mqPeek(p, 128, 0))
                    .isEqualTo("message #0: priority 3, 20 bytes: hello proposed peeks");
            assertThat(ProposedPeekDialog.fcntl(p, 0, 5))
                    .isEqualTo("priority 3, copied 5 of 20 bytes (truncated to buf_len): hello");
            assertThat(ProposedPeekDialog.mqPeek(p, 64, 0)).as("buffer below mq_msgsize")
                    .isEqualTo("EMSGSIZE (Message too long)");
            assertThat(ProposedPeekDialog.mqPeek(p, 128, 1)).isEqualTo("ENOENT (No such file or directory)");
            assertThat(ProposedPeekDialog.fcntl(p, 1, 16)).isEqualTo("ENOMSG (No message of desired type)");
            assertThat(q.getAttributes().currentMessages()).as("nothing consumed").isEqualTo(1);
        }
    }
}
