package org.mqscope.ui.core.find;

import net.miginfocom.swing.MigLayout;
import org.mqscope.find.Filter;
import org.mqscope.find.FilterError;
import org.mqscope.ui.core.Dim;
import org.mqscope.ui.core.Icons;

import javax.swing.AbstractAction;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.text.NumberFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The filter line above a list of messages: the expression (bad syntax underlined, the reason beside it), how
 * many messages match, previous/next match, "matches only", and a menu of saved views and recent filters. It
 * parses as the user types and hands a valid filter on after a short pause ({@link #DEBOUNCE_MS}); Enter applies
 * at once, Escape clears. Matching itself is the owner's business (see {@link FilterRunner}).
 */
public final class FilterBar extends JPanel {
    /** Pause in typing after which the filter applies. */
    public static final int DEBOUNCE_MS = 150;
    static final String PLACEHOLDER = "Filter: words, \"a phrase\", re:…, hex:CA FE, prio:>=5, size:>1k, "
            + "$.path=value, -not";

    private final String name;
    private final SavedViews views;
    private final ErrorField field = new ErrorField(30);
    private final JLabel count = new JLabel(" ");
    private final JLabel problem = new JLabel();
    private final JButton previous = new JButton("◀");
    private final JButton next = new JButton("▶");
    private final JToggleButton onlyMatches = new JToggleButton("Matches only");
    private final JButton menu = new JButton("Views ▾");
    private final Timer debounce;
    private Consumer<Filter> onFilter = f -> { };
    private IntConsumer onStep = d -> { };
    private Runnable onOnlyMatches = () -> { };
    private Runnable onEscape = () -> { };
    private Filter applied = Filter.NONE;
    private String queue;

    public FilterBar(String name, SavedViews views) {
        super(new MigLayout("insets 0 8 4 8, gap 4, hidemode 3", "[grow, fill][][][][][]", "[]0[]"));
        this.name = name;
        this.views = views;
        setName(name);
        field.setName(name + ".field");
        count.setName(name + ".count");
        problem.setName(name + ".problem");
        previous.setName(name + ".previous");
        next.setName(name + ".next");
        onlyMatches.setName(name + ".only");
        menu.setName(name + ".views");
        field.putClientProperty("JTextField.placeholderText", PLACEHOLDER);
        field.putClientProperty("JTextField.leadingIcon", Icons.action("filter"));
        field.putClientProperty("JTextField.showClearButton", true);
        field.setToolTipText("<html>Filter the messages: all terms must hold.<br>"
                + "words or \"a phrase\" (any case) · re:regex · hex:CA FE · prio:9, prio:>=5, prio:1..4<br>"
                + "size:>1k, size:1k..4k · $.customer.tier=gold, $.items[0].qty>1, $.note (exists) · "
                + "-term (not)<br>Enter applies now, Escape clears, F3 / Shift+F3 step through matches</html>");
        previous.setToolTipText("Previous match (Shift+F3)");
        next.setToolTipText("Next match (F3)");
        onlyMatches.setToolTipText("Show only the matching messages, or all with the matches marked");
        onlyMatches.setSelected(true);
        menu.setToolTipText("Saved views and recent filters");
        for (JComponent b : new JComponent[] {previous, next, menu}) {
            b.putClientProperty("JButton.buttonType", "toolBarButton");
            b.setFocusable(false);
        }
        onlyMatches.setFocusable(false);
        Dim.text(count);
        problem.putClientProperty("FlatLaf.style", "foreground: $Component.error.focusedBorderColor");
        problem.setVisible(false);

        debounce = new Timer(DEBOUNCE_MS, e -> apply());
        debounce.setRepeats(false);
        field.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                edited();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                edited();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                edited();
            }
        });
        field.addActionListener(e -> {
            debounce.stop();
            apply();
            if (!applied.isEmpty()) {
                views.remember(applied.expression());
            }
        });
        bind(field, KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "clear", () -> {
            field.setText("");
            debounce.stop();
            apply();
            onEscape.run();
        });
        previous.addActionListener(e -> onStep.accept(-1));
        next.addActionListener(e -> onStep.accept(1));
        onlyMatches.addActionListener(e -> onOnlyMatches.run());
        menu.addActionListener(e -> showMenu());

        add(field, "wmin 120");
        add(count, "gapleft 6");
        add(previous);
        add(next);
        add(onlyMatches);
        add(menu, "wrap");
        add(problem, "span, wmin 0, gapleft 4");
    }

    private static void bind(JComponent c, KeyStroke key, String id, Runnable r) {
        c.getInputMap(JComponent.WHEN_FOCUSED).put(key, id);
        c.getActionMap().put(id, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                r.run();
            }
        });
    }

    /** Parses what is typed now: the underline and reason show at once; a valid filter applies after a pause. */
    private void edited() {
        Filter.Parse p = Filter.parse(field.getText());
        showError(p.error());
        debounce.restart();
    }

    private void showError(FilterError e) {
        field.setError(e);
        field.putClientProperty("JComponent.outline", e == null ? null : "error");
        problem.setText(e == null ? "" : e.describe());
        problem.setVisible(e != null);
        revalidate();
    }

    private void apply() {
        Filter.Parse p = Filter.parse(field.getText());
        showError(p.error());
        if (!p.ok()) {
            return; // the last valid filter stays in force while the expression is being fixed
        }
        applied = p.filter();
        previous.setEnabled(!applied.isEmpty());
        next.setEnabled(!applied.isEmpty());
        onFilter.accept(applied);
    }

    /** Called with each valid filter once typing pauses (or Enter, or a picked view). */
    public void onFilter(Consumer<Filter> listener) {
        onFilter = listener;
    }

    /** Called with +1 (next match) or -1 (previous match). */
    public void onStep(IntConsumer listener) {
        onStep = listener;
    }

    /** Called when "Matches only" is switched. */
    public void onOnlyMatches(Runnable listener) {
        onOnlyMatches = listener;
    }

    /** Called after Escape cleared the field (e.g. to give the focus back to the table). */
    public void onEscape(Runnable listener) {
        onEscape = listener;
    }

    /** Replaces the expression and applies it now, as Enter would. */
    public void setExpression(String expression) {
        assert SwingUtilities.isEventDispatchThread();
        field.setText(expression);
        debounce.stop();
        apply();
    }

    public String expression() {
        return field.getText();
    }

    /** The filter in force (the last valid one). */
    public Filter filter() {
        return applied;
    }

    /** The syntax error of what is typed, or null. */
    public FilterError error() {
        return field.error();
    }

    public boolean onlyMatches() {
        return onlyMatches.isSelected();
    }

    public void setOnlyMatches(boolean only) {
        onlyMatches.setSelected(only);
        onOnlyMatches.run();
    }

    /** For a list that only ever shows the matches (a live recording's events): no "Matches only" switch. */
    public void alwaysOnlyMatches() {
        onlyMatches.setSelected(true);
        onlyMatches.setVisible(false);
    }

    /** "12 of 6,582 match", or how many there are while no filter is set. */
    public void setCount(int matches, int total) {
        NumberFormat n = NumberFormat.getIntegerInstance();
        count.setText(applied.isEmpty() ? n.format(total) + (total == 1 ? " message" : " messages")
                : n.format(matches) + " of " + n.format(total) + " match");
    }

    public void setCountText(String text) {
        count.setText(text);
    }

    public String countText() {
        return count.getText();
    }

    public String problemText() {
        return problem.isVisible() ? problem.getText() : null;
    }

    /** The queue the views menu offers views for (null: none selected). */
    public void setQueue(String queueName) {
        queue = queueName;
    }

    public void focusField() {
        field.requestFocusInWindow();
        field.selectAll();
    }

    public SavedViews views() {
        return views;
    }

    /** Saves the filter in force under {@code viewName}, for the current queue or (null) for every queue. */
    public void saveView(String viewName, boolean forAllQueues) {
        views.save(new SavedViews.View(viewName, forAllQueues || queue == null ? null : queue,
                applied.expression()));
    }

    /** The views menu as it would open now (built fresh each time). */
    JPopupMenu buildMenu() {
        JPopupMenu m = new JPopupMenu();
        m.setName(name + ".menu");
        List<SavedViews.View> mine = views.forQueue(queue);
        if (mine.isEmpty()) {
            JMenuItem none = new JMenuItem("No saved views yet");
            none.setEnabled(false);
            m.add(none);
        }
        for (SavedViews.View v : mine) {
            JMenuItem item = new JMenuItem(v.name() + "   " + v.expression() + (v.forAllQueues() ? "   (all queues)"
                    : ""));
            item.setName(name + ".view." + v.name());
            item.addActionListener(e -> setExpression(v.expression()));
            m.add(item);
        }
        List<String> recent = views.recent();
        if (!recent.isEmpty()) {
            m.addSeparator();
            JMenu r = new JMenu("Recent filters");
            r.setName(name + ".recent");
            for (String expression : recent) {
                JMenuItem item = new JMenuItem(expression);
                item.addActionListener(e -> setExpression(expression));
                r.add(item);
            }
            m.add(r);
        }
        m.addSeparator();
        JMenuItem save = new JMenuItem("Save Filter as View…");
        save.setName(name + ".save");
        save.setEnabled(!applied.isEmpty());
        save.addActionListener(e -> askAndSave());
        m.add(save);
        if (!mine.isEmpty()) {
            JMenu delete = new JMenu("Delete View");
            for (SavedViews.View v : mine) {
                JMenuItem item = new JMenuItem(v.name() + (v.forAllQueues() ? " (all queues)" : ""));
                item.addActionListener(e -> views.remove(v));
                delete.add(item);
            }
            m.add(delete);
        }
        return m;
    }

    private void showMenu() {
        buildMenu().show(menu, 0, menu.getHeight());
    }

    private void askAndSave() {
        SaveViewDialog.Answer a = SaveViewDialog.ask(this, queue, applied.expression());
        if (a != null) {
            saveView(a.name(), a.forAllQueues());
        }
    }
}
