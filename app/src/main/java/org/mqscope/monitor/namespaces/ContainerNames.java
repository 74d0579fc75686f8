package org.mqscope.monitor.namespaces;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The container a process runs in, as its cgroup path tells it (the runtimes name their cgroups after the
 * container id): Docker's {@code docker-<id>.scope} (systemd driver) or {@code /docker/<id>} (cgroupfs driver),
 * Podman's {@code libpod-<id>}, containerd's {@code cri-containerd-<id>}, CRI-O's {@code crio-<id>}, Kubernetes'
 * {@code kubepods…pod<uid>…}, LXC's {@code lxc.payload.<name>}. Ids are shortened to 12 characters as
 * {@code docker ps} shows them.
 */
public final class ContainerNames {
    static final int SHORT_ID = 12;

    private record Rule(Pattern pattern, String runtime) {
    }

    private static final String ID = "([0-9a-f]{12,64})";
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("/docker-" + ID + "\\.scope"), "docker"),
            new Rule(Pattern.compile("/docker/" + ID + "(?:/|$)"), "docker"),
            new Rule(Pattern.compile("/libpod-(?:conmon-)?" + ID + "(?:\\.scope)?(?:/|$)"), "podman"),
            new Rule(Pattern.compile("/cri-containerd-" + ID + "\\.scope"), "containerd"),
            new Rule(Pattern.compile("/crio-(?:conmon-)?" + ID + "\\.scope"), "cri-o"));
    private static final Pattern KUBE_POD = Pattern.compile("kubepods.*?pod([0-9a-f_-]{8,36})(?:\\.slice)?(?:/|$)");
    private static final Pattern KUBE_CONTAINER = Pattern.compile("/(?:[a-z-]+-)?" + ID + "(?:\\.scope)?$");
    private static final Pattern LXC = Pattern.compile("/lxc(?:\\.payload\\.|\\.payload/|/)([^/]+)");

    private ContainerNames() {
    }

    /**
     * The container a /proc/PID/cgroup text names, e.g. "docker 0123456789ab", "k8s pod 1b2c3d4e container
     * 0123456789ab", "lxc web"; empty for a process in no container.
     */
    public static Optional<String> fromCgroup(List<String> cgroupLines) {
        for (String line : cgroupLines) {
            // "hierarchy-ID:controllers:path"; cgroup v2 has one line "0::/path"
            int second = line.indexOf(':', line.indexOf(':') + 1);
            String path = second < 0 ? line : line.substring(second + 1);
            Optional<String> name = fromPath(path);
            if (name.isPresent()) {
                return name;
            }
        }
        return Optional.empty();
    }

    static Optional<String> fromPath(String path) {
        Matcher pod = KUBE_POD.matcher(path);
        if (pod.find()) {
            String uid = pod.group(1).replace('_', '-');
            Matcher c = KUBE_CONTAINER.matcher(path);
            String pod8 = uid.length() > 8 ? uid.substring(0, 8) : uid;
            return Optional.of(c.find() ? "k8s pod " + pod8 + " container " + shortId(c.group(1))
                    : "k8s pod " + pod8);
        }
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(path);
            if (m.find()) {
                return Optional.of(r.runtime() + " " + shortId(m.group(1)));
            }
        }
        Matcher lxc = LXC.matcher(path);
        if (lxc.find()) {
            return Optional.of("lxc " + lxc.group(1));
        }
        return Optional.empty();
    }

    private static String shortId(String id) {
        return id.length() > SHORT_ID ? id.substring(0, SHORT_ID) : id;
    }
}
