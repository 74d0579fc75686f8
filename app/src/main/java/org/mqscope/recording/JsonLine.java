package org.mqscope.recording;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mqscope.transfer.Bodies;
import org.mqscope.transfer.MessageFileException;
import org.mqscope.transfer.MessageFiles;

/**
 * One JSON object of a recording file with typed access to its fields: every problem names the line, the column
 * where JSON breaks, and the field (with its path, such as {@code queues[0].snapshot.start}) that is missing or
 * wrong. Nested objects and arrays become JsonLine objects and lists.
 */
final class JsonLine {
    private final long line;
    private final String path;
    private final Map<String, Object> fields;

    private JsonLine(long line, String path, Map<String, Object> fields) {
        this.line = line;
        this.path = path;
        this.fields = fields;
    }

    /** Parses line {@code n}: one JSON object and nothing else. */
    static JsonLine parse(String text, long n) throws MessageFileException {
        try (JsonParser p = MessageFiles.json().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MessageFileException(n, "not a JSON object (column 1)");
            }
            JsonLine object = object(p, n, "");
            if (p.nextToken() != null) {
                throw new MessageFileException(n, "more than one JSON value on the line (column "
                        + p.currentLocation().getColumnNr() + ")");
            }
            return object;
        } catch (JsonProcessingException e) {
            throw new MessageFileException(n, "not valid JSON at column " + e.getLocation().getColumnNr() + ": "
                    + MessageFiles.jacksonWords(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new MessageFileException(n, "not valid JSON: " + e.getMessage());
        }
    }

    private static JsonLine object(JsonParser p, long n, String path) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            fields.put(name, value(p, n, path.isEmpty() ? name : path + "." + name));
        }
        return new JsonLine(n, path, fields);
    }

    private static Object value(JsonParser p, long n, String path) throws IOException {
        return switch (p.currentToken()) {
            case START_OBJECT -> object(p, n, path);
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    list.add(value(p, n, path + "[" + list.size() + "]"));
                }
                yield list;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    long line() {
        return line;
    }

    boolean has(String name) {
        return fields.get(name) != null;
    }

    private String where(String name) {
        return "\"" + (path.isEmpty() ? name : path + "." + name) + "\"";
    }

    MessageFileException problem(String name, String what) {
        return new MessageFileException(line, where(name) + " " + what);
    }

    String text(String name) throws MessageFileException {
        if (fields.get(name) instanceof String s) {
            return s;
        }
        throw problem(name, "is missing or not a string");
    }

    String text(String name, String otherwise) throws MessageFileException {
        return has(name) ? text(name) : otherwise;
    }

    long number(String name) throws MessageFileException {
        if (fields.get(name) instanceof Long v) {
            return v;
        }
        throw problem(name, "is missing or not a whole number");
    }

    long number(String name, long otherwise) throws MessageFileException {
        return has(name) ? number(name) : otherwise;
    }

    long atLeast(String name, long min) throws MessageFileException {
        long v = number(name);
        if (v < min) {
            throw problem(name, "must be at least " + min + ", not " + v);
        }
        return v;
    }

    boolean bool(String name) throws MessageFileException {
        if (fields.get(name) instanceof Boolean b) {
            return b;
        }
        throw problem(name, "is missing or not true/false");
    }

    Instant instant(String name) throws MessageFileException {
        String s = text(name);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw problem(name, "must be an ISO-8601 instant like 2026-12-07T05:40:00.123Z, not \"" + s + "\"");
        }
    }

    JsonLine object(String name) throws MessageFileException {
        if (fields.get(name) instanceof JsonLine o) {
            return o;
        }
        throw problem(name, "is missing or not an object");
    }

    /** The objects of an array field. */
    List<JsonLine> objects(String name) throws MessageFileException {
        if (!(fields.get(name) instanceof List<?> list)) {
            throw problem(name, "is missing or not an array");
        }
        List<JsonLine> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof JsonLine j)) {
                throw problem(name + "[" + out.size() + "]", "is not an object");
            }
            out.add(j);
        }
        return out;
    }

    /** The "encoding" and "body" fields as bytes (as {@link MessageFiles#writeBody} writes them). */
    byte[] body() throws MessageFileException {
        String encoding = text("encoding");
        String body = text("body");
        try {
            return Bodies.decode(encoding, body);
        } catch (IllegalArgumentException e) {
            throw new MessageFileException(line, (path.isEmpty() ? "" : "in \"" + path + "\": ") + e.getMessage());
        }
    }

    /** Octal permission bits like "0640", or -1 without the field. */
    int mode(String name) throws MessageFileException {
        if (!has(name)) {
            return -1;
        }
        String s = text(name);
        try {
            int mode = Integer.parseInt(s, 8);
            if (mode >= 0 && mode <= 07777) {
                return mode;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw problem(name, "must be octal between 0000 and 7777 like \"0640\", not \"" + s + "\"");
    }
}
