package org.mqscope.ui.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqException;
import org.mqscope.ui.core.ErrorText.Explanation;

class ErrorTextTest {

    @Test
    void anMqExceptionBecomesItsErrnoInWordsTheCallAndTheAdvice() {
        MqException e = new MqException(Errno.ENODEV, "list", null,
                "mount it: sudo mkdir -p /dev/mqueue && sudo mount -t mqueue none /dev/mqueue");
        Explanation x = ErrorText.explain(e);
        assertThat(x.headline()).isEqualTo("ENODEV: the mqueue file system is not available here");
        assertThat(x.call()).isEqualTo("list: ENODEV (No such device)");
        assertThat(x.detail()).isEqualTo(e.detail());
        assertThat(x.fullText()).isEqualTo(x.headline() + "\n" + x.call() + "\n" + x.detail());
    }

    @Test
    void theQueueNameIsPartOfTheCall() {
        Explanation x = ErrorText.explain(new MqException(Errno.EACCES, "mq_open", "/orders"));
        assertThat(x.headline()).startsWith("EACCES: you lack permission");
        assertThat(x.call()).isEqualTo("mq_open /orders: EACCES (Permission denied)");
        assertThat(x.detail()).isNull();
        assertThat(x.fullText()).doesNotContain("null");
    }

    @Test
    void anErrnoWithoutOwnWordsFallsBackToStrerror() {
        assertThat(ErrorText.inWords(Errno.ERANGE, Errno.ERANGE.code()))
                .isEqualTo("ERANGE: numerical result out of range");
    }

    @Test
    void anUnlistedCodeKeepsItsNumber() {
        Explanation x = ErrorText.explain(MqException.ofCode(200, "mq_notify", "/q"));
        assertThat(x.headline()).isEqualTo("errno 200: an error mqscope has no words for");
        assertThat(x.call()).isEqualTo("mq_notify /q: errno 200 (Unknown error)");
    }

    @Test
    void otherFailuresKeepTheirMessageWithoutAStackTrace() {
        Explanation missing = ErrorText.explain(new IllegalStateException("no kernel backend on the class path"));
        assertThat(missing.headline()).isEqualTo("No kernel backend on the class path");
        assertThat(missing.call()).isNull();

        Explanation link = ErrorText.explain(new UnsatisfiedLinkError("libc.so.6: cannot open"));
        assertThat(link.headline()).isEqualTo("A native library could not be loaded");
        assertThat(link.detail()).isEqualTo("libc.so.6: cannot open");

        assertThat(ErrorText.explain(new RuntimeException()).headline()).isEqualTo("RuntimeException");
    }
}
