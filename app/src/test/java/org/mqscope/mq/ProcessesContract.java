package org.mqscope.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rules that need a second process or another user (§4.2 step 7, §4.3, §9.2, §9.4, §11): permission bits, who may
 * unlink, and notification ownership per process. The other process runs as nobody with umask 022.
 */
abstract class ProcessesContract extends MqContract {
    private static final int CAP_FOWNER = 3;
    private OtherProcess nobody;

    @BeforeEach
    void startNobody() {
        // the modes below must survive the test JVM's umask
        assumeTrue((umask() & 0044) == 0, "umask " + Integer.toOctalString(umask()) + " hides read bits");
        nobody = otherProcess(NOBODY, NOBODY);
    }

    @Test
    void otherUsersNeedThePermissionBitsForTheAccessTheyAsk() throws MqException {
        String secret = newName();
        String readable = newName();
        mq.open(secret, RDWR_CREATE, 0600, SMALL).close();
        mq.open(readable, RDWR_CREATE, 0644, SMALL).close();

        assertThat(nobody.open(secret, Mq.O_RDONLY, 0, null)).isEqualTo("EACCES");
        assertThat(nobody.open(secret, Mq.O_WRONLY, 0, null)).isEqualTo("EACCES");
        assertThat(nobody.open(secret, Mq.O_CREAT | Mq.O_RDWR, 0666, SMALL)).isEqualTo("EACCES");
        assertThat(nobody.open(readable, Mq.O_RDONLY, 0, null)).isEqualTo("OK");
        assertThat(nobody.open(readable, Mq.O_WRONLY, 0, null)).isEqualTo("EACCES");
        assertThat(nobody.open(readable, Mq.O_RDWR, 0, null)).isEqualTo("EACCES");
    }

    @Test
    void eexistAndAccessModeThreeComeBeforeThePermissionCheck() throws MqException {
        String secret = newName();
        mq.open(secret, RDWR_CREATE, 0600, SMALL).close();
        assertThat(nobody.open(secret, RDWR_CREATE, 0600, SMALL)).isEqualTo("EEXIST");
        assertThat(nobody.open(secret, Mq.O_CREAT | Mq.O_EXCL | Mq.O_ACCMODE, 0600, SMALL)).isEqualTo("EEXIST");
        assertThat(nobody.open(secret, Mq.O_ACCMODE, 0, null)).isEqualTo("EINVAL");
    }

    @Test
    void theGroupBitsApplyToMembersOfTheQueuesGroup() throws MqException {
        String name = newName();
        mq.open(name, RDWR_CREATE, 0640, SMALL).close();
        OtherProcess member = otherProcess(NOBODY, gid());
        assertThat(member.open(name, Mq.O_RDONLY, 0, null)).isEqualTo("OK");
        assertThat(member.open(name, Mq.O_WRONLY, 0, null)).isEqualTo("EACCES");
        assertThat(nobody.open(name, Mq.O_RDONLY, 0, null)).isEqualTo("EACCES");
    }

    @Test
    void aQueueBelongsToItsCreatorWithTheCreatorsUmask() throws MqException {
        String name = newName();
        assertThat(nobody.open(name, RDWR_CREATE, 07777, SMALL)).isEqualTo("OK");
        QueueInfo info = info(name);
        assertThat(Integer.toOctalString(info.mode())).isEqualTo("7755");
        assertThat(info.uid()).isEqualTo(NOBODY);
        assertThat(info.gid()).isEqualTo(NOBODY);
    }

    @Test
    void theCreatorUsesAModeZeroQueueButCannotReopenIt() {
        String name = newName();
        assertThat(nobody.open(name, RDWR_CREATE, 0, SMALL)).isEqualTo("OK");
        assertThat(nobody.send(name, "mine", 0)).isEqualTo("OK");
        assertThat(nobody.receive(name)).isEqualTo("OK:mine");
        assertThat(nobody.open(name, Mq.O_RDONLY, 0, null)).isEqualTo("EACCES");
        assertThat(nobody.unlink(name)).as("the mode does not matter to unlink").isEqualTo("OK");
    }

