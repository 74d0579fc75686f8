package org.mqscope.ui.peek;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqMessage;
import org.mqscope.mq.PeekMethod;
import org.mqscope.mq.PeekResult;
import org.mqscope.mq.PeekResult.DrainReport;

class DrainReportTextTest {

    private static PeekResult result(DrainReport d) {
        return new PeekResult(List.of(new MqMessage(new byte[1], 0)), PeekMethod.DRAIN_RESTORE,
                MqAttributes.of(10, 128), Instant.now(), Duration.ofMillis(7), d);
    }

    @Test
    void aCleanPeekSaysDrainedAndRestoredAndNothingElse() {
        PeekResult r = result(new DrainReport(3, 3, 3, 0, 0, false, 0, null));
        assertThat(DrainReportText.headline("/orders", r))
                .isEqualTo("Peeked /orders by drain and restore: 3 messages drained and 3 restored.");
        assertThat(DrainReportText.details(r)).containsExactly(
                "The queue held 3 messages when the peek began; it took 7 ms.",
                "Nothing else changed as far as the peek could see.");
        assertThat(DrainReportText.worrying(r)).isFalse();
    }

    @Test
    void arrivalsDeparturesNotificationAndJournalAreAllNamed() {
        PeekResult r = result(new DrainReport(5, 6, 4, 1, 2, true, 2, "/home/u/.local/state/mqscope/j1"));
        assertThat(DrainReportText.headline("/orders", r))
                .isEqualTo("Peeked /orders by drain and restore: 2 messages could not be put back yet and are held "
                        + "in a journal.");
        List<String> d = DrainReportText.details(r);
        assertThat(d).hasSize(5);
        assertThat(d.get(1)).startsWith("1 message arrived from other processes meanwhile and is among");
        assertThat(d.get(2)).isEqualTo("2 messages left through other receivers while the queue was drained.");
        assertThat(d.get(3)).contains("notification fired", "mq_notify again");
        assertThat(d.get(4)).contains("kept in /home/u/.local/state/mqscope/j1", "once the queue has room",
                "Restore Held Messages", "only what is in the queue");
        assertThat(DrainReportText.worrying(r)).isTrue();
        assertThat(DrainReportText.worrying(result(new DrainReport(1, 1, 1, 0, 0, true, 0, null)))).isTrue();
    }
}
