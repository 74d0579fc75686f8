package org.mqscope.find;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mqscope.find.Comparison.Change;
import org.mqscope.find.Comparison.Kind;
import org.mqscope.find.Comparison.Row;

class MessageComparisonTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void textLinesAlignAroundAnInsertion() {
        Comparison c = MessageComparison.of(utf8("a\nb\nc\n"), utf8("a\nnew\nb\nC\n"));
        assertThat(c.kind()).isEqualTo(Kind.TEXT);
        assertThat(c.rows()).extracting(Row::change).containsExactly(Change.SAME, Change.ADDED, Change.SAME,
                Change.CHANGED);
        assertThat(c.rows().get(1).cells()).containsExactly("", "", "2", "new");
        assertThat(c.rows().get(3).cells()).containsExactly("3", "c", "4", "C");
        assertThat(c.summary()).isEqualTo("1 line changed, 1 added, 0 removed");
    }

    @Test
    void identicalTextSaysSo() {
        Comparison c = MessageComparison.of(utf8("same"), utf8("same"));
        assertThat(c.identical()).isTrue();
        assertThat(c.summary()).isEqualTo("Identical (1 line)");
    }

    @Test
    void jsonByPathIgnoringLayoutAndNumberSpelling() {
        Comparison c = MessageComparison.of(
                utf8("{\"id\":1,\"customer\":{\"tier\":\"gold\"},\"items\":[{\"qty\":2}],\"gone\":true}"),
                utf8("{\n  \"id\": 1.0,\n  \"customer\": {\"tier\": \"silver\"},\n  \"items\": [{\"qty\": 2}, {\"qty\": 5}],"
                        + "\n  \"new\": [1]\n}"));
        assertThat(c.kind()).isEqualTo(Kind.JSON);
        assertThat(c.rows()).extracting(r -> r.change() + " " + String.join(" | ", r.cells())).containsExactly(
                "SAME $.id | 1 | 1.0",
                "CHANGED $.customer.tier | \"gold\" | \"silver\"",
                "SAME $.items[0].qty | 2 | 2",
                "ADDED $.items[1] |  | {\"qty\": 5}",
                "REMOVED $.gone | true | ",
                "ADDED $.new |  | [1]");
        assertThat(c.summary()).isEqualTo("1 member changed, 2 added, 1 removed");
    }

    @Test
    void jsonArraysAlignAroundAnInsertedElement() {
        Comparison c = MessageComparison.of(utf8("{\"items\":[{\"sku\":\"a\"},{\"sku\":\"b\",\"qty\":1}]}"),
                utf8("{\"items\":[{\"sku\":\"new\"},{\"sku\":\"a\"},{\"sku\":\"b\",\"qty\":2}]}"));
        assertThat(c.rows()).extracting(r -> r.change() + " " + r.cells().get(0)).containsExactly(
                "ADDED $.items[0]",
                "SAME $.items[1].sku",
                "SAME $.items[2].sku",
                "CHANGED $.items[2].qty");
    }

    @Test
    void jsonAgainstTextIsALineDiff() {
        assertThat(MessageComparison.of(utf8("{\"a\":1}"), utf8("not json")).kind()).isEqualTo(Kind.TEXT);
    }

    @Test
    void binaryAlignsInsertedBytes() {
        byte[] left = new byte[40];
        byte[] right = new byte[43];
        for (int i = 0; i < 40; i++) {
            left[i] = (byte) i;
        }
        System.arraycopy(left, 0, right, 0, 20);
        right[20] = (byte) 0xCA;
        right[21] = (byte) 0xFE;
        right[22] = (byte) 0xBA;
        System.arraycopy(left, 20, right, 23, 20);
        right[42] = (byte) 0xFF; // last byte changed
        Comparison c = MessageComparison.of(left, right);
        assertThat(c.kind()).isEqualTo(Kind.BINARY);
        assertThat(c.rows()).extracting(Row::change).containsExactly(Change.SAME, Change.SAME, Change.ADDED,
                Change.SAME, Change.SAME, Change.CHANGED);
        assertThat(c.rows().get(2).cells()).containsExactly("", "", "00000014", "ca fe ba");
        assertThat(c.rows().get(5).cells()).containsExactly("00000027", "27", "0000002a", "ff");
    }

    @Test
    void invalidUtf8IsBinary() {
        assertThat(MessageComparison.of(new byte[] {'a', (byte) 0xFF}, utf8("a")).kind()).isEqualTo(Kind.BINARY);
    }

    @Test
    void bigBinaryGoesOffsetByOffset() {
        byte[] a = new byte[MessageComparison.ALIGN_BYTES_MAX + 32];
        byte[] b = a.clone();
        b[b.length - 1] = 1;
        Comparison c = MessageComparison.of(a, b);
        assertThat(c.note()).contains("offset by offset");
        assertThat(c.count(Change.CHANGED)).isEqualTo(1);
        assertThat(c.rows()).hasSize(a.length / 16);
    }
}
