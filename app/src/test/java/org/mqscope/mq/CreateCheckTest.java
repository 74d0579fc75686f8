package org.mqscope.mq;

import org.mqscope.monitor.limits.RlimitUsage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mqscope.mq.Errno;
import org.mqscope.mq.Mq;
import org.mqscope.mq.MqAttributes;
import org.mqscope.mq.MqException;
import org.mqscope.mq.MqLimits;
import org.mqscope.mq.MqQueue;
import org.mqscope.mq.emulated.Credentials;
import org.mqscope.mq.emulated.EmulatedBackend;

/**
 * CreateCheck against the emulation: for every case the errno CreateCheck predicts is the one the emulation's
 * mq_open actually throws (or both succeed), so the check order cannot drift from the backend's.
 */
class CreateCheckTest {
    private static final int UID = 1000;
    private static final String LONG = "/" + "n".repeat(Mq.NAME_MAX + 1);

    private final List<EmulatedBackend> backends = new ArrayList<>();

    @AfterEach
    void close() {
        backends.forEach(EmulatedBackend::close);
    }

    private EmulatedBackend namespace(MqLimits limits, boolean cap) {
        EmulatedBackend root = new EmulatedBackend(limits);
        backends.add(root);
        Credentials user = new Credentials(4242, UID, UID, 022, cap, false, false);
        EmulatedBackend b = root.asProcess(user);
        backends.add(b);
        return b;
    }

    private static void create(EmulatedBackend b, String name, long maxmsg, long msgsize) throws MqException {
        b.open(name, Mq.O_CREAT | Mq.O_RDWR, 0600, MqAttributes.of(maxmsg, msgsize)).close();
    }

    private static CreateCheck checkFor(EmulatedBackend b) throws MqException {
        RlimitUsage usage = RlimitUsage.measure(b, UID);
        return CreateCheck.of(b.limits(), b.list(), usage.chargedBytes(), b.credentials().capSysResource());
    }

    /** What the emulation's mq_open says: null for success (the created queue is removed again). */
    private static Errno actual(EmulatedBackend b, CreateRequest r) throws MqException {
        boolean existed = b.list().stream().anyMatch(q -> q.name().equals(r.name()));
        try (MqQueue q = b.open(r.name(), r.oflag(), r.mode(), r.attributes())) {
            if (!existed) {
                b.unlink(q.name());
            }
            return null;
        } catch (MqException e) {
            return e.errno();
        }
    }

    private static void assertAgree(EmulatedBackend b, List<CreateRequest> cases, List<Errno> expected)
            throws MqException {
        for (int i = 0; i < cases.size(); i++) {
            CreateRequest r = cases.get(i);
            CreateCheck.Result predicted = checkFor(b).check(r);
            Errno real = actual(b, r);
            assertThat(predicted.errno()).as("CreateCheck for %s", r).isEqualTo(expected.get(i));
            assertThat(real).as("emulation for %s", r).isEqualTo(expected.get(i));
        }
    }

    private static CreateRequest req(String name, long maxmsg, long msgsize, boolean excl) {
        return new CreateRequest(name, maxmsg, msgsize, 0600, excl);
    }

    @Test
    void nameRulesComeFirstThenExistenceThenSizesThenTheRlimit() throws MqException {
        // rlimit: /taken (10 × 8192) charges 82,880; another like it would pass 150,000.
        EmulatedBackend b = namespace(MqLimits.LINUX_DEFAULTS.withRlimitMsgqueue(150_000), false);
        create(b, "/taken", 10, 8192);
        List<CreateRequest> cases = List.of(
                req("noslash", 20, 8192, true),
                req("/", 20, 8192, true),
                req("/a/b", 20, 8192, true),
                req("/.", 0, 0, true),
                req("/..", 10, 10, true),
                req("/a/" + "x".repeat(300), 10, 10, true),
                req(LONG, 20, 8192, true),
                req("/taken", 20, 8192, true),
                req("/taken", 20, 8192, false),
                req("/fresh", 0, 8192, true),
                req("/fresh", 10, -1, true),
                req("/fresh", 11, 8192, true),
                req("/fresh", 10, 8193, true),
                req("/fresh", 10, 8192, true),
                req("/fresh", 11, 100_000, true),
                req("/fresh", 5, 8192, true),
                req("/..." , 1, 1, true));
        List<Errno> expected = java.util.Arrays.asList(
                Errno.EINVAL, Errno.ENOENT, Errno.EACCES, Errno.EACCES, Errno.EACCES, Errno.EACCES,
                Errno.ENAMETOOLONG, Errno.EEXIST, null, Errno.EINVAL, Errno.EINVAL, Errno.EINVAL, Errno.EINVAL,
                Errno.EMFILE, Errno.EINVAL, null, null);
        assertAgree(b, cases, expected);
    }

