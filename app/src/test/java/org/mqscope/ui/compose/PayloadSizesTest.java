package org.mqscope.ui.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mqscope.ui.core.Edt;

/**
 * A file not read yet is known by its size only: the checks refuse it with its size and the queue's msgsize, and
 * its type has no bodies to hand out (so nothing can try to send it before it is read).
 */
class PayloadSizesTest {
    private final Preferences prefs = Preferences.userRoot().node("org/mqscope/test-payload-sizes-debt");
    @TempDir
    Path dir;

    @AfterEach
    void forget() throws Exception {
        prefs.removeNode();
    }

    @Test
    void aFileKnownByItsSizeIsCheckedByItsSize() {
        PayloadSizes file = PayloadSizes.ofFile(9000);
        assertThat(file.mode()).isEqualTo(PayloadMode.FILE);
        assertThat(file.length(7)).isEqualTo(9000);
        assertThat(file.sizeProblem(5, 9000)).isNull();
        assertThat(file.sizeProblem(5, 8192))
                .isEqualTo("File: 9,000 bytes is more than the queue's msgsize of 8,192 (EMSGSIZE)");
    }

    @Test
    void aFileOnlyStatedHasNoBodies() {
        assertThat(Arrays.stream(PayloadSizes.ofFile(1).getClass().getMethods()).map(m -> m.getName()))
                .doesNotContain("message");
        assertThat(Payload.class.getSuperclass()).isEqualTo(PayloadSizes.class);
    }

    @Test
    void theEditorChecksAChosenFileWithoutReadingItAndSaysWhyItDoesNotFit() throws Exception {
        Path big = Files.write(dir.resolve("big.bin"), new byte[200]);
        Edt.run(() -> {
            PayloadEditor editor = new PayloadEditor(prefs, () -> { });
            editor.load(PayloadMode.FILE, big.toString());
            assertThat(editor.sizeText(3)).isEqualTo("200 bytes");
            assertThat(editor.problem(3, 200)).isNull();
            assertThat(editor.problem(3, 128))
                    .isEqualTo("File: 200 bytes is more than the queue's msgsize of 128 (EMSGSIZE)");
        });
    }
}
