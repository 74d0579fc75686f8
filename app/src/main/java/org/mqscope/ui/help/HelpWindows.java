package org.mqscope.ui.help;

import net.miginfocom.swing.MigLayout;
import org.mqscope.ui.core.AppInfo;
import org.mqscope.ui.core.Dialogs;
import org.mqscope.ui.core.ErrorText;
import org.mqscope.ui.core.Fit;

import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JList;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.table.DefaultTableModel;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.util.List;

/** The Help menu's windows: the keyboard shortcuts, the user guide (the README's sections) and About. */
public final class HelpWindows {
    private HelpWindows() {
    }

    /** One row of the shortcuts list: what it does and the keys. */
    public record Shortcut(String action, String keys) {
    }

    /** A table of every shortcut, built from the actions' own key strokes plus those of the panels. */
    public static void showShortcuts(Window owner, List<Shortcut> shortcuts) {
        DefaultTableModel model = new DefaultTableModel(new Object[] {"Keys", "Action"}, 0) {
            @Override
            public boolean isCellEditable(int row, int column) {
                return false;
            }
        };
        shortcuts.forEach(s -> model.addRow(new Object[] {s.keys(), s.action()}));
        JTable table = new JTable(model);
        table.setName("help.shortcuts.table");
        table.getColumnModel().getColumn(0).setPreferredWidth(160);
        table.getColumnModel().getColumn(1).setPreferredWidth(420);
        JScrollPane scroll = new JScrollPane(table);
        scroll.setPreferredSize(new Dimension(table.getPreferredSize().width,
                Math.min(table.getPreferredSize().height + table.getRowHeight() * 2, 520)));
        window(owner, "Keyboard Shortcuts", "help.shortcuts", scroll).setVisible(true);
    }

    /** The README's sections: a list of topics on the left, the text of the chosen one on the right. */
    public static void showUserGuide(Window owner) {
        List<HelpTopics.Topic> topics;
        try {
            topics = HelpTopics.load();
        } catch (IOException e) {
            topics = List.of(new HelpTopics.Topic("Not available", "The user guide could not be read: "
                    + ErrorText.explain(e).headline()));
        }
        if (topics.isEmpty()) {
            topics = List.of(new HelpTopics.Topic("Not available", "This build does not include the user guide; "
                    + "see README.md in the source tree."));
        }
        JList<HelpTopics.Topic> list = new JList<>(topics.toArray(HelpTopics.Topic[]::new));
        list.setName("help.guide.topics");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        JTextArea text = new JTextArea(30, 90);
        text.setName("help.guide.text");
        text.setEditable(false);
        text.setLineWrap(true);
        text.setWrapStyleWord(true);
        text.setFont(new Font(Font.MONOSPACED, Font.PLAIN, text.getFont().getSize()));
        list.addListSelectionListener(e -> {
            HelpTopics.Topic t = list.getSelectedValue();
            text.setText(t == null ? "" : "## " + t.title() + "\n\n" + t.text());
            text.setCaretPosition(0);
        });
        list.setSelectedIndex(0);
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, new JScrollPane(list), new JScrollPane(text));
        split.setDividerLocation(list.getPreferredSize().width + 24);
        window(owner, "User Guide", "help.guide", split).setVisible(true);
    }

    /** Name, version, Java and where to read more. */
    public static void showAbout(Component parent, Dialogs dialogs) {
        dialogs.inform(parent, "About " + AppInfo.NAME, Fit.wrapped("<b>" + AppInfo.versionLine() + "</b><br><br>"
                + "A desktop inspector for Linux POSIX message queues (mq_open, mq_send, mq_receive, /dev/mqueue)."
                + "<br><br>Java " + Fit.escape(System.getProperty("java.version")) + " ("
                + Fit.escape(System.getProperty("java.vendor")) + ") on " + Fit.escape(System.getProperty("os.name"))
                + " " + Fit.escape(System.getProperty("os.version")) + ".<br><br>Help → User Guide has the README."));
    }

    /** A non-modal window with a Close button; Escape closes it too. */
    private static JDialog window(Window owner, String title, String name, JComponent content) {
        JDialog d = new JDialog(owner, title);
        d.setName(name);
        d.setDefaultCloseOperation(JDialog.DISPOSE_ON_CLOSE);
        JButton close = new JButton("Close");
        close.setName(name + ".close");
        close.addActionListener(e -> d.dispose());
        d.getContentPane().setLayout(new MigLayout("insets 12, wrap 1, fill", "[grow, fill]", "[grow, fill][]"));
        d.add(content);
        d.add(close, "right, growx 0");
        d.getRootPane().setDefaultButton(close);
        d.getRootPane().registerKeyboardAction(e -> d.dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        d.pack();
        Fit.grow(d);
        d.setLocationRelativeTo(owner);
        return d;
    }
}
