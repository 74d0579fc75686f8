package org.mqscope.mq;

import java.nio.charset.StandardCharsets;

/**
 * The rules Linux applies to a queue name, split by where they bite in mq_open's check order: glibc's slash test
 * and getname() come before the descriptor is reserved (EMFILE), the lookup in the mqueue root after it.
 */
public final class QueueNames {
    private QueueNames() {
    }

    /**
     * glibc and getname(): EFAULT for no name, EINVAL without the leading slash, ENOENT for "/" alone,
     * ENAMETOOLONG when the name after the slash is {@link Mq#PATH_MAX} bytes or more. Null when it passes.
     */
    public static Errno syntaxError(String name) {
        if (name == null) {
            return Errno.EFAULT;
        }
        if (name.isEmpty() || name.charAt(0) != '/') {
            return Errno.EINVAL;
        }
        int len = kernelName(name).length;
        if (len == 0) {
            return Errno.ENOENT;
        }
        return len + 1 > Mq.PATH_MAX ? Errno.ENAMETOOLONG : null;
    }

    /**
     * The lookup in the mqueue root: EACCES when the name contains '/' or is "." or "..", then ENAMETOOLONG above
     * {@link Mq#NAME_MAX} bytes. Null when it passes. Assumes {@link #syntaxError} passed.
     */
    public static Errno lookupError(String name) {
        byte[] k = kernelName(name);
        for (byte b : k) {
            if (b == '/') {
                return Errno.EACCES;
            }
        }
        if ((k.length == 1 && k[0] == '.') || (k.length == 2 && k[0] == '.' && k[1] == '.')) {
            return Errno.EACCES;
        }
        return k.length > Mq.NAME_MAX ? Errno.ENAMETOOLONG : null;
    }

    /** The first error mq_open or mq_unlink would give for the name alone, or null. */
    public static Errno error(String name) {
        Errno e = syntaxError(name);
        return e != null ? e : lookupError(name);
    }

    /**
     * The name as the kernel receives it: without the leading slash, UTF-8, cut at the first NUL as a C string is.
     */
    public static byte[] kernelName(String name) {
        String s = name.substring(1);
        int nul = s.indexOf('\0');
        if (nul >= 0) {
            s = s.substring(0, nul);
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical form used as a key: leading slash plus the kernel name. */
    public static String canonical(String name) {
        return "/" + new String(kernelName(name), StandardCharsets.UTF_8);
    }
}
