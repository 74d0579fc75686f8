package org.mqscope.ui.messages;

import net.miginfocom.swing.MigLayout;
import org.mqscope.find.Comparison;
import org.mqscope.find.Comparison.Change;
import org.mqscope.ui.core.Dim;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.RowFilter;
import javax.swing.UIManager;
import javax.swing.WindowConstants;
import javax.swing.table.AbstractTableModel;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableRowSorter;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Window;

/**
 * Side by side: two messages (text lines, JSON members by path, bytes) or two snapshots of a queue. Rows are
 * tinted by what happened to them (added, removed, changed); "Differences only" hides the rest. Not modal: the
 * table behind stays usable.
 */
final class CompareDialog extends JDialog {
    private static final Dimension SIZE = new Dimension(900, 560);
    /** Columns of numbers and labels are narrow (their widths); the content columns share the rest. */
    private static final java.util.Map<String, Integer> NARROW = java.util.Map.of("#", 50, "Offset", 100, "Change",
            80, "# pinned", 70, "# now", 70, "Priority", 70, "Size", 70);
    private static final int WIDE_WIDTH = 400;
    private final Comparison comparison;
    private final JTable table;
    private final JCheckBox differencesOnly = new JCheckBox("Differences only");

    CompareDialog(Window owner, String title, String headline, Comparison c) {
        super(owner, title, ModalityType.MODELESS);
        this.comparison = c;
        setName("compare");
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        Model model = new Model(c);
        table = new JTable(model);
        table.setName("compare.table");
        table.setFillsViewportHeight(true);
        table.getTableHeader().setReorderingAllowed(false);
        TableRowSorter<Model> sorter = new TableRowSorter<>(model);
        for (int i = 0; i < model.getColumnCount(); i++) {
            sorter.setSortable(i, false); // the rows' order is the comparison's
        }
        table.setRowSorter(sorter);
        Font mono = UIManager.getFont("monospaced.font");
        Renderer r = new Renderer(mono);
        for (int i = 0; i < model.getColumnCount(); i++) {
            table.getColumnModel().getColumn(i).setCellRenderer(r);
            table.getColumnModel().getColumn(i).setPreferredWidth(NARROW.getOrDefault(c.columns().get(i), WIDE_WIDTH));
        }
        differencesOnly.setName("compare.differencesOnly");
        differencesOnly.addActionListener(e -> sorter.setRowFilter(differencesOnly.isSelected()
                ? new RowFilter<Model, Integer>() {
                    @Override
                    public boolean include(Entry<? extends Model, ? extends Integer> entry) {
                        return c.rows().get(entry.getIdentifier()).change() != Change.SAME;
                    }
                } : null));
        JLabel head = new JLabel(headline);
        head.setName("compare.headline");
        head.putClientProperty("FlatLaf.styleClass", "h4");
        JLabel summary = new JLabel(c.kind().label() + " · " + c.summary());
        summary.setName("compare.summary");
        JLabel note = Dim.text(new JLabel(c.note() == null ? "" : c.note()));
        note.setVisible(c.note() != null);
        JButton close = new JButton("Close");
        close.addActionListener(e -> dispose());
        JScrollPane scroll = new JScrollPane(table);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        getContentPane().setLayout(new MigLayout("insets 10, wrap 1, hidemode 3", "[grow, fill]",
                "[][][][grow, fill][]"));
        add(head, "wmin 0");
        add(summary, "split 2, wmin 0");
        add(differencesOnly, "gapleft push");
        add(note, "wmin 0");
        add(scroll);
        add(close, "tag ok, align right");
        getRootPane().setDefaultButton(close);
        getRootPane().registerKeyboardAction(e -> dispose(), javax.swing.KeyStroke.getKeyStroke("ESCAPE"),
                javax.swing.JComponent.WHEN_IN_FOCUSED_WINDOW);
        setSize(SIZE);
        setLocationRelativeTo(owner);
    }

    Comparison comparison() {
        return comparison;
    }

    JTable table() {
        return table;
    }

    private static final class Model extends AbstractTableModel {
        private final Comparison c;

        Model(Comparison c) {
            this.c = c;
        }

        @Override
        public int getRowCount() {
            return c.rows().size();
        }

        @Override
        public int getColumnCount() {
            return c.columns().size();
        }

        @Override
        public String getColumnName(int column) {
            return c.columns().get(column);
        }

        @Override
        public Object getValueAt(int row, int column) {
            return c.rows().get(row).cells().get(column);
        }

        Change change(int row) {
            return c.rows().get(row).change();
        }
    }

    /** Tints a row by its change; the theme gives the colours (Mqscope.diff.*). */
    private static final class Renderer extends DefaultTableCellRenderer {
        private static final int TOOLTIP_FROM = 40;
        private final Font mono;

        Renderer(Font mono) {
            this.mono = mono;
        }

        @Override
        public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focus,
                                                       int row, int column) {
            super.getTableCellRendererComponent(table, value, selected, focus, row, column);
            if (mono != null) {
                setFont(mono);
            }
            String text = value == null ? "" : value.toString();
            setToolTipText(text.length() > TOOLTIP_FROM ? text : null); // the whole line when the cell cuts it
            if (!selected) {
                Change ch = ((Model) table.getModel()).change(table.convertRowIndexToModel(row));
                Color tint = switch (ch) {
                    case ADDED -> UIManager.getColor("Mqscope.diff.added");
                    case REMOVED -> UIManager.getColor("Mqscope.diff.removed");
                    case CHANGED -> UIManager.getColor("Mqscope.diff.changed");
                    case SAME -> null;
                };
                setBackground(tint != null ? tint : table.getBackground());
            }
            return this;
        }
    }
}