    @Test
    void queuesMaxComesBeforeTheAttributes() throws MqException {
        EmulatedBackend b = namespace(MqLimits.LINUX_DEFAULTS.withQueuesMax(1), false);
        create(b, "/only", 1, 16);
        assertAgree(b, List.of(req("/x", 10, 16, true), req("/x", 0, 0, true), req("/x", 99, 99_999, true),
                        req("/a/b", 0, 0, true), req("/only", 1, 1, true)),
                List.of(Errno.ENOSPC, Errno.ENOSPC, Errno.ENOSPC, Errno.EACCES, Errno.EEXIST));
    }

    @Test
    void capSysResourceLiftsTheSoftLimitsButNotTheHardOnesNorTheRlimit() throws MqException {
        EmulatedBackend b = namespace(MqLimits.LINUX_DEFAULTS.withQueuesMax(1), true);
        create(b, "/only", 1, 16);
        assertAgree(b, List.of(req("/big", 11, 9000, true), req("/big", Mq.HARD_MSGMAX + 1, 16, true),
                        req("/big", 1, Mq.HARD_MSGSIZEMAX + 1, true), req("/big", 100, 8192, true)),
                java.util.Arrays.asList(null, Errno.EINVAL, Errno.EINVAL, Errno.EMFILE));
    }

    @Test
    void eachFindingNamesItsFieldAndTheLimit() throws MqException {
        EmulatedBackend b = namespace(MqLimits.LINUX_DEFAULTS.withRlimitMsgqueue(100_000), false);
        create(b, "/taken", 10, 8192);
        CreateCheck check = checkFor(b);
        assertThat(check.check(req("/q", 20, 128, true)).message())
                .isEqualTo("Max messages: EINVAL — 20 is above msg_max 10");
        assertThat(check.check(req("/q", 1, 9000, true)).message())
                .isEqualTo("Message size: EINVAL — 9000 is above msgsize_max 8192");
        assertThat(check.check(req("/q", 0, 128, true)).message()).isEqualTo("Max messages: EINVAL — must be at least 1");
        assertThat(check.check(req("/a/b", 1, 1, true)).message())
                .isEqualTo("Name: EACCES — no '/' allowed after the leading one");
        assertThat(check.check(req("q", 1, 1, true)).message()).isEqualTo("Name: EINVAL — must start with '/'");
        assertThat(check.check(req(LONG, 1, 1, true)).message())
                .isEqualTo("Name: ENAMETOOLONG — 256 bytes after the slash; at most 255 are allowed");
        assertThat(check.check(req("/taken", 1, 1, true)).message())
                .isEqualTo("Name: EEXIST — /taken exists and O_EXCL is set");
        CreateCheck.Result rlimit = check.check(req("/q", 10, 8192, true));
        assertThat(rlimit.field()).isEqualTo(CreateCheck.Field.QUEUE);
        assertThat(rlimit.message()).isEqualTo("Queue: EMFILE — this queue would be charged 82,880 bytes; with the "
                + "82,880 your queues hold that passes RLIMIT_MSGQUEUE 100,000");
        CreateCheck.Result opens = check.check(req("/taken", 1, 1, false));
        assertThat(opens.ok()).isTrue();
        assertThat(opens.message()).contains("exists", "ignore");
        assertThat(check.check(req("/q", 1, 1, true))).matches(CreateCheck.Result::ok).extracting(
                CreateCheck.Result::message).isEqualTo("");
    }

    @Test
    void queuesMaxFindingSaysHowManyExist() throws MqException {
        EmulatedBackend b = namespace(MqLimits.LINUX_DEFAULTS.withQueuesMax(1), false);
        create(b, "/only", 1, 16);
        MqException real = catchThrowableOfType(() -> create(b, "/x", 1, 1), MqException.class);
        assertThat(real.errno()).isEqualTo(Errno.ENOSPC);
        assertThat(checkFor(b).check(req("/x", 1, 1, true)).message())
                .isEqualTo("Queue: ENOSPC — 1 queues exist and queues_max is 1");
    }
}
