package org.mqscope.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The lessons that come with mqscope (files {@code NAME.lesson} next to this class in the jar), and lesson files a
 * teacher writes (see docs/lessons.md).
 */
public final class Lessons {
    /** The built-in lessons in the order the Lessons menu lists them; {@code --lesson=NAME} takes these names. */
    public static final List<String> BUILT_IN = List.of("priority", "blocking", "notify", "limits", "unlink",
            "peek");
    /** A lesson file larger than this is not a lesson (and would only fill memory). */
    static final long MAX_FILE_BYTES = 256 * 1024;

    private Lessons() {
    }

    /** A built-in lesson by name; IllegalArgumentException for a name not in {@link #BUILT_IN}. */
    public static Lesson builtIn(String name) throws LessonFormatException {
        if (!BUILT_IN.contains(name)) {
            throw new IllegalArgumentException("no lesson '" + name + "' (there are: " + String.join(", ", BUILT_IN)
                    + ")");
        }
        String file = name + ".lesson";
        try (InputStream in = Lessons.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("the built-in lesson " + file + " is missing from the jar");
            }
            return LessonParser.parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("the built-in lesson " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** A lesson file; IOException when it cannot be read, LessonFormatException naming the line when it is bad. */
    public static Lesson read(Path file) throws IOException, LessonFormatException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new LessonFormatException(file.toString(), 0, "the file has " + size + " bytes; a lesson file is "
                    + "text of at most " + MAX_FILE_BYTES / 1024 + " KiB");
        }
        return LessonParser.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }
}
