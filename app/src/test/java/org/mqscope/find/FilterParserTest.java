package org.mqscope.find;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterParserTest {
    private static List<Term> terms(String expression) {
        Filter.Parse p = Filter.parse(expression);
        assertThat(p.error()).as("error of " + expression).isNull();
        return p.filter().terms();
    }

    private static FilterError error(String expression) {
        Filter.Parse p = Filter.parse(expression);
        assertThat(p.filter()).as("filter of " + expression).isNull();
        return p.error();
    }

    @Test
    void blankIsTheEmptyFilter() {
        assertThat(Filter.parse("   ").filter()).isSameAs(Filter.NONE);
        assertThat(Filter.parse(null).filter().isEmpty()).isTrue();
    }

    @Test
    void everyTermKind() {
        List<Term> t = terms("Order \"customer 226\" re:ord(er)?-\\d+ hex:CA FE prio:9 size:>1k $.customer.tier=gold "
                + "$.items[0].qty>1 $.note -cancelled");
        assertThat(t).hasSize(10);
        assertThat(t.get(0)).isEqualTo(new Term.Words("order", "Order"));
        assertThat(((Term.Words) t.get(1)).phrase()).isEqualTo("customer 226");
        assertThat(((Term.Regex) t.get(2)).pattern().pattern()).isEqualTo("ord(er)?-\\d+");
        assertThat(((Term.Hex) t.get(3)).bytes()).containsExactly(0xCA, 0xFE);
        assertThat(t.get(3).source()).isEqualTo("hex:CA FE");
        assertThat(((Term.Priority) t.get(4)).range()).isEqualTo(new Range(9, 9));
        assertThat(((Term.Size) t.get(5)).range()).isEqualTo(new Range(1025, FilterParser.SIZE_MAX));
        Term.Json tier = (Term.Json) t.get(6);
        assertThat(tier.path().segments()).containsExactly("customer", "tier");
        assertThat(tier.op()).isEqualTo(JsonPath.Op.EQ);
        assertThat(tier.literal().text()).isEqualTo("gold");
        Term.Json qty = (Term.Json) t.get(7);
        assertThat(qty.path().segments()).containsExactly("items", 0, "qty");
        assertThat(qty.op()).isEqualTo(JsonPath.Op.GT);
        assertThat(qty.literal().number()).isEqualTo(1.0);
        assertThat(((Term.Json) t.get(8)).op()).isEqualTo(JsonPath.Op.EXISTS);
        assertThat(t.get(9)).isEqualTo(new Term.Not(new Term.Words("cancelled", "cancelled"), "-cancelled"));
    }

    @Test
    void negationWrapsTheTermAfterIt() {
        List<Term> t = terms("-cancelled -prio:0 -$.state=done -\"two words\"");
        assertThat(t).hasSize(4).allSatisfy(x -> assertThat(x).isInstanceOf(Term.Not.class));
        assertThat(((Term.Not) t.get(0)).term()).isEqualTo(new Term.Words("cancelled", "cancelled"));
        assertThat(((Term.Not) t.get(1)).term()).isInstanceOf(Term.Priority.class);
        assertThat(t.get(2).source()).isEqualTo("-$.state=done");
        assertThat(((Term.Words) ((Term.Not) t.get(3)).term()).phrase()).isEqualTo("two words");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "prio:9|9|9", "prio:>=5|5|32767", "prio:>5|6|32767", "prio:<3|0|2", "prio:<=3|0|3", "prio:1..4|1|4",
        "priority:=7|7|7", "prio:0..32767|0|32767"})
    void priorityForms(String expression, long min, long max) {
        assertThat(((Term.Priority) terms(expression).get(0)).range()).isEqualTo(new Range(min, max));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "size:100|100|100", "size:1k|1024|1024", "size:2KiB|2048|2048", "size:1m|1048576|1048576",
        "size:<=64b|0|64", "size:1k..4k|1024|4096", "size:>=1mb|1048576|" + FilterParser.SIZE_MAX})
    void sizeForms(String expression, long min, long max) {
        assertThat(((Term.Size) terms(expression).get(0)).range()).isEqualTo(new Range(min, max));
    }

    @Test
    void quotingAndEscapes() {
        assertThat(((Term.Words) terms("\"say \\\"hi\\\" \\\\ now\"").get(0)).phrase()).isEqualTo("say \"hi\" \\ now");
        assertThat(((Term.Regex) terms("re:\"a b+\"").get(0)).pattern().pattern()).isEqualTo("a b+");
        assertThat(((Term.Hex) terms("hex:\"ca fe 01\"").get(0)).bytes()).containsExactly(0xCA, 0xFE, 0x01);
        Term.Json j = (Term.Json) terms("$.name=\"Ann Lee\"").get(0);
        assertThat(j.literal().text()).isEqualTo("Ann Lee");
        assertThat(j.literal().numeric()).isFalse();
        assertThat(((Term.Json) terms("$[\"odd key\"][2]").get(0)).path().segments()).containsExactly("odd key", 2);
    }

    @Test
    void bareHexTakesTheHexGroupsAfterItButNotWords() {
        List<Term> t = terms("hex:CA FE 00 beef prio:1");
        assertThat(((Term.Hex) t.get(0)).bytes()).containsExactly(0xCA, 0xFE, 0x00, 0xBE, 0xEF);
        assertThat(t.get(1)).isInstanceOf(Term.Priority.class);
        List<Term> u = terms("hex:CA order");
        assertThat(u).hasSize(2);
        assertThat(u.get(1)).isEqualTo(new Term.Words("order", "order"));
    }

    @Test
    void unknownPrefixesAreWords() {
        assertThat(terms("http://x").get(0)).isEqualTo(new Term.Words("http://x", "http://x"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // expression | start | end | part of the reason
        "prio:abc|5|8|prio: needs a priority",
        "a prio:|2|7|prio: needs",
        "prio:40000|5|10|goes up to 32767",
        "prio:4..1|5|9|runs backwards",
        "prio:<0|5|7|matches nothing",
        "size:>1q|6|8|size: needs a size",
        "re:(ab|5|6|re: unclosed group",
        "re:|0|3|re: needs a regular expression",
        "hex:CAF|4|7|whole bytes",
        "hex:CG|5|6|not 'G'",
        "hex:|0|4|hex: needs bytes",
        "x \"open phrase|2|14|not closed",
        "- prio:1|0|1|negates the term right after it",
        "--x|0|2|negates twice",
        "$.items[x]|7|10|array index",
        "$.|1|2|member name",
        "$.a>abc|4|7|compares numbers",
        "$.a=|0|4|needs a value",
        "$.a!x|3|4|'!='",
        "$x|1|2|after '$'",
        "\"a\"b|3|4|a space must separate",
        "\"\"|0|2|empty phrase"})
    void errorsSayWhereAndWhy(String expression, int start, int end, String reason) {
        FilterError e = error(expression);
        assertThat(e.reason()).contains(reason);
        assertThat(e.start()).as("start").isEqualTo(start);
        assertThat(e.end()).as("end").isEqualTo(end);
        assertThat(e.describe()).startsWith("column " + (start + 1) + ": ");
    }
}
