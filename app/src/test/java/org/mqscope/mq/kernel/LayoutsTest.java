package org.mqscope.mq.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;
import com.sun.jna.Union;
import org.junit.jupiter.api.Test;

/**
 * The offsets in {@link Layouts} against JNA's own C layout of the structures as the glibc headers declare them,
 * so a wrong constant cannot hide behind the code that uses it. The queue tests then check them against the kernel.
 */
class LayoutsTest {

    @Test
    void mqAttrIsFourLongsAndFourLongsOfPadding() {
        CMqAttr attr = new CMqAttr();
        assertThat(attr.size()).isEqualTo(Layouts.MQ_ATTR_SIZE);
        assertThat(attr.offset("mq_flags")).isEqualTo(Layouts.MQ_FLAGS);
        assertThat(attr.offset("mq_maxmsg")).isEqualTo(Layouts.MQ_MAXMSG);
        assertThat(attr.offset("mq_msgsize")).isEqualTo(Layouts.MQ_MSGSIZE);
        assertThat(attr.offset("mq_curmsgs")).isEqualTo(Layouts.MQ_CURMSGS);
    }

    @Test
    void sigeventMatchesGlibc() {
        CSigevent ev = new CSigevent();
        assertThat(ev.size()).isEqualTo(Layouts.SIGEVENT_SIZE);
        assertThat(ev.offset("sigev_value")).isEqualTo(Layouts.SIGEV_VALUE);
        assertThat(ev.offset("sigev_signo")).isEqualTo(Layouts.SIGEV_SIGNO);
        assertThat(ev.offset("sigev_notify")).isEqualTo(Layouts.SIGEV_NOTIFY);
        // _sigev_un is a union: the (function, attribute) pair sits at its start.
        ThreadPart thread = new ThreadPart();
        assertThat(ev.offset("sigev_un") + thread.offset("function")).isEqualTo(Layouts.SIGEV_NOTIFY_FUNCTION);
        assertThat(ev.offset("sigev_un") + thread.offset("attribute")).isEqualTo(Layouts.SIGEV_NOTIFY_ATTRIBUTES);
    }

    @Test
    void smallStructures() {
        CTimespec ts = new CTimespec();
        assertThat(ts.size()).isEqualTo(Layouts.TIMESPEC_SIZE);
        assertThat(ts.offset("tv_sec")).isEqualTo(Layouts.TV_SEC);
        assertThat(ts.offset("tv_nsec")).isEqualTo(Layouts.TV_NSEC);

        CPollfd p = new CPollfd();
        assertThat(p.size()).isEqualTo(Layouts.POLLFD_SIZE);
        assertThat(p.offset("events")).isEqualTo(Layouts.POLLFD_EVENTS);
        assertThat(p.offset("revents")).isEqualTo(Layouts.POLLFD_REVENTS);

        CRlimit r = new CRlimit();
        assertThat(r.size()).isEqualTo(Layouts.RLIMIT_SIZE);
        assertThat(r.offset("rlim_cur")).isEqualTo(Layouts.RLIM_CUR);

        CStatfs s = new CStatfs();
        assertThat(s.size()).isEqualTo(Layouts.STATFS_SIZE);
        assertThat(s.offset("f_type")).isEqualTo(Layouts.STATFS_F_TYPE);
    }

    /** Exposes {@link Structure#fieldOffset}. */
    abstract static class Layout extends Structure {
        int offset(String field) {
            return fieldOffset(field);
        }
    }

    @FieldOrder({"mq_flags", "mq_maxmsg", "mq_msgsize", "mq_curmsgs", "pad"})
    public static class CMqAttr extends Layout {
        public NativeLong mq_flags;
        public NativeLong mq_maxmsg;
        public NativeLong mq_msgsize;
        public NativeLong mq_curmsgs;
        public long[] pad = new long[4];
    }

    public static class CSigval extends Union {
        public int sival_int;
        public Pointer sival_ptr;
    }

    @FieldOrder({"function", "attribute"})
    public static class ThreadPart extends Layout {
        public Pointer function;
        public Pointer attribute;
    }

    /** glibc: {@code int _pad[__SIGEV_MAX_SIZE / sizeof (int) - 4]} with __SIGEV_MAX_SIZE 64. */
    public static class SigevUnion extends Union {
        public int[] pad = new int[64 / 4 - 4];
        public int tid;
        public ThreadPart thread;
    }

    @FieldOrder({"sigev_value", "sigev_signo", "sigev_notify", "sigev_un"})
    public static class CSigevent extends Layout {
        public CSigval sigev_value;
        public int sigev_signo;
        public int sigev_notify;
        public SigevUnion sigev_un;
    }

    @FieldOrder({"tv_sec", "tv_nsec"})
    public static class CTimespec extends Layout {
        public NativeLong tv_sec;
        public NativeLong tv_nsec;
    }

    @FieldOrder({"fd", "events", "revents"})
    public static class CPollfd extends Layout {
        public int fd;
        public short events;
        public short revents;
    }

    @FieldOrder({"rlim_cur", "rlim_max"})
    public static class CRlimit extends Layout {
        public NativeLong rlim_cur;
        public NativeLong rlim_max;
    }

    /** x86_64 glibc: __fsword_t is long, the block and file counts are unsigned long, fsid_t is two ints. */
    @FieldOrder({"f_type", "f_bsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree", "f_fsid",
        "f_namelen", "f_frsize", "f_flags", "f_spare"})
    public static class CStatfs extends Layout {
        public NativeLong f_type;
        public NativeLong f_bsize;
        public NativeLong f_blocks;
        public NativeLong f_bfree;
        public NativeLong f_bavail;
        public NativeLong f_files;
        public NativeLong f_ffree;
        public int[] f_fsid = new int[2];
        public NativeLong f_namelen;
        public NativeLong f_frsize;
        public NativeLong f_flags;
        public NativeLong[] f_spare = new NativeLong[4];
    }
}