    @Test
    void onlyTheOwnerOrRootMayUnlink() throws MqException {
        String ours = newName();
        mq.open(ours, RDWR_CREATE, 0644, SMALL).close();
        assertThat(nobody.unlink(ours)).isEqualTo("EACCES");
        mq.open(ours, Mq.O_RDONLY).close();

        String theirs = newName();
        assertThat(nobody.open(theirs, RDWR_CREATE, 0600, SMALL)).isEqualTo("OK");
        String expected = uid() == 0 || hasCapability(CAP_FOWNER) ? "OK" : "EACCES";
        assertThat(outcome(() -> mq.unlink(theirs))).isEqualTo(expected);
    }

    @Test
    void anotherProcessesRegistrationIsEbusyForUsAndOnlyItsOwnerRemovesIt() throws MqException {
        try (MqQueue q = mq.open(newName(), RDWR_CREATE, 0644, SMALL)) {
            MqQueue second = reopen(q, Mq.O_RDONLY);
            assertThat(nobody.open(q.name(), Mq.O_RDONLY, 0, null)).isEqualTo("OK");
            assertThat(nobody.notify(q.name(), Notification.none())).isEqualTo("OK");
            String theirs = statusText(0, Notification.SIGEV_NONE, 0, nobody.pid());
            assertThat(q.readStatus()).isEqualTo(theirs);

            assertThat(errnoOf(() -> q.notify(Notification.none()))).isEqualTo(Errno.EBUSY);
            q.notify(null); // not the owner: returns 0 and removes nothing
            second.close(); // our close is not the owner's close
            assertThat(q.readStatus()).isEqualTo(theirs);

            assertThat(nobody.notify(q.name(), null)).isEqualTo("OK");
            assertThat(q.readStatus()).isEqualTo(statusText(0, 0, 0, 0));
            assertThat(nobody.notify(q.name(), Notification.signal(0))).isEqualTo("OK");
            assertThat(nobody.closeQueue(q.name())).isEqualTo("OK");
            assertThat(q.readStatus()).as("removed by the owner's close").isEqualTo(statusText(0, 0, 0, 0));
        }
    }

    @Test
    void ourRegistrationSurvivesWhateverAnotherProcessDoes() throws MqException {
        try (MqQueue q = mq.open(newName(), RDWR_CREATE, 0644, SMALL)) {
            q.notify(Notification.none());
            String ours = statusText(0, Notification.SIGEV_NONE, 0, ownPid());
            assertThat(nobody.open(q.name(), Mq.O_RDONLY, 0, null)).isEqualTo("OK");
            assertThat(nobody.notify(q.name(), Notification.none())).isEqualTo("EBUSY");
            assertThat(nobody.notify(q.name(), null)).isEqualTo("OK");
            assertThat(nobody.closeQueue(q.name())).isEqualTo("OK");
            assertThat(q.readStatus()).isEqualTo(ours);
        }
    }

    @Test
    void anotherProcessReadsTheStatusFileWithReadPermissionAndLeavesOurRegistration() throws MqException {
        String secret = newName();
        mq.open(secret, RDWR_CREATE, 0600, SMALL).close();
        assertThat(nobody.status(secret)).isEqualTo("EACCES");
        try (MqQueue q = mq.open(newName(), RDWR_CREATE, 0644, SMALL)) {
            q.notify(Notification.none());
            String ours = statusText(0, Notification.SIGEV_NONE, 0, ownPid());
            assertThat(nobody.status(q.name())).isEqualTo("OK:" + ours);
            assertThat(q.readStatus()).as("only the owner's close removes").isEqualTo(ours);
        }
    }

    @Test
    void aSendByAnotherProcessFiresOurRegistration() throws MqException {
        String name = newName();
        assertThat(nobody.open(name, RDWR_CREATE, 0644, SMALL)).isEqualTo("OK");
        try (MqQueue q = mq.open(name, Mq.O_RDONLY)) {
            q.notify(Notification.none());
            assertThat(nobody.send(name, "hello", 3)).isEqualTo("OK");
            assertThat(q.readStatus()).isEqualTo(statusText(5, 0, 0, 0));
            assertThat(q.receive()).isEqualTo(new MqMessage(bytes("hello"), 3));
        }
    }
}
