package org.mqscope.ui.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayloadParsingTest {

    @Test
    void hexTakesPairsWithWhitespaceAnywhere() throws Exception {
        assertThat(HexPayload.parse("48656c6c6f")).isEqualTo("Hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(HexPayload.parse(" 48 65\n6C\t6c 6\n f \r\n")).isEqualTo("Hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(HexPayload.parse("00 ff 7F 80")).containsExactly(0, -1, 127, -128);
        assertThat(HexPayload.parse("  \n")).isEmpty();
    }

    @Test
    void hexNamesTheBadDigitAndItsPosition() {
        assertThatThrownBy(() -> HexPayload.parse("48 65 6g"))
                .isInstanceOf(ComposeException.class).hasMessage("Hex: bad digit 'g' at position 8");
        assertThatThrownBy(() -> HexPayload.parse("0x41"))
                .hasMessage("Hex: bad digit 'x' at position 2");
        // Unicode digits are digits to Character.digit, not to a hex parser.
        assertThatThrownBy(() -> HexPayload.parse("４１"))
                .hasMessage("Hex: bad digit '４' at position 1");
        assertThatThrownBy(() -> HexPayload.parse("41\u000742"))
                .hasMessage("Hex: bad digit '\\u0007' at position 3");
    }

    @Test
    void hexRefusesAnOddNumberOfDigits() {
        assertThatThrownBy(() -> HexPayload.parse("48 65 6"))
                .hasMessage("Hex: odd number of digits (5): every byte needs two");
    }

    @Test
    void hexRefusesTheCounterPlaceholder() {
        assertThatThrownBy(() -> HexPayload.parse("41 ${n}"))
                .hasMessage("Hex: ${n} at position 4 works in Text mode only");
    }

    @Test
    void hexFormatReadsBack() throws Exception {
        byte[] b = {0, 1, -2, 127};
        assertThat(HexPayload.format(b)).isEqualTo("00 01 fe 7f");
        assertThat(HexPayload.parse(HexPayload.format(b))).isEqualTo(b);
    }

    @Test
    void counterPlaceholderBecomesTheMessageNumber() {
        CounterTemplate t = new CounterTemplate("order ${n} of batch ${n}!");
        assertThat(t.hasPlaceholder()).isTrue();
        assertThat(t.expand(1)).isEqualTo("order 1 of batch 1!");
        assertThat(t.expand(1000)).isEqualTo("order 1000 of batch 1000!");
        assertThat(new CounterTemplate("${n}").expand(42)).isEqualTo("42");
        assertThat(new CounterTemplate("no counter, $n {n} ${N}").hasPlaceholder()).isFalse();
        assertThat(new CounterTemplate("no counter, $n {n} ${N}").expand(5)).isEqualTo("no counter, $n {n} ${N}");
        assertThat(new CounterTemplate("é${n}").bytes(7)).isEqualTo("é7".getBytes(StandardCharsets.UTF_8));
        assertThat(new CounterTemplate("x${n}").maxBytes(1000)).isEqualTo(5);
        assertThat(new CounterTemplate("x${n}").minBytes(1000)).isEqualTo(2);
    }

    @Test
    void sizeChecksShowBothSizesAndEmsgsize() throws Exception {
        Payload fits = Payload.text("a".repeat(8192));
        assertThat(fits.sizeProblem(1, 8192)).isNull();
        assertThat(Payload.text("a".repeat(8193)).sizeProblem(1, 8192))
                .isEqualTo("Text: 8,193 bytes is more than the queue's msgsize of 8,192 (EMSGSIZE)");
        assertThat(Payload.hex("00".repeat(129)).sizeProblem(3, 128))
                .isEqualTo("Hex: 129 bytes is more than the queue's msgsize of 128 (EMSGSIZE)");
        // With the counter only the longer numbers overflow: from message 10 on here.
        Payload counted = Payload.text("x".repeat(126) + "${n}");
        assertThat(counted.sizeProblem(9, 127)).isNull();
        assertThat(counted.sizeProblem(10, 127))
                .isEqualTo("Text: message 10 on would be 128 bytes, more than the queue's msgsize of 127 (EMSGSIZE)");
        assertThat(counted.sizeProblem(10, 100))
                .isEqualTo("Text: 127–128 bytes is more than the queue's msgsize of 100 (EMSGSIZE)");
    }

    @Test
    void aFileLargerThanMsgsizeIsRefusedBeforeReading(@TempDir Path dir) throws IOException, ComposeException {
        Path big = Files.write(dir.resolve("big.bin"), new byte[12_000]);
        assertThatThrownBy(() -> Payload.file(big, 8192))
                .isInstanceOf(ComposeException.class)
                .hasMessage("File: 12,000 bytes is more than the queue's msgsize of 8,192 (EMSGSIZE)");
        Path small = Files.write(dir.resolve("small.bin"), new byte[] {1, 2, 3});
        Payload p = Payload.file(small, 8192);
        assertThat(p.message(1)).containsExactly(1, 2, 3);
        assertThat(p.mode()).isEqualTo(PayloadMode.FILE);
    }

    @Test
    void planFieldsNameTheFieldAndTheErrno() {
        assertThat(SendPlan.priorityProblem(32768)).isEqualTo("Priority: EINVAL — must be 0..32767, not 32768");
        assertThat(SendPlan.priorityProblem(-1)).isEqualTo("Priority: EINVAL — must be 0..32767, not -1");
        assertThat(SendPlan.priorityProblem(32767)).isNull();
        assertThat(SendPlan.countProblem(0)).isEqualTo("Count: must be 1..1,000,000");
        assertThat(SendPlan.countProblem(1_000_000)).isNull();
        assertThatThrownBy(() -> new SendPlan("/q", m -> Payload.text(""), 40000, 1, java.time.Duration.ZERO, null))
                .hasMessage("Priority: EINVAL — must be 0..32767, not 40000");
    }

    @Test
    void ordinals() {
        assertThat(SendOutcome.ordinal(1)).isEqualTo("1st");
        assertThat(SendOutcome.ordinal(2)).isEqualTo("2nd");
        assertThat(SendOutcome.ordinal(3)).isEqualTo("3rd");
        assertThat(SendOutcome.ordinal(8)).isEqualTo("8th");
        assertThat(SendOutcome.ordinal(11)).isEqualTo("11th");
        assertThat(SendOutcome.ordinal(112)).isEqualTo("112th");
        assertThat(SendOutcome.ordinal(1021)).isEqualTo("1,021st");
    }
}
