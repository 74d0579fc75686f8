package org.mqscope.mq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** mq_unlink and queue lifetime (§11): the name goes at once, the queue when its last descriptor closes. */
abstract class UnlinkContract extends MqContract {

    @Test
    void unlinkingAnOpenQueueRemovesTheNameButKeepsTheQueue() throws MqException {
        try (MqQueue q = create()) {
            q.send(bytes("kept"), 4);
            mq.unlink(q.name());
            assertThat(errnoOf(() -> mq.open(q.name(), Mq.O_RDONLY))).isEqualTo(Errno.ENOENT);
            assertThat(errnoOf(() -> mq.unlink(q.name()))).isEqualTo(Errno.ENOENT);
            assertThat(errnoOf(() -> mq.statusLine(q.name()))).isEqualTo(Errno.ENOENT);
            assertThat(mq.list()).extracting(QueueInfo::name).doesNotContain(q.name());

            assertThat(curmsgs(q)).isEqualTo(1);
            assertThat(q.readStatus()).isEqualTo(statusText(4, 0, 0, 0));
            q.send(bytes("more"), 1);
            assertThat(q.receive()).isEqualTo(new MqMessage(bytes("kept"), 4));
            assertThat(take(q)).isEqualTo("more");
        }
    }

    @Test
    void theNameCanBeReusedAtOnceForADifferentEmptyQueue() throws MqException {
        try (MqQueue old = create()) {
            old.send(bytes("old"), 0);
            mq.unlink(old.name());
            try (MqQueue fresh = mq.open(old.name(), RDWR_CREATE, 0600, MqAttributes.of(2, 32))) {
                assertThat(fresh.getAttributes()).isEqualTo(new MqAttributes(0, 2, 32, 0));
                fresh.send(bytes("new"), 0);
                assertThat(take(old)).isEqualTo("old");
                assertThat(curmsgs(old)).isZero();
                assertThat(take(fresh)).isEqualTo("new");
                assertThat(mq.statusLine(old.name())).isEqualTo(statusText(0, 0, 0, 0));
            }
        }
    }

    @Test
    void aClosedQueueLivesOnUntilUnlinked() throws MqException {
        String name;
        try (MqQueue q = create()) {
            name = q.name();
            q.send(bytes("persistent"), 0);
        }
        assertThat(mq.statusLine(name)).isEqualTo(statusText(10, 0, 0, 0));
        try (MqQueue again = mq.open(name, Mq.O_RDONLY)) {
            assertThat(take(again)).isEqualTo("persistent");
        }
        mq.unlink(name);
        assertThat(errnoOf(() -> mq.open(name, Mq.O_RDONLY))).isEqualTo(Errno.ENOENT);
    }

    @Test
    void unlinkingAMissingQueueIsEnoent() {
        assertThat(errnoOf(() -> mq.unlink(newName()))).isEqualTo(Errno.ENOENT);
    }

    @Test
    void theOwnerMayUnlinkAQueueWhateverItsMode() throws MqException {
        String name = newName();
        mq.open(name, RDWR_CREATE, 0, SMALL).close();
        mq.unlink(name);
        assertThat(mq.list()).extracting(QueueInfo::name).doesNotContain(name);
    }

    @Test
    void closingOneDescriptorOfAnUnlinkedQueueLeavesTheOthersWorking() throws MqException {
        MqQueue q = create();
        try (MqQueue second = reopen(q, Mq.O_RDWR)) {
            q.send(bytes("before"), 0);
            mq.unlink(q.name());
            q.close();
            second.send(bytes("after"), 0);
            assertThat(OrderingContract.drain(second)).containsExactly("before@0", "after@0");
        }
    }
}
