package org.mqscope.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.swing.JComponent;
import javax.swing.RepaintManager;
import org.junit.jupiter.api.Test;
import org.mqscope.monitor.series.Thresholds.Level;
import org.mqscope.ui.core.Edt;

/** The overview's checklist headless: a chart tick repaints only the rows whose queue changed level. */
class QueueChecklistTest {

    @Test
    void aTickRepaintsOnlyTheRowsWhoseLevelMoved() {
        Edt.run(() -> {
            RepaintManager before = RepaintManager.currentManager(null);
            List<Rectangle> dirty = new ArrayList<>();
            QueueChecklist list = new QueueChecklist();
            RepaintManager.setCurrentManager(new RepaintManager() {
                @Override
                public void addDirtyRegion(JComponent c, int x, int y, int w, int h) {
                    if (c == list) {
                        dirty.add(new Rectangle(x, y, w, h));
                    }
                }
            });
            try {
                Map<String, Level> levels = new HashMap<>(Map.of("/a", Level.NORMAL, "/b", Level.NORMAL,
                        "/c", Level.NORMAL));
                list.levels(levels::get);
                list.setQueues(List.of("/a", "/b", "/c"));
                list.setSize(200, 100);
                list.paint(new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB).createGraphics());
                dirty.clear();

                list.repaintChangedLevels();
                assertThat(dirty).as("nothing changed, nothing repainted").isEmpty();

                levels.put("/b", Level.CRITICAL);
                list.repaintChangedLevels();
                assertThat(dirty).containsExactly(list.getCellBounds(1, 1));
            } finally {
                RepaintManager.setCurrentManager(before);
            }
        });
    }
}
