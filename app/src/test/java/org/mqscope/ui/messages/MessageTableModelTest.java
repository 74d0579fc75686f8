package org.mqscope.ui.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mqscope.ui.Edt;

class MessageTableModelTest {

    @Test
    void theColumnsAreIndexPrioritySizePreview() {
        MessageTableModel m = new MessageTableModel();
        assertThat(m.getColumnCount()).isEqualTo(4);
        assertThat(List.of(m.getColumnName(0), m.getColumnName(1), m.getColumnName(2), m.getColumnName(3)))
                .containsExactly("#", "Priority", "Size", "Preview");
        assertThat(m.getRowCount()).isZero();
    }

    @Test
    void rowsAreShownInTheirColumns() {
        MessageTableModel m = Edt.call(() -> {
            MessageTableModel model = new MessageTableModel();
            model.setRows(List.of(new MessageRow(0, 9, 5, "hello"), new MessageRow(1, 0, 2, "hi")));
            return model;
        });
        assertThat(m.getRowCount()).isEqualTo(2);
        assertThat(m.getValueAt(0, MessageTableModel.PRIORITY)).isEqualTo(9);
        assertThat(m.getValueAt(1, MessageTableModel.INDEX)).isEqualTo(1);
        assertThat(m.getValueAt(1, MessageTableModel.SIZE)).isEqualTo(2);
        assertThat(m.getValueAt(0, MessageTableModel.PREVIEW)).isEqualTo("hello");
    }

    @Test
    void thePreviewKeepsPrintableAsciiAndDotsTheRest() {
        byte[] payload = {'o', 'k', 0, '\n', (byte) 0xC3, (byte) 0xA9, '!'};
        assertThat(MessageTableModel.preview(payload)).isEqualTo("ok····!");
        assertThat(MessageTableModel.preview(new byte[0])).isEmpty();
    }

    @Test
    void thePreviewIsCutWithAnEllipsis() {
        byte[] exact = new byte[MessageTableModel.PREVIEW_BYTES];
        Arrays.fill(exact, (byte) 'a');
        assertThat(MessageTableModel.preview(exact)).hasSize(MessageTableModel.PREVIEW_BYTES).doesNotEndWith("…");
        byte[] longer = "x".repeat(MessageTableModel.PREVIEW_BYTES + 1).getBytes(StandardCharsets.US_ASCII);
        assertThat(MessageTableModel.preview(longer)).hasSize(MessageTableModel.PREVIEW_BYTES + 1).endsWith("…");
    }

    @Test
    void theEmptyPaneSaysWhatWillBeListedAndKeepsItsHeader() {
        Edt.run(() -> {
            MessageTablePanel p = new MessageTablePanel();
            assertThat(p.emptyText()).isEqualTo(MessageTablePanel.EMPTY_TEXT);
            assertThat(p.table().getTableHeader()).isNotNull();
            assertThat(p.table().getColumnModel().getColumnCount()).isEqualTo(4);
        });
    }
}
