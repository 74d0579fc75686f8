package org.mqscope.monitor.limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** User and group names from /etc/passwd and /etc/group, read once; ids without a local entry have no name. */
public final class UserNames {
    private final Map<Integer, String> users;
    private final Map<Integer, String> groups;

    UserNames(List<String> passwd, List<String> group) {
        users = parse(passwd);
        groups = parse(group);
    }

    /** Reads the local files now; missing or unreadable files give no names. */
    public static UserNames load() {
        return new UserNames(lines(Path.of("/etc/passwd")), lines(Path.of("/etc/group")));
    }

    /** "1000 (alice)", or "1000" when the uid has no name. */
    public String user(int uid) {
        return named(uid, users.get(uid));
    }

    /** "100 (users)", or "100" when the gid has no name. */
    public String group(int gid) {
        return named(gid, groups.get(gid));
    }

    private static String named(int id, String name) {
        return name == null ? Integer.toString(id) : id + " (" + name + ")";
    }

    private static Map<Integer, String> parse(List<String> lines) {
        Map<Integer, String> m = new HashMap<>();
        for (String line : lines) {
            String[] f = line.split(":", -1);
            if (f.length >= 3) {
                try {
                    m.putIfAbsent(Integer.parseInt(f[2]), f[0]);
                } catch (NumberFormatException e) {
                    // not an entry (a comment or a NIS line): no name for it
                }
            }
        }
        return m;
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
