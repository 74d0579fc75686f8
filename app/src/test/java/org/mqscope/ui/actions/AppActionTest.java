package org.mqscope.ui.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.PeekMethod;
import org.mqscope.ui.core.BackendKind;

class AppActionTest {
    private static final UiState EMULATED = UiState.INITIAL.withBackend(BackendKind.EMULATED)
            .withQueue("/q", PeekMethod.EXACT);
    private static final UiState KERNEL = UiState.INITIAL.withBackend(BackendKind.KERNEL)
            .withQueue("/q", PeekMethod.DRAIN_RESTORE);

    @Test
    void theShortcutsTheIssueAsksForAndNoTwoAlike() {
        assertThat(AppAction.REFRESH.key().toString()).isEqualTo("pressed F5");
        assertThat(AppAction.FILTER.key().toString()).isEqualTo("ctrl pressed F");
        assertThat(AppAction.COPY.key().toString()).isEqualTo("ctrl pressed C");
        assertThat(AppAction.UNLINK.key().toString()).isEqualTo("pressed DELETE");
        assertThat(AppAction.QUIT.key().toString()).isEqualTo("ctrl pressed Q");
        Set<Object> keys = new HashSet<>();
        Arrays.stream(AppAction.values()).map(AppAction::key).filter(Objects::nonNull)
                .forEach(k -> assertThat(keys.add(k)).as("unique " + k).isTrue());
    }

    @Test
    void destructiveActionsNeedAQueueAndAreOffInReadOnlyMode() {
        for (AppAction a : new AppAction[] {AppAction.RECEIVE, AppAction.PURGE, AppAction.UNLINK}) {
            assertThat(a.destructive()).isTrue();
            assertThat(a.enabledIn(EMULATED)).as(a + " with a queue").isTrue();
            assertThat(a.enabledIn(EMULATED.withReadOnly(true))).as(a + " read only").isFalse();
            assertThat(a.enabledIn(EMULATED.withQueue(null, null))).as(a + " without a queue").isFalse();
        }
        assertThat(AppAction.PEEK.destructive()).isFalse();
    }

    @Test
    void kernelPeekIsOffInReadOnlyModeButExactPeekStays() {
        assertThat(AppAction.PEEK.enabledIn(KERNEL)).isTrue();
        assertThat(AppAction.PEEK.enabledIn(KERNEL.withReadOnly(true))).isFalse();
        assertThat(AppAction.PEEK.enabledIn(EMULATED.withReadOnly(true))).isTrue();
        assertThat(AppAction.COMPARE_PEEKS.enabledIn(EMULATED)).isTrue();
        assertThat(AppAction.COMPARE_PEEKS.enabledIn(KERNEL)).isFalse();
        assertThat(AppAction.COPY.enabledIn(EMULATED)).isFalse();
        assertThat(AppAction.COPY.enabledIn(EMULATED.withMessageShown(true))).isTrue();
    }
}
