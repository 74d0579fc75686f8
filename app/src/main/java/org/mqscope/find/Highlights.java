package org.mqscope.find;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a filter's positive terms show up in what the window paints: words and regular expressions in text lines,
 * hex terms as bytes (and as "ca fe" in a hex preview), JSON terms as {@code "name": value} in pretty JSON. Negated
 * terms mark nothing: they match by absence. Immutable.
 */
public final class Highlights {
    /** Characters {@code start} (inclusive) to {@code end} (exclusive), or byte offsets for {@link #inBytes}. */
    public record Span(int start, int end) {
    }

    public static final Highlights NONE = new Highlights(List.of(), List.of(), List.of(), List.of());

    private final List<String> words;
    private final List<Pattern> patterns;
    private final List<byte[]> bytes;
    private final List<Term.Json> json;

    private Highlights(List<String> words, List<Pattern> patterns, List<byte[]> bytes, List<Term.Json> json) {
        this.words = words;
        this.patterns = patterns;
        this.bytes = bytes;
        this.json = json;
    }

    static Highlights of(List<Term> terms) {
        List<String> w = new ArrayList<>();
        List<Pattern> p = new ArrayList<>();
        List<byte[]> b = new ArrayList<>();
        List<Term.Json> j = new ArrayList<>();
        for (Term t : terms) {
            // priority and size show in their own columns; negations match by absence: nothing to mark
            if (t instanceof Term.Words words) {
                w.add(words.phrase());
            } else if (t instanceof Term.Regex regex) {
                p.add(regex.pattern());
            } else if (t instanceof Term.Hex hex) {
                b.add(hex.bytes());
            } else if (t instanceof Term.Json js) {
                j.add(js);
            }
        }
        return w.isEmpty() && p.isEmpty() && b.isEmpty() && j.isEmpty() ? NONE
                : new Highlights(List.copyOf(w), List.copyOf(p), List.copyOf(b), List.copyOf(j));
    }

    public boolean isEmpty() {
        return this == NONE;
    }

    /** Words (any case) and regular expression matches in one line of text. */
    public List<Span> inText(String line) {
        List<Span> spans = new ArrayList<>();
        addWords(line, spans);
        addPatterns(line, spans);
        return merged(spans);
    }

    /** The preview column: text as {@link #inText}, plus hex terms where the preview is a hex dump ("ca fe"). */
    public List<Span> inPreview(String preview) {
        List<Span> spans = new ArrayList<>();
        addWords(preview, spans);
        addPatterns(preview, spans);
        HexFormat hex = HexFormat.ofDelimiter(" ");
        for (byte[] b : bytes) {
            addAll(preview, hex.formatHex(b), spans);
        }
        for (Term.Json j : json) {
            addMember(preview, j, spans);
        }
        return merged(spans);
    }

    /** {@code "name":value} in compact JSON (a preview shows the body as sent), up to the value's end. */
    private static void addMember(String line, Term.Json j, List<Span> spans) {
        String name = j.path().lastName();
        if (name == null) {
            return;
        }
        String key = key(name);
        for (int at = line.indexOf(key); at >= 0; at = line.indexOf(key, at + 1)) {
            int v = at + key.length();
            while (v < line.length() && line.charAt(v) == ' ') {
                v++;
            }
            int end = v;
            if (end < line.length() && line.charAt(end) == '"') {
                end++;
                while (end < line.length() && line.charAt(end) != '"') {
                    end += line.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(line.length(), end + 1);
            } else {
                while (end < line.length() && ",}] ".indexOf(line.charAt(end)) < 0) {
                    end++;
                }
            }
            spans.add(new Span(at, end));
        }
    }

    private static String key(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\":";
    }

    /** Pretty JSON: as {@link #inText}, plus {@code "name": value} where a JSON term's last member sits. */
    public List<Span> inJson(String line) {
        List<Span> spans = new ArrayList<>();
        addWords(line, spans);
        addPatterns(line, spans);
        for (Term.Json j : json) {
            String name = j.path().lastName();
            if (name == null) {
                continue;
            }
            String key = key(name);
            int at = line.indexOf(key);
            if (at >= 0) {
                int end = line.length();
                while (end > at && (line.charAt(end - 1) == ',' || line.charAt(end - 1) == ' ')) {
                    end--;
                }
                spans.add(new Span(at, end));
            }
        }
        return merged(spans);
    }

    /** Byte offsets of the hex terms, and of ASCII words (any case), in a payload: the hex dump marks these. */
    public List<Span> inBytes(byte[] body) {
        List<Span> spans = new ArrayList<>();
        for (byte[] b : bytes) {
            if (b.length == 0) {
                continue;
            }
            for (int at = Term.Hex.indexOf(body, b, 0); at >= 0; at = Term.Hex.indexOf(body, b, at + 1)) {
                spans.add(new Span(at, at + b.length));
            }
        }
        for (String w : words) {
            if (w.chars().allMatch(c -> c < 0x80)) {
                addAsciiIgnoringCase(body, w, spans);
            }
        }
        return merged(spans);
    }

    private void addWords(String line, List<Span> spans) {
        for (String w : words) {
            for (int at = 0; at + w.length() <= line.length(); at++) {
                if (line.regionMatches(true, at, w, 0, w.length())) {
                    spans.add(new Span(at, at + w.length()));
                }
            }
        }
    }

    private void addPatterns(String line, List<Span> spans) {
        for (Pattern p : patterns) {
            Matcher m = p.matcher(line);
            while (m.find()) {
                if (m.end() > m.start()) {
                    spans.add(new Span(m.start(), m.end()));
                }
            }
        }
    }

    private static void addAll(String line, String needle, List<Span> spans) {
        for (int at = line.indexOf(needle); at >= 0; at = line.indexOf(needle, at + 1)) {
            spans.add(new Span(at, at + needle.length()));
        }
    }

    private static void addAsciiIgnoringCase(byte[] body, String w, List<Span> spans) {
        outer:
        for (int at = 0; at + w.length() <= body.length; at++) {
            for (int k = 0; k < w.length(); k++) {
                int c = body[at + k] & 0xff;
                if (Character.toLowerCase(c) != w.charAt(k)) {
                    continue outer;
                }
            }
            spans.add(new Span(at, at + w.length()));
        }
    }

    /** Sorted, overlapping and touching spans joined. */
    static List<Span> merged(List<Span> spans) {
        if (spans.size() < 2) {
            return spans;
        }
        spans.sort(Comparator.comparingInt(Span::start));
        List<Span> out = new ArrayList<>();
        Span cur = spans.get(0);
        for (int k = 1; k < spans.size(); k++) {
            Span s = spans.get(k);
            if (s.start() <= cur.end()) {
                cur = new Span(cur.start(), Math.max(cur.end(), s.end()));
            } else {
                out.add(cur);
                cur = s;
            }
        }
        out.add(cur);
        return out;
    }
}
