package org.mqscope.ui.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WindowBoundsTest {
    private static final Rectangle SCREEN = new Rectangle(0, 0, 1920, 1080);
    private static final Rectangle RIGHT_SCREEN = new Rectangle(1920, 0, 1280, 1024);

    private final Preferences prefs = Preferences.userRoot().node("org/mqscope/test/" + UUID.randomUUID());

    @AfterEach
    void removeNode() throws BackingStoreException {
        prefs.removeNode();
    }

    @Test
    void boundsThatFitStayAsTheyAre() {
        Rectangle r = new Rectangle(100, 50, 1000, 700);
        assertThat(WindowBounds.clamp(r, List.of(SCREEN))).isEqualTo(r);
    }

    @Test
    void aWindowOffTheRightEdgeIsMovedBack() {
        assertThat(WindowBounds.clamp(new Rectangle(1500, 900, 1000, 700), List.of(SCREEN)))
                .isEqualTo(new Rectangle(920, 380, 1000, 700));
    }

    @Test
    void aWindowLargerThanTheScreenIsShrunkToIt() {
        assertThat(WindowBounds.clamp(new Rectangle(-50, -50, 4000, 3000), List.of(SCREEN))).isEqualTo(SCREEN);
    }

    @Test
    void aWindowOnAScreenThatIsGoneComesBackToTheFirstScreen() {
        assertThat(WindowBounds.clamp(new Rectangle(2500, 100, 800, 600), List.of(SCREEN)))
                .isEqualTo(new Rectangle(1120, 100, 800, 600));
    }

    @Test
    void aWindowStaysOnTheScreenItMostlyCovers() {
        assertThat(WindowBounds.clamp(new Rectangle(1800, 100, 800, 600), List.of(SCREEN, RIGHT_SCREEN)))
                .isEqualTo(new Rectangle(1920, 100, 800, 600));
    }

    @Test
    void aTinyWindowGrowsToTheMinimumSize() {
        assertThat(WindowBounds.clamp(new Rectangle(10, 10, 50, 20), List.of(SCREEN)))
                .isEqualTo(new Rectangle(10, 10, WindowBounds.MIN_SIZE.width, WindowBounds.MIN_SIZE.height));
    }

    @Test
    void nothingStoredMeansNoBounds() {
        assertThat(WindowBounds.remembered(prefs).load()).isEmpty();
        assertThat(WindowBounds.fixed(WindowBounds.DEFAULT_SIZE).load()).isEmpty();
    }

    @Test
    void storedBoundsAreRead() {
        prefs.putInt(WindowBounds.X, 12);
        prefs.putInt(WindowBounds.Y, 34);
        prefs.putInt(WindowBounds.WIDTH, 800);
        prefs.putInt(WindowBounds.HEIGHT, 600);
        assertThat(WindowBounds.remembered(prefs).load()).contains(new Rectangle(12, 34, 800, 600));
    }

    @Test
    void aStoredNonsenseSizeIsIgnored() {
        prefs.putInt(WindowBounds.WIDTH, 0);
        prefs.putInt(WindowBounds.HEIGHT, 600);
        assertThat(WindowBounds.remembered(prefs).load()).isEmpty();
    }
}
