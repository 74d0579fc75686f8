package org.mqscope.mq;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The other process of the kernel contract tests: a child JVM (started by {@link ChildJvmProcess}, usually as
 * another user) that runs the commands it reads on stdin against the kernel backend and answers each with one line.
 * It exits when stdin closes, so it never outlives the test JVM.
 * <p>
 * Protocol: tab-separated, URL-encoded fields. The first line out is {@code READY <pid>} or
 * {@code UNAVAILABLE <reason>}.
 */
public final class ChildProcessMain {
    static final String NO_VALUE = "-";

    private ChildProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        MqBackend kernel;
        try {
            kernel = MqBackends.kernel();
        } catch (Exception | LinkageError e) {
            out.println("UNAVAILABLE " + encode(String.valueOf(e)));
            return;
        }
        BackendProcess process = new BackendProcess(kernel, (int) ProcessHandle.current().pid());
        out.println("READY " + process.pid());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String reply;
            try {
                reply = execute(process, decodeFields(line));
            } catch (RuntimeException e) {
                reply = "FAILED " + e;
            }
            out.println(encode(reply));
        }
        process.close();
        kernel.close();
    }

    private static String execute(BackendProcess p, List<String> f) {
        return switch (f.get(0)) {
            case "open" -> p.open(f.get(1), Integer.parseInt(f.get(2)), Integer.parseInt(f.get(3)),
                    NO_VALUE.equals(f.get(4)) ? null
                            : MqAttributes.of(Long.parseLong(f.get(4)), Long.parseLong(f.get(5))));
            case "send" -> p.send(f.get(1), f.get(2), Integer.parseInt(f.get(3)));
            case "receive" -> p.receive(f.get(1));
            case "notify" -> p.notify(f.get(1), NO_VALUE.equals(f.get(2)) ? null
                    : Notification.raw(Integer.parseInt(f.get(2)), Integer.parseInt(f.get(3))));
            case "closeQueue" -> p.closeQueue(f.get(1));
            case "unlink" -> p.unlink(f.get(1));
            case "status" -> p.status(f.get(1));
            case "reset" -> {
                p.close();
                yield "OK";
            }
            default -> throw new IllegalArgumentException("unknown command " + f.get(0));
        };
    }

    static String encodeFields(Object... fields) {
        StringBuilder sb = new StringBuilder();
        for (Object field : fields) {
            if (sb.length() > 0) {
                sb.append('\t');
            }
            sb.append(encode(String.valueOf(field)));
        }
        return sb.toString();
    }

    static List<String> decodeFields(String line) {
        List<String> fields = new ArrayList<>();
        for (String f : line.split("\t", -1)) {
            fields.add(decode(f));
        }
        return fields;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
