package org.mqscope.ui.core.find;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SavedViewsTest {
    private final Preferences node = Preferences.userRoot().node("org/mqscope/test/" + UUID.randomUUID());

    @AfterEach
    void remove() throws Exception {
        node.removeNode();
    }

    @Test
    void viewsPerQueueAndForAllQueuesReplacedByNameAndScope() {
        SavedViews v = new SavedViews(node);
        v.save(new SavedViews.View("gold", "/orders", "$.customer.tier=gold"));
        v.save(new SavedViews.View("urgent", null, "prio:>=5"));
        v.save(new SavedViews.View("gold", "/orders", "$.customer.tier=gold prio:9")); // replaces
        v.save(new SavedViews.View("gold", "/billing", "gold"));
        assertThat(new SavedViews(node).forQueue("/orders")).containsExactly(
                new SavedViews.View("urgent", null, "prio:>=5"),
                new SavedViews.View("gold", "/orders", "$.customer.tier=gold prio:9"));
        assertThat(v.forQueue("/logs")).extracting(SavedViews.View::name).containsExactly("urgent");
        v.remove(new SavedViews.View("urgent", null, "prio:>=5"));
        assertThat(new SavedViews(node).all()).extracting(SavedViews.View::queue).containsExactly("/orders",
                "/billing");
    }

    @Test
    void recentFiltersNewestFirstOnceEachAndCapped() {
        SavedViews v = new SavedViews(node);
        for (int i = 0; i < SavedViews.RECENT_MAX + 3; i++) {
            v.remember("f" + i);
        }
        v.remember("f5");
        v.remember("  ");
        assertThat(new SavedViews(node).recent()).hasSize(SavedViews.RECENT_MAX).startsWith("f5", "f12", "f11")
                .doesNotHaveDuplicates();
    }
}
