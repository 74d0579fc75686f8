/* The recording request (op 4, "Recording" in PROTOCOL.md): the helper opens the queue O_RDONLY with the caller's
 * credentials (the kernel's own read check decides, as for a peek), learns its superblock and inode, loads
 * mqrecord.bpf.c with them as constants, and copies each event from the ring buffer to stdout as a framed record
 * until stdin ends, a stop byte arrives or the duration is over. Lost events (ring buffer full) are reported as
 * they are noticed and in the end record. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include "mqrecord.h"
#include "mqrecord.skel.h"
#include "record.h"

_Static_assert(MQREC_PAYLOAD_MAX == MQPK_PAYLOAD_MAX, "the BPF event holds the protocol's largest payload");

struct recording {
	unsigned long long events;
	int ncpu;
};

static uint64_t clock_ns(clockid_t id)
{
	struct timespec ts;
	if (clock_gettime(id, &ts) != 0)
		return 0;
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void put_frame_head(unsigned type, uint32_t len)
{
	put_u16(type);
	put_u32(len);
}

static int on_event(void *ctx, void *data, size_t size)
{
	struct recording *rec = ctx;
	const struct mqrec_event *e = data;

	if (size < MQREC_HEAD_SIZE || e->payload_len > MQREC_PAYLOAD_MAX || MQREC_HEAD_SIZE + e->payload_len > size) {
		fprintf(stderr, "mqpeek: EPROTO: a ring buffer record of %zu bytes is not an event; skipped\n", size);
		return 0;
	}
	put_frame_head(MQPK_REC_EVENT, 8 + 8 + 4 + 4 + 2 + 4 + 8 + 8 + 16 + 4 + e->payload_len);
	put_u64(e->t_enter);
	put_u64(e->t_exit);
	put_u32(e->tgid);
	put_u32(e->tid);
	put_u16(e->call);
	put_u32(e->prio);
	put_u64((uint64_t)e->result);
	put_u64(e->len);
	char comm[16];
	memcpy(comm, e->comm, sizeof(comm));
	comm[15] = '\0';
	put_bytes(comm, sizeof(comm));
	put_u32(e->payload_len);
	put_bytes(e->payload, e->payload_len);
	rec->events++;
	/* a failed write ends the poll loop (ring_buffer__poll stops at a negative return) */
	return put_failed ? -EPIPE : 0;
}

static int lost_total(const struct mqrecord *skel, int ncpu, unsigned long long *total)
{
	uint64_t per_cpu[ncpu];
	uint32_t zero = 0;
	if (bpf_map_lookup_elem(bpf_map__fd(skel->maps.lost), &zero, per_cpu) != 0)
		return -1;
	unsigned long long sum = 0;
	for (int i = 0; i < ncpu; i++)
		sum += per_cpu[i];
	*total = sum;
	return 0;
}

/* 0 nothing, 1 stdin ended, 2 a stop byte was read, -1 read error */
static int input_state(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	int n = poll(&p, 1, 0);
	if (n < 0)
		return errno == EINTR ? 0 : -1;
	if (n == 0)
		return 0;
	if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
		unsigned char b;
		ssize_t r = read(STDIN_FILENO, &b, 1);
		if (r < 0)
			return errno == EINTR || errno == EAGAIN ? 0 : -1;
		return r == 0 ? 1 : 2;
	}
	return 0;
}

