package org.mqscope.ui.help;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The README's sections (the build copies README.md into the jar), for Help → User Guide: one topic per
 * {@code ## } heading, its text up to the next one. Images and the performance tables stay in the README.
 */
public final class HelpTopics {
    static final String RESOURCE = "/org/mqscope/help/README.md";

    /** One section: its heading and its Markdown text. */
    public record Topic(String title, String text) {
        @Override
        public String toString() {
            return title;
        }
    }

    private HelpTopics() {
    }

    /** The sections of the README shipped with this build; empty when the build did not ship it. */
    public static List<Topic> load() throws IOException {
        try (InputStream in = HelpTopics.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return List.of();
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Splits Markdown at its level-2 headings; what precedes the first is the "Overview". */
    static List<Topic> parse(String markdown) {
        List<Topic> out = new ArrayList<>();
        String title = "Overview";
        StringBuilder text = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            if (!fenced && line.startsWith("## ")) {
                add(out, title, text);
                title = line.substring(3).strip();
                text.setLength(0);
            } else if (!line.startsWith("![")) {
                text.append(line).append('\n');
            }
        }
        add(out, title, text);
        return Collections.unmodifiableList(out);
    }

    /**
     * The README wraps its paragraphs at a fixed width; the guide's text area wraps at its own. So a paragraph (or a
     * list item with its indented continuation lines) becomes one line here; code blocks, tables and headings stay
     * as they are.
     */
    static String reflow(String markdown) {
        StringBuilder out = new StringBuilder();
        boolean fenced = false;
        boolean joinable = false;
        for (String line : markdown.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("```")) {
                fenced = !fenced;
                out.append('\n').append(line);
                joinable = false;
                continue;
            }
            boolean plain = !fenced && !trimmed.isEmpty() && !trimmed.startsWith("|") && !trimmed.startsWith("#");
            boolean item = trimmed.startsWith("- ") || trimmed.matches("\\d+\\. .*");
            if (plain && joinable && !item) {
                out.append(' ').append(trimmed);
            } else {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(line);
            }
            joinable = plain;
        }
        return out.toString();
    }

    private static void add(List<Topic> out, String title, StringBuilder text) {
        String t = reflow(text.toString()).strip();
        if (!t.isEmpty()) {
            out.add(new Topic(title, t));
        }
    }
}
