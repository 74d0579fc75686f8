package org.mqscope.ui.messages;

import org.mqscope.ui.core.Preview;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.MqMessage;
import org.mqscope.ui.core.Edt;

class MessageTableModelTest {

    private static MqMessage text(String s, int prio) {
        return new MqMessage(s.getBytes(StandardCharsets.UTF_8), prio);
    }

    @Test
    void rowsAreTheMessagesInReceiveOrderWithIndexPrioritySizeAndPreview() {
        MessageTableModel m = Edt.call(() -> {
            MessageTableModel model = new MessageTableModel();
            model.setMessages(List.of(text("urgent", 9), text("{\"a\":1}", 1), new MqMessage(new byte[] {0, 1, 2}, 1)));
            return model;
        });
        assertThat(m.getRowCount()).isEqualTo(3);
        assertThat(m.getColumnCount()).isEqualTo(4);
        assertThat(m.getColumnName(MessageTableModel.INDEX)).isEqualTo("#");
        assertThat(m.getValueAt(2, MessageTableModel.INDEX)).isEqualTo(2);
        assertThat(m.getValueAt(0, MessageTableModel.PRIORITY)).isEqualTo(9);
        assertThat(m.getValueAt(1, MessageTableModel.SIZE)).isEqualTo(7);
        assertThat(m.getValueAt(1, MessageTableModel.PREVIEW)).isEqualTo("{\"a\":1}");
        assertThat(m.getValueAt(2, MessageTableModel.PREVIEW)).isEqualTo("00 01 02");
        assertThat(m.bandAt(0)).isZero();
        assertThat(m.bandAt(1)).isEqualTo(1);
        assertThat(m.bandAt(2)).isEqualTo(1);
    }

    @Test
    void previewsAreTextWhenPrintableAndHexOtherwise() {
        assertThat(Preview.of(new byte[0])).isEqualTo("(empty)");
        assertThat(Preview.of("line one\nline\ttwo".getBytes(StandardCharsets.UTF_8))).isEqualTo("line one⏎line→two");
        assertThat(Preview.of("Grüße €".getBytes(StandardCharsets.UTF_8))).isEqualTo("Grüße €");
        assertThat(Preview.of("x".repeat(100).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("x".repeat(Preview.PREVIEW_BYTES) + "…");
        assertThat(Preview.of(new byte[] {'a', 0x07, 'b'})).as("a control byte makes it binary")
                .isEqualTo("61 07 62");
        assertThat(Preview.of(new byte[30])).isEqualTo("00 ".repeat(Preview.HEX_BYTES).trim() + " …");
        // 63 ASCII bytes then a two-byte character cut by the 64-byte window: still text.
        byte[] cut = ("a".repeat(63) + "é and more").getBytes(StandardCharsets.UTF_8);
        assertThat(Preview.of(cut)).isEqualTo("a".repeat(63) + "…");
    }

    @Test
    void sixtyFiveThousandRowsComputeOnlyTheVisiblePreviews() {
        List<MqMessage> many = new ArrayList<>();
        for (int i = 0; i < 65_536; i++) {
            many.add(new MqMessage(("message " + i + " ").repeat(4).getBytes(StandardCharsets.US_ASCII),
                    i < 1000 ? 5 : 0));
        }
        int computed = Edt.call(() -> {
            MessageTableModel model = new MessageTableModel();
            JTable table = new JTable(model);
            JScrollPane scroll = new JScrollPane(table);
            scroll.setSize(600, 400);
            long t0 = System.nanoTime();
            model.setMessages(many);
            scroll.doLayout();
            scroll.getViewport().doLayout();
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(600, 400,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics g = img.getGraphics();
            scroll.paint(g);
            g.dispose();
            assertThat((System.nanoTime() - t0) / 1_000_000).as("set and paint 65,536 rows, ms").isLessThan(2_000);
            assertThat(model.getRowCount()).isEqualTo(65_536);
            assertThat(model.bandAt(65_535)).isEqualTo(1);
            return model.previewsComputed();
        });
        assertThat(computed).as("previews computed for one screen of rows").isPositive().isLessThan(100);
    }
}
