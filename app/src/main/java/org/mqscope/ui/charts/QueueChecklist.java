package org.mqscope.ui.charts;

import org.mqscope.monitor.series.Thresholds;
import org.mqscope.ui.core.chart.ChartColors;

import javax.swing.AbstractAction;
import javax.swing.DefaultListModel;
import javax.swing.JCheckBox;
import javax.swing.JList;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.UIManager;
import javax.swing.border.EmptyBorder;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The queues the overview can show, each with a check box (click or Space toggles); a queue's name takes its
 * level's colour when it is above a threshold. EDT only.
 */
final class QueueChecklist extends JList<String> {
    private static final long serialVersionUID = 1L;

    private final DefaultListModel<String> names = new DefaultListModel<>();
    private final Set<String> chosen = new LinkedHashSet<>();
    private transient Runnable onChange = () -> { };
    private transient Function<String, Thresholds.Level> levels = name -> Thresholds.Level.UNKNOWN;
    /** The level each name was last painted with: a chart tick repaints only the rows whose level moved. */
    private final Map<String, Thresholds.Level> painted = new HashMap<>();

    QueueChecklist() {
        setModel(names);
        setName("charts.queues");
        setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        setToolTipText("Queues in the overview: click or press Space to show or hide one");
        JCheckBox box = new JCheckBox();
        box.setBorder(new EmptyBorder(1, 4, 1, 4));
        setCellRenderer((list, name, index, selected, focus) -> {
            box.setText(name);
            box.setSelected(chosen.contains(name));
            box.setOpaque(true);
            box.setBackground(selected ? list.getSelectionBackground() : list.getBackground());
            Thresholds.Level now = levels.apply(name);
            painted.put(name, now);
            Color level = ChartColors.level(now);
            box.setForeground(selected ? list.getSelectionForeground() : level != null ? level
                    : list.getForeground());
            box.setFont(list.getFont());
            return box;
        });
        addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                int i = locationToIndex(e.getPoint());
                if (i >= 0 && getCellBounds(i, i).contains(e.getPoint())) {
                    toggle(names.get(i));
                }
            }
        });
        getInputMap().put(KeyStroke.getKeyStroke("SPACE"), "toggle");
        getActionMap().put("toggle", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                String name = getSelectedValue();
                if (name != null) {
                    toggle(name);
                }
            }
        });
    }

    void onChange(Runnable r) {
        onChange = r;
    }

    void levels(Function<String, Thresholds.Level> f) {
        levels = f;
    }

    /** The queues listed, in name order; the selection and the choice survive where the names do. */
    void setQueues(Collection<String> sortedNames) {
        String selected = getSelectedValue();
        List<String> now = new ArrayList<>(sortedNames);
        if (!now.equals(java.util.Collections.list(names.elements()))) {
            names.clear();
            names.addAll(now);
            painted.keySet().retainAll(now);
            if (selected != null && now.contains(selected)) {
                setSelectedValue(selected, false);
            }
        }
    }

    /** Repaints the rows whose queue is now at another level than painted (each chart tick calls this). */
    void repaintChangedLevels() {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (painted.get(name) != levels.apply(name)) {
                Rectangle r = getCellBounds(i, i);
                if (r != null) {
                    repaint(r);
                }
            }
        }
    }

    void toggle(String name) {
        if (!chosen.remove(name)) {
            chosen.add(name);
        }
        repaint();
        onChange.run();
    }

    /** The chosen queues, listed or not (one may come back). */
    Set<String> chosen() {
        return chosen;
    }

    void setChosen(Collection<String> c) {
        chosen.clear();
        chosen.addAll(c);
        repaint();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        setBackground(UIManager.getColor("List.background"));
    }
}
