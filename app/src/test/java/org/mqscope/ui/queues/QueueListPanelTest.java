package org.mqscope.ui.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javax.swing.event.TableModelEvent;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Errno;
import org.mqscope.mq.MqException;
import org.mqscope.mq.QueueInfo;
import org.mqscope.ui.Edt;
import org.mqscope.ui.ErrorText;

/** Headless: the panel and its model are lightweight components. */
class QueueListPanelTest {
    private static final QueueInfo ORDERS = new QueueInfo("/orders", 120, 0, 0, 0, 0640, 1000, 1000);
    private static final QueueInfo AUDIT = new QueueInfo("/audit", 0, 0, 0, 4242, 0600, 0, 0);

    @Test
    void theModelShowsNameAndQsize() {
        QueueTableModel m = Edt.call(() -> {
            QueueTableModel model = new QueueTableModel();
            model.setQueues(List.of(ORDERS, AUDIT));
            return model;
        });
        assertThat(m.getColumnCount()).isEqualTo(2);
        assertThat(m.getColumnName(QueueTableModel.NAME)).isEqualTo("Name");
        assertThat(m.getColumnName(QueueTableModel.QSIZE)).isEqualTo("QSIZE");
        assertThat(m.getColumnClass(QueueTableModel.QSIZE)).isEqualTo(Long.class);
        assertThat(m.getRowCount()).isEqualTo(2);
        assertThat(m.getValueAt(0, QueueTableModel.NAME)).isEqualTo("/orders");
        assertThat(m.getValueAt(0, QueueTableModel.QSIZE)).isEqualTo(120L);
        assertThat(m.queueAt(1)).isEqualTo(AUDIT);
    }

    @Test
    void replacingTheQueuesTellsTheTable() {
        List<TableModelEvent> events = new ArrayList<>();
        Edt.run(() -> {
            QueueTableModel model = new QueueTableModel();
            model.addTableModelListener(events::add);
            model.setQueues(List.of(ORDERS));
        });
        assertThat(events).hasSize(1);
    }

    @Test
    void queuesShowTheTableAndTheCount() {
        Edt.run(() -> {
            QueueListPanel p = new QueueListPanel();
            assertThat(p.visibleCard()).isEqualTo(QueueListPanel.MESSAGE_CARD);
            p.showQueues(List.of(ORDERS, AUDIT), "none");
            assertThat(p.visibleCard()).isEqualTo(QueueListPanel.TABLE_CARD);
            assertThat(p.model().getRowCount()).isEqualTo(2);
        });
    }

    @Test
    void anEmptyNamespaceSaysSo() {
        Edt.run(() -> {
            QueueListPanel p = new QueueListPanel();
            p.showQueues(List.of(), "No queues in /dev/mqueue.");
            assertThat(p.visibleCard()).isEqualTo(QueueListPanel.MESSAGE_CARD);
            assertThat(p.messageView().headlineText()).isEqualTo("No queues in /dev/mqueue.");
            assertThat(p.messageView().callText()).isNull();
            assertThat(p.messageView().detailText()).isNull();
        });
    }

    @Test
    void aFailureShowsItsMessageAndTheMountCommandNotAStackTrace() {
        String mount = "sudo mkdir -p /dev/mqueue && sudo mount -t mqueue none /dev/mqueue";
        MqException e = new MqException(Errno.ENODEV, "list", null, "/dev/mqueue is not mounted; " + mount);
        Edt.run(() -> {
            QueueListPanel p = new QueueListPanel();
            p.showQueues(List.of(ORDERS), "none");
            p.showFailure("Cannot list the queues", ErrorText.explain(e));
            assertThat(p.visibleCard()).isEqualTo(QueueListPanel.MESSAGE_CARD);
            assertThat(p.model().getRowCount()).isZero();
            assertThat(p.messageView().headlineText()).startsWith("Cannot list the queues: ENODEV: ");
            assertThat(p.messageView().callText()).isEqualTo("list: ENODEV (No such device)");
            assertThat(p.messageView().detailText()).endsWith(mount);
            assertThat(p.messageView().detailText()).doesNotContain("Exception", "\tat ");
        });
    }
}
