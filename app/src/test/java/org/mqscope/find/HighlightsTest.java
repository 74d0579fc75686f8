package org.mqscope.find;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mqscope.find.Highlights.Span;

class HighlightsTest {
    private static Highlights of(String expression) {
        return Filter.parse(expression).filter().highlights();
    }

    @Test
    void wordsAndPatternsInTextAnyCaseMerged() {
        Highlights h = of("order re:\\d+ -customer prio:3");
        assertThat(h.inText("Order 226 for ORDER customer")).containsExactly(new Span(0, 5), new Span(6, 9),
                new Span(14, 19));
    }

    @Test
    void overlappingSpansJoin() {
        assertThat(of("abc bcd").inText("xabcdx")).containsExactly(new Span(1, 5));
    }

    @Test
    void hexShowsInHexPreviewsAndBytes() {
        Highlights h = of("hex:CA FE");
        assertThat(h.inPreview("01 ca fe 00 ca fe")).containsExactly(new Span(3, 8), new Span(12, 17));
        byte[] body = {1, (byte) 0xCA, (byte) 0xFE, 0, (byte) 0xCA, (byte) 0xFE};
        assertThat(h.inBytes(body)).containsExactly(new Span(1, 3), new Span(4, 6));
        assertThat(of("ord").inBytes("xORDx".getBytes(StandardCharsets.US_ASCII))).containsExactly(new Span(1, 4));
    }

    @Test
    void jsonTermsMarkTheirMemberInPrettyJson() {
        Highlights h = of("$.customer.tier=gold");
        assertThat(h.inJson("    \"tier\": \"gold\",")).containsExactly(new Span(4, 18));
        assertThat(h.inJson("    \"name\": \"Ann\",")).isEmpty();
        String preview = "{\"customer\":{\"tier\":\"gold\"},\"tier\":3}";
        assertThat(h.inPreview(preview)).extracting(sp -> preview.substring(sp.start(), sp.end()))
                .containsExactly("\"tier\":\"gold\"", "\"tier\":3");
    }

    @Test
    void aFilterWithoutVisibleTermsHighlightsNothing() {
        assertThat(of("prio:1 -word").isEmpty()).isTrue();
        assertThat(Filter.NONE.highlights().isEmpty()).isTrue();
    }
}