int record_queue(const struct request *rq, struct failure *f)
{
	struct mqrecord *skel = NULL;
	struct ring_buffer *rb = NULL;
	struct recording rec = { 0, 0 };
	int rc = -1;
	mqd_t fd = mq_open(rq->name, O_RDONLY | O_CLOEXEC);

	if (fd == (mqd_t)-1) {
		int e = errno;
		if (e == EACCES)
			return fail(f, e, "you lack read permission on %s; recording needs what mq_receive needs", rq->name);
		if (e == ENOENT)
			return fail(f, e, "no queue named %s", rq->name);
		return fail(f, e, "mq_open %s O_RDONLY failed: %s", rq->name, strerror(e));
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int e = errno;
		fail(f, e, "fstat on %s failed: %s", rq->name, strerror(e));
		goto out;
	}
	if ((rq->expect_ino && rq->expect_ino != (unsigned long long)st.st_ino) ||
	    (rq->expect_dev && rq->expect_dev != (unsigned long long)st.st_dev)) {
		fail(f, ESTALE, "%s is now another queue than the one you hold open (unlinked or replaced)", rq->name);
		goto out;
	}
	int ncpu = libbpf_num_possible_cpus();
	if (ncpu <= 0 || ncpu > 4096) {
		fail(f, EIO, "cannot tell the number of possible CPUs (%d)", ncpu);
		goto out;
	}
	if (access("/sys/kernel/btf/vmlinux", R_OK) != 0) {
		fail(f, ENOENT, "no BTF: this kernel lacks /sys/kernel/btf/vmlinux, which recording needs");
		goto out;
	}
	rec.ncpu = ncpu;
	skel = mqrecord__open();
	if (!skel) {
		int e = errno ? errno : EIO;
		fail(f, e, "opening the recording BPF object failed: %s", strerror(e));
		goto out;
	}
	/* The kernel's dev_t of the superblock is MAJOR << 20 | MINOR (kdev_t), not the userspace encoding */
	skel->rodata->target_dev = (unsigned long long)major(st.st_dev) << 20 | minor(st.st_dev);
	skel->rodata->target_ino = (unsigned long long)st.st_ino;
	skel->rodata->payload_cap = rq->payload;
	skel->rodata->self_tgid = (unsigned)getpid();
	int err = mqrecord__load(skel);
	if (err) {
		int e = -err;
		if (e == EPERM || e == EACCES)
			fail(f, EPERM, "loading the recorder needs CAP_BPF and CAP_PERFMON: run as root or "
				       "setcap cap_bpf,cap_perfmon+ep on the helper");
		else
			fail(f, e, "loading the recording BPF program failed: %s", strerror(e));
		goto out;
	}
	rb = ring_buffer__new(bpf_map__fd(skel->maps.events), on_event, &rec, NULL);
	if (!rb) {
		int e = errno ? errno : EIO;
		fail(f, e, "creating the ring buffer reader failed: %s", strerror(e));
		goto out;
	}
	err = mqrecord__attach(skel);
	if (err) {
		int e = -err;
		fail(f, e == EACCES ? EPERM : e, "attaching the syscall tracepoints failed: %s", strerror(e));
		goto out;
	}

	reply_head(MQPK_STATUS_OK);
	put_u64((uint64_t)st.st_dev);
	put_u64((uint64_t)st.st_ino);
	put_u32(rq->payload);
	put_u64(clock_ns(CLOCK_MONOTONIC)); /* the events' clock (bpf_ktime_get_ns) ... */
	put_u64(clock_ns(CLOCK_REALTIME));  /* ... and the wall clock at the same moment */
	rc = 0;
	if (fflush(stdout) != 0)
		put_failed = 1;

	uint64_t deadline = rq->duration_ms ? clock_ns(CLOCK_MONOTONIC) + (uint64_t)rq->duration_ms * 1000000ull : 0;
	unsigned long long lost_seen = 0;
	unsigned reason = MQPK_END_INPUT_CLOSED;
	while (!put_failed) {
		int n = ring_buffer__poll(rb, 50);
		if (n < 0 && n != -EINTR && !put_failed) {
			fprintf(stderr, "mqpeek: EIO: reading the ring buffer failed: %s\n", strerror(-n));
			break;
		}
		unsigned long long lost;
		if (lost_total(skel, ncpu, &lost) == 0 && lost != lost_seen) {
			put_frame_head(MQPK_REC_LOST, 8);
			put_u64(lost);
			lost_seen = lost;
		}
		if (fflush(stdout) != 0)
			put_failed = 1;
		if (deadline && clock_ns(CLOCK_MONOTONIC) >= deadline) {
			reason = MQPK_END_DURATION;
			break;
		}
		int in = input_state();
		if (in != 0) {
			reason = in == 2 ? MQPK_END_STOP_BYTE : MQPK_END_INPUT_CLOSED;
			break;
		}
	}
	if (put_failed)
		goto out;
	/* Detach first, then drain what is already in the ring, so the end record follows every event */
	bpf_link__destroy(skel->links.mqrec_enter);
	skel->links.mqrec_enter = NULL;
	bpf_link__destroy(skel->links.mqrec_exit);
	skel->links.mqrec_exit = NULL;
	if (ring_buffer__consume(rb) < 0 && !put_failed)
		fprintf(stderr, "mqpeek: EIO: draining the ring buffer failed\n");
	unsigned long long lost = lost_seen;
	if (lost_total(skel, ncpu, &lost) != 0)
		fprintf(stderr, "mqpeek: EIO: reading the lost-event counter failed\n");
	put_frame_head(MQPK_REC_END, 4 + 8 + 8);
	put_u32(reason);
	put_u64(lost);
	put_u64(rec.events);
	put_bytes(MQPK_END_MAGIC, 4);
out:
	ring_buffer__free(rb);
	mqrecord__destroy(skel);
	mq_close(fd);
	return rc;
}
