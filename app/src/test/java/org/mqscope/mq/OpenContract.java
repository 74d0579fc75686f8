package org.mqscope.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

/** mq_open and the name rules it shares with mq_unlink (§3.1, §4.2, §4.3, §18.1-2). */
abstract class OpenContract extends MqContract {

    /** O_PATH, O_DIRECT and O_TRUNC as x86_64 defines them: open(2) flags that mq_open(3) does not document. */
    private static final int O_PATH = 010000000;
    private static final int O_DIRECT = 040000;
    private static final int O_TRUNC = 01000;

    @Test
    void anUndocumentedFlagIsEinvalAndCreatesNothing() throws MqException {
        String name = newName();
        for (int flag : new int[] {O_PATH, O_DIRECT, O_TRUNC}) {
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> mq.open(name, RDWR_CREATE | flag, 0600,
                    SMALL));
            assertThat(t).isInstanceOf(MqException.class);
            assertThat(((MqException) t).errno()).as("flag 0%o", flag).isEqualTo(Errno.EINVAL);
            assertThat(t.getMessage()).as("names the flag").contains("0" + Integer.toOctalString(flag));
            assertThat(errnoOf(() -> mq.open(name, Mq.O_RDONLY))).as("nothing created with 0%o", flag)
                    .isEqualTo(Errno.ENOENT);
        }
        // On an existing queue too, before the access-mode and permission checks.
        mq.open(name, RDWR_CREATE, 0600, SMALL).close();
        assertThat(errnoOf(() -> mq.open(name, Mq.O_RDWR | O_PATH))).isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> mq.open(name, Mq.O_ACCMODE | O_DIRECT))).isEqualTo(Errno.EINVAL);
        // O_CLOEXEC is harmless (every queue descriptor is close-on-exec anyway) and accepted.
        try (MqQueue q = mq.open(name, Mq.O_RDWR | Mq.O_CLOEXEC)) {
            assertThat(q.getAttributes().maxMessages()).isEqualTo(SMALL.maxMessages());
        }
    }

    @Test
    void aNameWithoutTheLeadingSlashIsEinval() {
        assertThat(errnoOf(() -> mq.open("mqscope-noslash", RDWR_CREATE, 0600, SMALL))).isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> mq.open("", RDWR_CREATE, 0600, SMALL))).isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> mq.unlink("mqscope-noslash"))).isEqualTo(Errno.EINVAL);
    }

    @Test
    void theSlashAloneIsEnoentEvenWhenCreating() {
        assertThat(errnoOf(() -> mq.open("/", RDWR_CREATE, 0600, SMALL))).isEqualTo(Errno.ENOENT);
        assertThat(errnoOf(() -> mq.open("/", Mq.O_RDONLY))).isEqualTo(Errno.ENOENT);
        assertThat(errnoOf(() -> mq.unlink("/"))).isEqualTo(Errno.ENOENT);
    }

    @Test
    void slashesInsideTheNameAndDotNamesAreEacces() {
        for (String name : List.of("/a/b", "//a", "/.", "/..", "/mqscope-dir/")) {
            assertThat(errnoOf(() -> mq.open(name, RDWR_CREATE, 0600, SMALL))).as(name).isEqualTo(Errno.EACCES);
            assertThat(errnoOf(() -> mq.unlink(name))).as(name).isEqualTo(Errno.EACCES);
        }
    }

    @Test
    void threeDotsAndLeadingDotsAreOrdinaryNames() throws MqException {
        for (String name : List.of("/...", newName().replace("/", "/..."))) {
            track(name);
            mq.open(name, RDWR_CREATE | Mq.O_EXCL, 0600, SMALL).close();
            assertThat(mq.list()).as(name + " listed under its own name").extracting(QueueInfo::name)
                    .contains(name);
            mq.unlink(name);
            assertThat(mq.list()).extracting(QueueInfo::name).doesNotContain(name);
            assertThat(errnoOf(() -> mq.unlink(name))).as("gone: a second unlink").isEqualTo(Errno.ENOENT);
        }
    }

    @Test
    void namesMayHave255BytesAfterTheSlashNotMore() throws MqException {
        String base = newName();
        String longest = track(base + "x".repeat(256 - base.length()));
        assertThat(QueueNames.kernelName(longest)).hasSize(Mq.NAME_MAX);
        mq.open(longest, RDWR_CREATE, 0600, SMALL).close();
        assertThat(mq.list()).extracting(QueueInfo::name).contains(longest);
        mq.unlink(longest);

        String tooLong = longest + "x";
        assertThat(errnoOf(() -> mq.open(tooLong, RDWR_CREATE, 0600, SMALL))).isEqualTo(Errno.ENAMETOOLONG);
        assertThat(errnoOf(() -> mq.open(tooLong, Mq.O_RDONLY))).isEqualTo(Errno.ENAMETOOLONG);
        assertThat(errnoOf(() -> mq.unlink(tooLong))).isEqualTo(Errno.ENAMETOOLONG);
    }

    @Test
    void theLengthLimitCountsUtf8Bytes() throws MqException {
        String base = newName() + "-";
        int room = Mq.NAME_MAX - (base.length() - 1);
        String fits = track(base + "\u00e9".repeat(room / 2) + "x".repeat(room % 2));
        mq.open(fits, RDWR_CREATE, 0600, SMALL).close();
        mq.unlink(fits);
        String over = base + "\u00e9".repeat(room / 2 + 1);
        assertThat(errnoOf(() -> mq.open(over, RDWR_CREATE, 0600, SMALL))).isEqualTo(Errno.ENAMETOOLONG);
    }

    @Test
    void pathMaxNamesAreEnametoolongAndASlashBeatsTheLength() {
        assertThat(errnoOf(() -> mq.open("/" + "p".repeat(Mq.PATH_MAX - 1), RDWR_CREATE, 0600, SMALL)))
                .isEqualTo(Errno.ENAMETOOLONG);
        assertThat(errnoOf(() -> mq.open("/" + "p".repeat(Mq.PATH_MAX), RDWR_CREATE, 0600, SMALL)))
                .isEqualTo(Errno.ENAMETOOLONG);
        assertThat(errnoOf(() -> mq.open("/a/" + "p".repeat(300), RDWR_CREATE, 0600, SMALL)))
                .isEqualTo(Errno.EACCES);
    }

    @Test
    void theNameEndsAtTheFirstNulAsACStringDoes() throws MqException {
        String name = newName();
        try (MqQueue q = mq.open(name + "\u0000ignored", RDWR_CREATE, 0600, SMALL)) {
            q.send(bytes("via the cut name"), 0);
        }
        try (MqQueue q = mq.open(name, Mq.O_RDONLY)) {
            assertThat(take(q)).isEqualTo("via the cut name");
        }
    }

    @Test
    void aMissingQueueWithoutOCreatIsEnoent() {
        String name = newName();
        for (int oflag : new int[] {Mq.O_RDONLY, Mq.O_WRONLY, Mq.O_RDWR, Mq.O_RDWR | Mq.O_EXCL, Mq.O_ACCMODE}) {
            assertThat(errnoOf(() -> mq.open(name, oflag))).as("oflag %o", oflag).isEqualTo(Errno.ENOENT);
        }
    }

    @Test
    void anExistingQueueChecksEexistThenAccessModeThree() throws MqException {
        try (MqQueue q = create()) {
            String name = q.name();
            assertThat(errnoOf(() -> mq.open(name, RDWR_CREATE, 0600, SMALL))).isEqualTo(Errno.EEXIST);
            assertThat(errnoOf(() -> mq.open(name, Mq.O_CREAT | Mq.O_EXCL | Mq.O_ACCMODE, 0600, SMALL)))
                    .isEqualTo(Errno.EEXIST);
            assertThat(errnoOf(() -> mq.open(name, Mq.O_ACCMODE))).isEqualTo(Errno.EINVAL);
            assertThat(errnoOf(() -> mq.open(name, Mq.O_CREAT | Mq.O_ACCMODE, 0600, SMALL)))
                    .isEqualTo(Errno.EINVAL);
            mq.open(name, Mq.O_RDWR | Mq.O_EXCL).close(); // O_EXCL without O_CREAT means nothing
        }
    }

    @Test
    void openingAnExistingQueueIgnoresModeAndAttributesEvenInvalidOnes() throws MqException {
        try (MqQueue q = create(); MqQueue again = mq.open(q.name(), Mq.O_RDWR | Mq.O_CREAT, 0, MqAttributes.of(0, 0))) {
            assertThat(again.getAttributes()).isEqualTo(new MqAttributes(0, SMALL.maxMessages(),
                    SMALL.messageSize(), 0));
            again.send(bytes("shared"), 0);
            assertThat(take(q)).isEqualTo("shared");
        }
    }

    @Test
    void creatingWithAccessModeThreeGivesADescriptorThatNeitherSendsNorReceives() throws MqException {
        try (MqQueue q = create(Mq.O_ACCMODE)) {
            assertThat(errnoOf(() -> q.send(bytes("x"), 0))).isEqualTo(Errno.EBADF);
            assertThat(errnoOf(q::receive)).isEqualTo(Errno.EBADF);
            assertThat(errnoOf(q::readStatus)).isEqualTo(Errno.EBADF);
            // the calls that check no access mode still work
            assertThat(q.getAttributes().maxMessages()).isEqualTo(SMALL.maxMessages());
            assertThat(q.poll(Mq.POLLIN | Mq.POLLOUT, java.time.Duration.ZERO)).isEqualTo(Mq.POLLOUT);
            q.notify(Notification.none());
            q.notify(null);
        }
    }

    @Test
    void withoutAttributesTheQueueGetsTheSystemDefaults() throws MqException {
        MqAttributes defaults = mq.limits().defaultAttributes();
        try (MqQueue q = mq.open(newName(), Mq.O_RDWR | Mq.O_CREAT)) {
            assertThat(q.getAttributes()).isEqualTo(new MqAttributes(0, defaults.maxMessages(),
                    defaults.messageSize(), 0));
        }
    }

    @Test
    void attributesMustBePositiveAndWithinMsgMaxAndMsgsizeMax() throws MqException {
        assumeFalse(hasCapability(CAP_SYS_RESOURCE), "CAP_SYS_RESOURCE lifts msg_max and msgsize_max");
        MqLimits limits = mq.limits();
        List<MqAttributes> invalid = List.of(MqAttributes.of(0, 64), MqAttributes.of(-1, 64),
                MqAttributes.of(4, 0), MqAttributes.of(4, -1), MqAttributes.of(limits.msgMax() + 1, 64),
                MqAttributes.of(4, limits.msgsizeMax() + 1));
        String name = newName();
        for (MqAttributes attr : invalid) {
            assertThat(errnoOf(() -> mq.open(name, RDWR_CREATE, 0600, attr))).as("%s", attr).isEqualTo(Errno.EINVAL);
        }
        assertThat(errnoOf(() -> mq.open(name, Mq.O_RDONLY))).as("nothing was created").isEqualTo(Errno.ENOENT);

        mq.open(newName(), RDWR_CREATE, 0600, MqAttributes.of(limits.msgMax(), 1)).close();
        mq.open(newName(), RDWR_CREATE, 0600, MqAttributes.of(1, limits.msgsizeMax())).close();
    }

    @Test
    void flagsAndCurrentMessagesInTheCreateAttributesAreIgnored() throws MqException {
        try (MqQueue q = mq.open(newName(), RDWR_CREATE, 0600, new MqAttributes(Mq.O_NONBLOCK, 3, 32, 2))) {
            assertThat(q.getAttributes()).isEqualTo(new MqAttributes(0, 3, 32, 0));
        }
    }

    @Test
    void oNonblockInTheOflagShowsAsExactlyThatFlag() throws MqException {
        try (MqQueue q = create(Mq.O_RDWR | Mq.O_NONBLOCK)) {
            assertThat(q.getAttributes().flags()).isEqualTo(Mq.O_NONBLOCK);
            assertThat(q.oflag() & Mq.O_ACCMODE).isEqualTo(Mq.O_RDWR);
            assertThat(errnoOf(q::receive)).isEqualTo(Errno.EAGAIN);
        }
    }

    @Test
    void theModeIsMaskedByTheUmaskAndKeepsTheSpecialBits() throws MqException {
        try (MqQueue q = mq.open(newName(), RDWR_CREATE, 07777, SMALL)) {
            QueueInfo info = info(q.name());
            assertThat(Integer.toOctalString(info.mode())).isEqualTo(Integer.toOctalString(07777 & ~umask()));
            assertThat(info.uid()).isEqualTo(uid());
            assertThat(info.gid()).isEqualTo(gid());
        }
    }

    @Test
    void theCreatorIsNotPermissionCheckedButAReopenIs() throws MqException {
        try (MqQueue q = mq.open(newName(), RDWR_CREATE, 0, SMALL)) {
            q.send(bytes("mode 0"), 0);
            assertThat(take(q)).isEqualTo("mode 0");
            String expected = hasCapability(CAP_DAC_OVERRIDE) ? "OK" : "EACCES";
            assertThat(outcome(() -> mq.open(q.name(), Mq.O_RDONLY).close())).isEqualTo(expected);
        }
    }

    @Test
    void aClosedBackendRefusesEveryCallWithEbadfAndClosesItsDescriptors() throws MqException {
        String name = newName();
        track(name);
        MqBackend other = fixture().sameProcess(mq);
        MqQueue q = other.open(name, RDWR_CREATE, 0600, SMALL);
        other.close();
        other.close(); // twice: nothing more to do
        assertThat(errnoOf(() -> q.send(bytes("x"), 0))).as("its descriptors closed").isEqualTo(Errno.EBADF);
        assertThat(errnoOf(() -> other.open(name, Mq.O_RDONLY))).isEqualTo(Errno.EBADF);
        assertThat(errnoOf(() -> other.unlink(name))).isEqualTo(Errno.EBADF);
        assertThat(errnoOf(other::list)).isEqualTo(Errno.EBADF);
        assertThat(errnoOf(() -> other.statusLine(name))).isEqualTo(Errno.EBADF);
        assertThat(errnoOf(() -> other.recreate(name, SMALL))).isEqualTo(Errno.EBADF);
        assertThat(errnoOf(other::limits)).isEqualTo(Errno.EBADF);
        assertThat(mq.list()).as("the queue itself lives on").extracting(QueueInfo::name).contains(name);
    }
}
