package org.mqscope.ui.compose;

import org.mqscope.ui.core.Numbers;

import net.miginfocom.swing.MigLayout;
import org.mqscope.ui.core.Dim;

import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.Document;
import java.awt.CardLayout;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;

/**
 * The payload part of the composer: Text (UTF-8, with the {@value CounterTemplate#PLACEHOLDER} counter), Hex, or
 * a File. Text and hex keep their own contents, so switching modes loses nothing. EDT only.
 */
final class PayloadEditor extends JPanel {
    static final String TEXT_TIP = "<html>UTF-8 text. <b>${n}</b> becomes the message's number, 1 to Count "
            + "(\"order ${n}\" sends order 1, order 2, …).<br>Ctrl+Enter sends.</html>";
    static final String HEX_TIP = "<html>Hex digits, two per byte; spaces and newlines anywhere "
            + "(\"48 65 6c 6c 6f\").<br>${n} is not expanded in hex: use Text mode for numbered messages."
            + "<br>Ctrl+Enter sends.</html>";
    private static final String PREF_DIR = "fileDir";

    private final JRadioButton textMode = new JRadioButton("Text");
    private final JRadioButton hexMode = new JRadioButton("Hex");
    private final JRadioButton fileMode = new JRadioButton("File");
    private final JTextArea editor = new JTextArea(3, 20);
    private final JScrollPane editorScroll = new JScrollPane(editor);
    private final Document textDoc = editor.getDocument();
    private final Document hexDoc = new JTextArea().getDocument();
    private final JTextField filePath = new JTextField();
    private final JButton choose = new JButton("Choose…");
    private final CardLayout cards = new CardLayout();
    private final JPanel body = new JPanel(cards);
    private final Preferences prefs;
    private final Runnable onChange;
    private Path file;
    /** Size of {@link #file} when chosen; -1 when unreadable. */
    private long fileSize = -1;

