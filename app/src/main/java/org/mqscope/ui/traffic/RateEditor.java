package org.mqscope.ui.traffic;

import org.mqscope.traffic.LaneSpec;

import javax.swing.AbstractCellEditor;
import javax.swing.JComponent;
import javax.swing.JSpinner;
import javax.swing.JTable;
import javax.swing.SpinnerNumberModel;
import javax.swing.table.TableCellEditor;
import java.awt.Component;
import java.text.ParseException;

/** A spinner for a rate cell: 0..10,000 messages per second, steps of 1; typed values are committed on Enter. */
final class RateEditor extends AbstractCellEditor implements TableCellEditor {
    private final JSpinner spinner = new JSpinner(new SpinnerNumberModel(0.0, 0.0, LaneSpec.MAX_RATE, 1.0));

    RateEditor() {
        spinner.setEditor(new JSpinner.NumberEditor(spinner, "0.##"));
        spinner.setToolTipText("Messages per second, 0.." + (long) LaneSpec.MAX_RATE);
    }

    @Override
    public Component getTableCellEditorComponent(JTable table, Object value, boolean selected, int row, int col) {
        spinner.setValue(((Number) value).doubleValue());
        return spinner;
    }

    @Override
    public Object getCellEditorValue() {
        return spinner.getValue();
    }

    @Override
    public boolean stopCellEditing() {
        JComponent editor = spinner.getEditor();
        if (editor instanceof JSpinner.DefaultEditor d) {
            try {
                d.getTextField().commitEdit();
            } catch (ParseException e) {
                // out of range or not a number: the spinner keeps its last good value
            }
        }
        return super.stopCellEditing();
    }
}
