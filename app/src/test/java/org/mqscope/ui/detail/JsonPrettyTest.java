package org.mqscope.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonPrettyTest {

    @Test
    void indentsNestedObjectsAndArraysByTwoSpaces() throws Exception {
        assertThat(JsonPretty.format("{\"a\":1,\"b\":[true,null,{\"c\":\"x\"}],\"d\":{}}")).isEqualTo("""
                {
                  "a": 1,
                  "b": [
                    true,
                    null,
                    {
                      "c": "x"
                    }
                  ],
                  "d": {}
                }""");
    }

    @Test
    void keepsStringsNumbersAndEscapesExactlyAsWritten() throws Exception {
        assertThat(JsonPretty.format(" [ \"a,b:{}\\\"\\u00e9\" , -1.5e+3 , 0 , [] ] "))
                .isEqualTo("[\n  \"a,b:{}\\\"\\u00e9\",\n  -1.5e+3,\n  0,\n  []\n]");
        assertThat(JsonPretty.format("42")).isEqualTo("42");
        assertThat(JsonPretty.format("\"just a string\"")).isEqualTo("\"just a string\"");
    }

    @Test
    void deepNestingIsIndentedLevelByLevel() throws Exception {
        String deep = "[".repeat(3_000) + "]".repeat(3_000);
        assertThat(JsonPretty.format(deep)).startsWith("[\n  [\n    [").endsWith("]\n  ]\n]");
    }

    @Test
    void rejectsWhatIsNotJsonWithTheOffset() {
        assertNotJson("", "empty text at character 0");
        assertNotJson("{\"a\" 1}", "expected ':' but found '1' at character 5");
        assertNotJson("[1,]", "expected a value but found ']' at character 3");
        assertNotJson("{\"a\":1", "the text ends where ',' or '}' should follow at character 6");
        assertNotJson("{a:1}", "expected a member name in double quotes but found 'a' at character 1");
        assertNotJson("[01]", "expected ',' or ']' but found '1' at character 2");
        assertNotJson("\"abc", "unterminated string at character 0");
        assertNotJson("\"a\tb\"", "control character U+0009 inside a string at character 2");
        assertNotJson("\"\\x\"", "bad escape \\x at character 1");
        assertNotJson("{} {}", "text after the JSON value: '{' at character 3");
        assertNotJson("[1 2]", "expected ',' or ']' but found '2' at character 3");
        assertNotJson("tru", "expected a value but found 't' at character 0");
        assertNotJson("1.", "expected a digit after '.' at character 2");
        assertNotJson("[}", "expected a value but found '}' at character 1");
    }

    private static void assertNotJson(String text, String message) {
        assertThatThrownBy(() -> JsonPretty.format(text)).isInstanceOf(JsonPretty.NotJson.class)
                .hasMessage(message);
    }
}