    PayloadEditor(Preferences prefs, Runnable onChange) {
        super(new MigLayout("insets 0, wrap 1, hidemode 3", "[grow, fill]", "[][grow, fill]"));
        this.prefs = prefs;
        this.onChange = onChange;
        setName("compose.payload");
        textMode.setName("compose.mode.text");
        hexMode.setName("compose.mode.hex");
        fileMode.setName("compose.mode.file");
        editor.setName("compose.editor");
        filePath.setName("compose.file");
        choose.setName("compose.choose");
        textMode.setMnemonic(KeyEvent.VK_T);
        hexMode.setMnemonic(KeyEvent.VK_H);
        fileMode.setMnemonic(KeyEvent.VK_L); // Alt+F opens the File menu
        choose.setMnemonic(KeyEvent.VK_O);
        textMode.setToolTipText("Send the editor's text as UTF-8; ${n} counts 1..N");
        hexMode.setToolTipText("Send the bytes the editor's hex digits spell");
        fileMode.setToolTipText("Send a file's bytes (at most the queue's msgsize)");
        ButtonGroup group = new ButtonGroup();
        group.add(textMode);
        group.add(hexMode);
        group.add(fileMode);
        textMode.setSelected(true);

        editor.setFont(new java.awt.Font(java.awt.Font.MONOSPACED, java.awt.Font.PLAIN,
                editor.getFont().getSize()));
        editor.setToolTipText(TEXT_TIP);
        filePath.setEditable(false);
        filePath.putClientProperty("JTextField.placeholderText", "No file chosen");
        choose.addActionListener(e -> chooseFile());

        JPanel fileRow = new JPanel(new MigLayout("insets 0", "[grow, fill][]", "[]"));
        fileRow.add(filePath);
        fileRow.add(choose);
        JPanel fileCard = new JPanel(new MigLayout("insets 0, wrap 1", "[grow, fill]", "[]push"));
        fileCard.add(fileRow);
        fileCard.add(Dim.text(new JLabel("The file is read when you send; it must fit the queue's msgsize.")));
        body.add(editorScroll, "editor");
        body.add(fileCard, "file");

        JPanel modes = new JPanel(new MigLayout("insets 0, gap 12", "[][][]", "[]"));
        modes.add(textMode);
        modes.add(hexMode);
        modes.add(fileMode);
        add(modes);
        add(body, "grow, push");

        DocumentListener changed = new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                onChange.run();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                onChange.run();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                onChange.run();
            }
        };
        textDoc.addDocumentListener(changed);
        hexDoc.addDocumentListener(changed);
        textMode.addActionListener(e -> showMode());
        hexMode.addActionListener(e -> showMode());
        fileMode.addActionListener(e -> showMode());
    }

    JTextArea editor() {
        return editor;
    }

    /** Outlines the editor in the theme's error colour (FlatLaf draws it on the scroll pane). */
    void showError(boolean on) {
        editorScroll.putClientProperty("JComponent.outline", on ? "error" : null);
    }

    PayloadMode mode() {
        return fileMode.isSelected() ? PayloadMode.FILE : hexMode.isSelected() ? PayloadMode.HEX : PayloadMode.TEXT;
    }

    /** What the user wrote, as the recent list keeps it: the text, the hex, or the file's path. */
    String content() {
        return switch (mode()) {
            case TEXT -> editor.getText();
            case HEX -> editor.getText();
            case FILE -> file == null ? "" : file.toString();
        };
    }

    /** Puts a payload back into the editor, e.g. one picked from the recent list. */
    void load(PayloadMode mode, String content) {
        switch (mode) {
            case TEXT -> {
                textMode.setSelected(true);
                showMode();
                editor.setText(content);
            }
            case HEX -> {
                hexMode.setSelected(true);
                showMode();
                editor.setText(content);
            }
            case FILE -> {
                fileMode.setSelected(true);
                setFile(Path.of(content));
                showMode();
            }
        }
        onChange.run();
    }

    void setMode(PayloadMode mode) {
        (mode == PayloadMode.FILE ? fileMode : mode == PayloadMode.HEX ? hexMode : textMode).setSelected(true);
        showMode();
    }

    /**
     * Why this payload cannot be sent as N messages into a queue of {@code msgsize} (-1: not known yet), or null.
     */
    String problem(long count, long msgsize) {
        PayloadSizes p;
        try {
            p = payloadForCheck();
        } catch (ComposeException e) {
            return e.getMessage();
        }
        if (p == null) {
            return file == null ? "File: choose a file to send" : "File: cannot read " + file;
        }
        return msgsize < 0 ? null : p.sizeProblem(count, msgsize);
    }

    /** The live byte count: "12 bytes", "7–9 bytes" with the counter; null while the payload is invalid. */
    String sizeText(long count) {
        try {
            PayloadSizes p = payloadForCheck();
            if (p == null) {
                return null;
            }
            long min = p.minBytes(count);
            long max = p.maxBytes(count);
            return (min == max ? Numbers.grouped(max) : Numbers.grouped(min) + "–" + Numbers.grouped(max))
                    + (max == 1 ? " byte" : " bytes");
        } catch (ComposeException e) {
            return null;
        }
    }

    /** The payload as it will be sent, read (for a file) when the send starts, off the EDT. */
    SendPlan.PayloadSource source() throws ComposeException {
        return switch (mode()) {
            case TEXT -> {
                Payload p = Payload.text(editor.getText());
                yield msgsize -> p;
            }
            case HEX -> {
                Payload p = Payload.hex(editor.getText());
                yield msgsize -> p;
            }
            case FILE -> {
                if (file == null) {
                    throw new ComposeException("File: choose a file to send");
                }
                Path f = file;
                yield msgsize -> Payload.file(f, msgsize);
            }
        };
    }

    /** For sizes and checks on the EDT: a file stands in by its size (it is only read when sent). */
    private PayloadSizes payloadForCheck() throws ComposeException {
        return switch (mode()) {
            case TEXT -> Payload.text(editor.getText());
            case HEX -> Payload.hex(editor.getText());
            case FILE -> file == null || fileSize < 0 ? null : PayloadSizes.ofFile(fileSize);
        };
    }

    private void showMode() {
        PayloadMode m = mode();
        Document want = m == PayloadMode.HEX ? hexDoc : textDoc;
        if (editor.getDocument() != want) {
            editor.setDocument(want);
        }
        editor.setToolTipText(m == PayloadMode.HEX ? HEX_TIP : TEXT_TIP);
        cards.show(body, m == PayloadMode.FILE ? "file" : "editor");
        onChange.run();
    }

    private void chooseFile() {
        JFileChooser chooser = new JFileChooser(prefs.get(PREF_DIR, System.getProperty("user.home")));
        chooser.setDialogTitle("Send a file's bytes");
        if (chooser.showOpenDialog(SwingUtilities.getWindowAncestor(this)) == JFileChooser.APPROVE_OPTION) {
            Path chosen = chooser.getSelectedFile().toPath();
            Path dir = chosen.getParent();
            if (dir != null) {
                prefs.put(PREF_DIR, dir.toString());
            }
            setFile(chosen);
            onChange.run();
        }
    }

    private void setFile(Path f) {
        file = f;
        filePath.setText(f.toString());
        try {
            fileSize = Files.size(f); // a stat: the bytes are read only when sent
        } catch (IOException e) {
            fileSize = -1;
        }
    }
}
