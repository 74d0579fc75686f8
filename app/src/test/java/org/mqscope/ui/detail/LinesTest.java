package org.mqscope.ui.detail;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.MqMessage;

/** Hex and text line sources, and what the detail pane prepares for a message. */
class LinesTest {

    @Test
    void hexLinesShowOffsetSixteenBytesAndAscii() {
        byte[] data = "Hello, world!\n\u0000\u00ff-more".getBytes(StandardCharsets.ISO_8859_1);
        HexLines hex = new HexLines(data);
        assertThat(hex.lineCount()).isEqualTo(2);
        assertThat(hex.line(0)).isEqualTo(
                "00000000  48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 0a 00 ff  |Hello, world!...|");
        assertThat(hex.line(1)).isEqualTo(
                "00000010  2d 6d 6f 72 65                                    |-more|");
        assertThat(hex.line(0)).hasSize(HexLines.LINE_LENGTH);
        assertThatThrownBy(() -> hex.line(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(new HexLines(new byte[0]).lineCount()).isZero();
    }

    @Test
    void hexOfSixteenMebibytesBuildsOnlyTheLinesAskedFor() {
        byte[] big = new byte[16 * 1024 * 1024];
        big[big.length - 1] = 0x41;
        HexLines hex = new HexLines(big);
        assertThat(hex.lineCount()).isEqualTo(1024 * 1024);
        assertThat(hex.line(hex.lineCount() - 1)).startsWith("00fffff0  00").endsWith("|...............A|");
    }

    @Test
    void textLinesSplitAtNewlinesAndWrapLongLines() {
        TextLines t = TextLines.of(("one\r\ntwo\tx\n" + "z".repeat(TextLines.WRAP + 5) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(t.utf8()).isTrue();
        assertThat(t.lineCount()).isEqualTo(4);
        assertThat(t.line(0)).isEqualTo("one");
        assertThat(t.line(1)).isEqualTo("two x");
        assertThat(t.line(2)).hasSize(TextLines.WRAP);
        assertThat(t.line(3)).isEqualTo("zzzzz");
        assertThat(TextLines.of(new byte[0]).lineCount()).isZero();
        assertThat(TextLines.of("no newline".getBytes(StandardCharsets.UTF_8)).lineCount()).isEqualTo(1);
    }

    @Test
    void bytesThatAreNotUtf8AreShownAsLatin1WithControlsAsDots() {
        TextLines t = TextLines.of(new byte[] {'a', (byte) 0xff, 0x01, 'b'});
        assertThat(t.utf8()).isFalse();
        assertThat(t.line(0)).isEqualTo("aÿ·b");
    }

    @Test
    void aSixteenMebibyteLineWithoutNewlinesIsIndexedAsWrappedLines() {
        byte[] big = new byte[16 * 1024 * 1024];
        Arrays.fill(big, (byte) 'x');
        long t0 = System.nanoTime();
        TextLines t = TextLines.of(big);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(t.lineCount()).isEqualTo((big.length + TextLines.WRAP - 1) / TextLines.WRAP);
        assertThat(t.line(t.lineCount() - 1)).matches("x+");
        assertThat(ms).as("indexing 16 MiB, ms").isLessThan(5_000);
    }

    @Test
    void detailContentPrettyPrintsJsonAndSaysWhyNot() {
        DetailContent json = DetailContent.of("m", new MqMessage("{\"a\":[1]}".getBytes(StandardCharsets.UTF_8),
                3), false);
        assertThat(json.json().text()).isEqualTo("{\n  \"a\": [\n    1\n  ]\n}");
        assertThat(json.jsonNote()).isNull();

        DetailContent text = DetailContent.of("m", new MqMessage("plain".getBytes(StandardCharsets.UTF_8), 0),
                false);
        assertThat(text.json()).isNull();
        assertThat(text.jsonNote()).isEqualTo("Not JSON: expected a value but found 'p' at character 0.");

        DetailContent binary = DetailContent.of("m", new MqMessage(new byte[] {(byte) 0xc3}, 0), false);
        assertThat(binary.jsonNote()).isEqualTo("Not JSON: the payload is not valid UTF-8.");

        byte[] big = ("[" + "1,".repeat(DetailContent.JSON_CAP / 2) + "1]").getBytes(StandardCharsets.UTF_8);
        DetailContent capped = DetailContent.of("m", new MqMessage(big, 0), false);
        assertThat(capped.json()).isNull();
        assertThat(capped.jsonNote()).startsWith("JSON view is off above 1.0 MiB (this message has 1.0 MiB)");
    }

}
