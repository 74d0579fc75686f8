package org.mqscope.ui.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecentPayloadsTest {
    private final Preferences node = Preferences.userRoot().node("org/mqscope/test/" + UUID.randomUUID());
    private final RecentPayloads recent = new RecentPayloads(node);

    @AfterEach
    void remove() throws Exception {
        node.removeNode();
    }

    @Test
    void keepsTheLastTenPerQueueNewestFirstWithoutDuplicates() {
        for (int i = 1; i <= 12; i++) {
            assertThat(recent.remember("/a", new RecentPayloads.Entry(PayloadMode.TEXT, "m" + i, i))).isTrue();
        }
        recent.remember("/a", new RecentPayloads.Entry(PayloadMode.TEXT, "m5", 5));
        recent.remember("/b", new RecentPayloads.Entry(PayloadMode.HEX, "de ad\nbe ef", 0));
        assertThat(recent.list("/a")).hasSize(10).first().isEqualTo(new RecentPayloads.Entry(PayloadMode.TEXT, "m5", 5));
        assertThat(recent.list("/a")).extracting(RecentPayloads.Entry::content)
                .containsExactly("m5", "m12", "m11", "m10", "m9", "m8", "m7", "m6", "m4", "m3");
        assertThat(new RecentPayloads(node).list("/b"))
                .containsExactly(new RecentPayloads.Entry(PayloadMode.HEX, "de ad\nbe ef", 0));
        assertThat(recent.list("/c")).isEmpty();
    }

    @Test
    void bigPayloadsAreNotKeptAndTenOfTheLargestFitAPreferencesValue() {
        assertThat(recent.remember("/a", new RecentPayloads.Entry(PayloadMode.TEXT, "x".repeat(513), 0))).isFalse();
        assertThat(recent.list("/a")).isEmpty();
        String big = "é".repeat(RecentPayloads.MAX_CONTENT_BYTES / 2);
        for (int i = 0; i < 10; i++) {
            assertThat(recent.remember("/a", new RecentPayloads.Entry(PayloadMode.TEXT, big + i, i))).isFalse();
        }
        String fits = "é".repeat(RecentPayloads.MAX_CONTENT_BYTES / 2 - 1);
        for (int i = 0; i < 10; i++) {
            assertThat(recent.remember("/a", new RecentPayloads.Entry(PayloadMode.TEXT, fits + i, 32767))).isTrue();
        }
        assertThat(recent.list("/a")).hasSize(10);
    }

    @Test
    void longQueueNamesGetAKeyPreferencesAccepts() {
        String name = "/" + "q".repeat(255);
        recent.remember(name, new RecentPayloads.Entry(PayloadMode.FILE, "/tmp/x.bin", 1));
        assertThat(recent.list(name)).containsExactly(new RecentPayloads.Entry(PayloadMode.FILE, "/tmp/x.bin", 1));
        assertThat(RecentPayloads.key(name).length()).isLessThanOrEqualTo(Preferences.MAX_KEY_LENGTH);
    }

    @Test
    void labelsFitOneLine() {
        assertThat(new RecentPayloads.Entry(PayloadMode.TEXT, "a\n  b", 3).label()).isEqualTo("Text · prio 3 · a b");
        assertThat(new RecentPayloads.Entry(PayloadMode.TEXT, "z".repeat(60), 3).label()).endsWith("z…").hasSize(16 + 48);
    }
}
