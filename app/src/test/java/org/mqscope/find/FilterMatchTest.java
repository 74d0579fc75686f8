package org.mqscope.find;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.MqMessage;

class FilterMatchTest {
    private static final MqMessage ORDER = text("{\"id\":226,\"customer\":{\"tier\":\"gold\",\"name\":\"Ann Lee\"},"
            + "\"items\":[{\"qty\":3},{\"qty\":1}],\"paid\":true,\"note\":null}", 5);
    private static final MqMessage PLAIN = text("Order 227 for customer Bob\nshipped", 1);
    private static final MqMessage BINARY = new MqMessage(new byte[] {0x01, (byte) 0xCA, (byte) 0xFE, 0x00, 0x7F}, 9);
    /** "caf\u00e9 menu" with a lone 0xFF byte in the middle: not UTF-8, shown (and matched) as Latin-1. */
    private static final MqMessage INVALID_UTF8 = new MqMessage(new byte[] {'C', 'a', 'f', 'e', ' ', (byte) 0xFF,
        ' ', 'm', 'e', 'n', 'u'}, 0);

    private static MqMessage text(String s, int priority) {
        return new MqMessage(s.getBytes(StandardCharsets.UTF_8), priority);
    }

    private static boolean matches(String expression, MqMessage m) {
        Filter.Parse p = Filter.parse(expression);
        assertThat(p.error()).as(expression).isNull();
        return p.filter().matches(m);
    }

    @Test
    void wordsIgnoreCaseAndMustAllBeThere() {
        assertThat(matches("ORDER bob", PLAIN)).isTrue();
        assertThat(matches("order alice", PLAIN)).isFalse();
        assertThat(matches("\"customer bob\"", PLAIN)).isTrue();
        assertThat(matches("\"bob customer\"", PLAIN)).isFalse();
        assertThat(matches("ann", ORDER)).isTrue();
    }

    @Test
    void regexIsCaseSensitiveUnlessAsked() {
        assertThat(matches("re:Order\\s+\\d{3}", PLAIN)).isTrue();
        assertThat(matches("re:order\\s+\\d{3}", PLAIN)).isFalse();
        assertThat(matches("re:(?i)order\\s+\\d{3}", PLAIN)).isTrue();
        assertThat(matches("re:^shipped$", PLAIN)).isFalse(); // no MULTILINE: ^ is the body's start
        assertThat(matches("re:(?m)^shipped$", PLAIN)).isTrue();
    }

    @Test
    void hexFindsBytesInBinaryAndText() {
        assertThat(matches("hex:CA FE", BINARY)).isTrue();
        assertThat(matches("hex:cafe00", BINARY)).isTrue();
        assertThat(matches("hex:FE CA", BINARY)).isFalse();
        assertThat(matches("hex:4f 72 64", PLAIN)).isTrue(); // "Ord"
    }

    @Test
    void priorityAndSize() {
        assertThat(matches("prio:9", BINARY)).isTrue();
        assertThat(matches("prio:>=5", ORDER)).isTrue();
        assertThat(matches("prio:1..4", ORDER)).isFalse();
        assertThat(matches("size:5", BINARY)).isTrue();
        assertThat(matches("size:>1k", ORDER)).isFalse();
        assertThat(matches("size:<1k prio:1..4", PLAIN)).isTrue();
    }

    @Test
    void jsonTermsOnJsonBodies() {
        assertThat(matches("$.customer.tier=gold", ORDER)).isTrue();
        assertThat(matches("$.customer.tier=silver", ORDER)).isFalse();
        assertThat(matches("$.customer.tier!=silver", ORDER)).isTrue();
        assertThat(matches("$.customer.name=\"Ann Lee\"", ORDER)).isTrue();
        assertThat(matches("$.items[0].qty>1", ORDER)).isTrue();
        assertThat(matches("$.items[1].qty>1", ORDER)).isFalse();
        assertThat(matches("$.items[1].qty<=1", ORDER)).isTrue();
        assertThat(matches("$.items[5].qty>=0", ORDER)).isFalse();
        assertThat(matches("$.id=226", ORDER)).isTrue();
        assertThat(matches("$.id=226.0", ORDER)).isTrue();
        assertThat(matches("$.paid=true $.note=null", ORDER)).isTrue();
        assertThat(matches("$.note", ORDER)).isTrue();
        assertThat(matches("$.missing", ORDER)).isFalse();
        assertThat(matches("$.customer=gold", ORDER)).isFalse(); // an object equals no literal
        assertThat(matches("$.customer.tier>1", ORDER)).isFalse(); // a string is not ordered against a number
        assertThat(matches("$", ORDER)).isTrue();
    }

