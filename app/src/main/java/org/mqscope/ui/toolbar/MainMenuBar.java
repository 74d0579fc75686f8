package org.mqscope.ui.toolbar;

import org.mqscope.ui.actions.ActionSet;
import org.mqscope.ui.actions.AppAction;

import javax.swing.JCheckBoxMenuItem;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.event.MenuEvent;
import javax.swing.event.MenuListener;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The menus, built from the same {@link AppAction}s as the toolbar and the key bindings. */
public final class MainMenuBar extends JMenuBar {

    public MainMenuBar(ActionSet actions) {
        setName("menubar");
        JMenu file = menu("File", 'F');
        item(file, actions, AppAction.OPEN_BY_NAME);
        item(file, actions, AppAction.CREATE_QUEUE);
        item(file, actions, AppAction.OPEN_RECORDING);
        item(file, actions, AppAction.OPEN_LESSON);
        file.addSeparator();
        item(file, actions, AppAction.QUIT);

        JMenu edit = menu("Edit", 'E');
        item(edit, actions, AppAction.COPY);
        item(edit, actions, AppAction.FILTER);

        JMenu queue = menu("Queue", 'Q');
        item(queue, actions, AppAction.REFRESH);
        item(queue, actions, AppAction.PEEK);
        item(queue, actions, AppAction.RECORD);
        queue.addSeparator();
        item(queue, actions, AppAction.RECEIVE);
        item(queue, actions, AppAction.PURGE);
        item(queue, actions, AppAction.UNLINK);
        item(queue, actions, AppAction.RECREATE);
        item(queue, actions, AppAction.RESTORE_HELD);
        item(queue, actions, AppAction.CLEAN_UP_STALE);
        queue.addSeparator();
        item(queue, actions, AppAction.EXPORT_MESSAGES);
        item(queue, actions, AppAction.IMPORT_MESSAGES);
        item(queue, actions, AppAction.COPY_MESSAGES);
        item(queue, actions, AppAction.MOVE_MESSAGES);
        queue.addSeparator();
        item(queue, actions, AppAction.COMPARE_PEEKS);

        JMenu view = menu("View", 'V');
        item(view, actions, AppAction.READ_ONLY);
        item(view, actions, AppAction.DARK_THEME);
        item(view, actions, AppAction.EXPLAIN_KERNEL_PEEK);

        view.addSeparator();
        item(view, actions, AppAction.PRESENTATION);
        item(view, actions, AppAction.ZOOM_IN);
        item(view, actions, AppAction.ZOOM_OUT);
        item(view, actions, AppAction.ZOOM_RESET);

        JMenu help = menu("Help", 'H');
        item(help, actions, AppAction.SHORTCUTS);
        item(help, actions, AppAction.USER_GUIDE);
        help.addSeparator();
        item(help, actions, AppAction.ABOUT);
    }

    /**
     * Help → Lessons: one item per built-in lesson ({@code titles}: name → title, in menu order); choosing one
     * hands its name to {@code open}. Added to the Help menu, which is made if there is none yet. The titles are
     * asked for, and the items made, when the submenu is first selected (by mouse, arrow keys or its mnemonic, all of
     * which select it before its popup shows): reading the lessons is no part of the window's first frame.
     */
    public void addLessons(Supplier<Map<String, String>> titles, Consumer<String> open) {
        JMenu help = null;
        for (int i = 0; i < getMenuCount(); i++) {
            if ("menu.help".equals(getMenu(i).getName())) {
                help = getMenu(i);
            }
        }
        if (help == null) {
            help = menu("Help", 'H');
        }
        JMenu lessons = new JMenu("Lessons");
        lessons.setName("menu.lessons");
        lessons.setMnemonic('L');
        lessons.addMenuListener(new MenuListener() {
            @Override
            public void menuSelected(MenuEvent e) {
                lessons.removeMenuListener(this);
                titles.get().forEach((name, title) -> {
                    JMenuItem item = new JMenuItem(title);
                    item.setName("menuitem.lesson." + name);
                    item.addActionListener(a -> open.accept(name));
                    lessons.add(item);
                });
            }

            @Override
            public void menuDeselected(MenuEvent e) {
            }

            @Override
            public void menuCanceled(MenuEvent e) {
            }
        });
        help.add(lessons);
    }

    private JMenu menu(String title, char mnemonic) {
        JMenu m = new JMenu(title);
        m.setMnemonic(mnemonic);
        m.setName("menu." + title.toLowerCase(java.util.Locale.ROOT));
        add(m);
        return m;
    }

    private static void item(JMenu menu, ActionSet actions, AppAction a) {
        JMenuItem item = a.toggle() ? new JCheckBoxMenuItem(actions.get(a)) : new JMenuItem(actions.get(a));
        item.setName("menuitem." + a.name().toLowerCase(java.util.Locale.ROOT));
        item.setToolTipText(null); // the label says enough in a menu
        menu.add(item);
    }
}
