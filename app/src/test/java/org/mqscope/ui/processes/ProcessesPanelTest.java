package org.mqscope.ui.processes;

import static org.mqscope.ui.core.Components.find;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.prefs.Preferences;

import javax.swing.JLabel;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Test;
import org.mqscope.monitor.processes.QueueUsage;
import org.mqscope.monitor.processes.UsageSnapshot;
import org.mqscope.monitor.processes.Visibility;
import org.mqscope.monitor.processes.WaiterSource;
import org.mqscope.ui.charts.StubContext;
import org.mqscope.ui.core.EmptyTextTable;

/** What the tab tells when /proc hides other users' processes: a note, never a silently empty list. Headless. */
class ProcessesPanelTest {

    @Test
    void hiddenProcessesGiveANoteAndAnHonestEmptyText() throws Exception {
        Visibility partial = new Visibility(false, 12, "You can see only your own processes: uid 1000 is not root,"
                + " so it may not read the descriptors of 12 processes in /proc.");
        UsageSnapshot scan = new UsageSnapshot(Instant.now(), Map.of("/q", new QueueUsage("/q", List.of(), null,
                Instant.now().minusSeconds(600), null, WaiterSource.PROC_SYSCALL, partial)),
                WaiterSource.PROC_SYSCALL, partial, 40, 300, 40, null);
        SwingUtilities.invokeAndWait(() -> {
            ProcessesPanel panel = new ProcessesPanel(new StubContext(Preferences.userRoot().node("mqscope-test")));
            panel.queueSelected("/q");
            panel.show(scan);
            JLabel note = find(panel, "processes.note", JLabel.class);
            assertThat(note.isVisible()).isTrue();
            assertThat(note.getText()).startsWith("You can see only your own processes: uid 1000 is not root");
            EmptyTextTable table = find(panel, "processes.table", EmptyTextTable.class);
            assertThat(table.getRowCount()).isZero();
            assertThat(table.emptyText()).contains("Nobody you can see", "hidden from you");
            assertThat(find(panel, "processes.activity", JLabel.class).getText())
                    .isEqualTo("0 processes hold it · 0 waiting · last send/receive 10 min ago");

            panel.show(new UsageSnapshot(Instant.now(), Map.of(), WaiterSource.PROC_SYSCALL, Visibility.ALL, 40, 300,
                    0, null));
            assertThat(note.isVisible()).as("everything visible: no note").isFalse();
            assertThat(table.emptyText()).isEqualTo("Nobody holds /q open or waits on it.");
        });
    }
}