    @Test
    void namesWrittenWithEscapesStillMatch() {
        // the quick refusal looks for "tier" in the bytes; an escaped name must not fool it
        assertThat(matches("$.tier=gold", text("{\"ti\\u0065r\":\"gold\"}", 0))).isTrue();
        assertThat(matches("$.tier=gold", text("{\"other\":\"gold\"}", 0))).isFalse();
        assertThat(matches("$.a.b", text("{\"b\":{\"a\":1}}", 0))).isFalse(); // both names there, wrong nesting
    }

    @Test
    void asciiWordsInAsciiAndNonAsciiBodies() {
        assertThat(matches("GOLD", text("tier: gold", 0))).isTrue();
        assertThat(matches("gold", text("tier: G\u00f6LD", 0))).isFalse();
        assertThat(matches("g\u00f6ld", text("tier: G\u00d6LD", 0))).isTrue();
        assertThat(matches("tier gold", text("\u00c9tier \u2014 GOLD", 0))).isTrue(); // ASCII words, UTF-8 body
    }

    @Test
    void jsonTermsNeverMatchOtherBodies() {
        for (MqMessage m : List.of(PLAIN, BINARY, INVALID_UTF8, text("{\"id\": 226", 0), text("", 0))) {
            assertThat(matches("$", m)).as(m.toString()).isFalse();
            assertThat(matches("$.id=226", m)).isFalse();
            assertThat(matches("-$.id=226", m)).isTrue();
        }
    }

    @Test
    void invalidUtf8IsMatchedAsTheTextTabShowsIt() {
        assertThat(matches("cafe menu", INVALID_UTF8)).isTrue();
        assertThat(matches("\"\u00ff\"", INVALID_UTF8)).isTrue(); // the 0xFF byte reads as ÿ in Latin-1
        assertThat(matches("hex:FF", INVALID_UTF8)).isTrue();
        assertThat(matches("caf\u00e9", text("un caf\u00e9 noir", 0))).isTrue(); // valid UTF-8 decodes as such
        assertThat(matches("CAF\u00c9", text("un caf\u00e9 noir", 0))).isTrue();
    }

    @Test
    void negationAndCombinations() {
        assertThat(matches("-bob", PLAIN)).isFalse();
        assertThat(matches("-alice order", PLAIN)).isTrue();
        assertThat(matches("prio:>=5 -prio:9", ORDER)).isTrue();
        assertThat(matches("prio:>=5 -prio:9", BINARY)).isFalse();
        assertThat(matches("$.customer.tier=gold -$.paid=false ann", ORDER)).isTrue();
    }

    /** 60 a's and no x: (.*a){12}x tries every way to cut them into twelve pieces before failing (about 60^12). */
    private static final List<MqMessage> BACKTRACKING = List.of(text("ok x", 0), text("a".repeat(60), 0));
    private static final String SLOW = "re:(.*a){12}x";

    @Test
    void aRegexThatBacktracksWithoutEndStopsAtItsBudgetAndSaysWhere() {
        Filter f = Filter.parse(SLOW).filter();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> f.matchAll(BACKTRACKING, () -> false, java.time.Duration.ofMillis(100)))
                .isInstanceOf(Filter.TooSlow.class)
                .hasMessageStartingWith("a regular expression took over 100 ms on message #1 alone");
        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms until it gave up").isLessThan(10_000);
    }

    @Test
    void aRegexThatBacktracksStopsWhenTheRunIsCancelled() throws Filter.TooSlow {
        Filter f = Filter.parse(SLOW).filter();
        AtomicInteger asked = new AtomicInteger();
        // the first look (before message 0) says go on; the next, from inside the match, says stop
        assertThat(f.matchAll(BACKTRACKING, () -> asked.incrementAndGet() > 1, java.time.Duration.ofMinutes(5)))
                .isNull();
        assertThat(asked.get()).isEqualTo(2);
    }

    @Test
    void matchAllMarksTheHitsAndStopsWhenCancelled() throws Filter.TooSlow {
        List<MqMessage> all = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            all.add(text("{\"n\":" + i + "}", i % 10));
        }
        Filter f = Filter.parse("$.n>=4990 prio:>=5").filter();
        BitSet hits = f.matchAll(all, () -> false);
        assertThat(hits.stream().toArray()).containsExactly(4995, 4996, 4997, 4998, 4999);
        AtomicInteger asked = new AtomicInteger();
        assertThat(f.matchAll(all, () -> asked.incrementAndGet() > 2)).isNull();
        assertThat(asked.get()).isEqualTo(3);
        assertThat(Filter.NONE.matchAll(all, () -> true).cardinality()).isEqualTo(5000);
    }
}
