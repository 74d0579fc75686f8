/* The recording request (op 5, "Recording" in PROTOCOL.md): the helper opens each queue O_RDONLY with the
 * caller's credentials (the kernel's own read check decides, as for a peek), learns its superblock and inode, loads
 * mqrecord.bpf.c, fills its target maps with them (by inode, and by name in the queue's namespace), and copies each
 * event from the ring buffer to stdout as a framed record until stdin ends, a stop byte arrives or the duration is
 * over. Lost events (ring buffer full) are reported as they are noticed and in the end record. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include "mqrecord.h"
#include "mqrecord.skel.h"
#include "opener.h"
#include "reader.h"
#include "record.h"

_Static_assert(MQREC_PAYLOAD_MAX == MQPK_PAYLOAD_MAX, "the BPF event holds the protocol's largest payload");
_Static_assert(MQREC_TARGETS_MAX == MQPK_TARGETS_MAX, "the BPF maps hold the protocol's most queues");

/* The bytes of an event record before its payload (PROTOCOL.md, "type 1, event") */
#define EVENT_HEAD (8 + 8 + 4 + 4 + 2 + 2 + 4 + 8 + 8 + 4 + 4 + 16 + 4)

struct recording {
	unsigned long long events;
	unsigned ntargets;
};

/* The queues of a request, opened: their descriptors (kept open while recording, so an inode is never reused for
 * another queue meanwhile) and identities. */
struct opened {
	int fd[MQPK_TARGETS_MAX];
	struct stat st[MQPK_TARGETS_MAX];
	unsigned n;
};

static void close_all(struct opened *o)
{
	for (unsigned i = 0; i < o->n; i++)
		if (o->fd[i] >= 0)
			close(o->fd[i]);
	o->n = 0;
}

/* The kernel's dev_t of a superblock is MAJOR << 20 | MINOR (kdev_t), not the userspace encoding of st_dev. */
static unsigned long long kernel_dev(dev_t d)
{
	return (unsigned long long)major(d) << 20 | minor(d);
}

static int open_targets(const struct request *rq, struct opened *o, struct failure *f)
{
	o->n = 0;
	for (unsigned i = 0; i < rq->ntargets; i++) {
		const struct record_target *t = &rq->targets[i];
		if (open_queue_fd(t->name, t->by_path, t->expect_dev, t->expect_ino, "recording", &o->fd[i], &o->st[i],
				  f) != 0) {
			close_all(o);
			return -1;
		}
		o->n = i + 1;
		for (unsigned j = 0; j < i; j++) {
			if (o->st[j].st_dev == o->st[i].st_dev && o->st[j].st_ino == o->st[i].st_ino) {
				fail(f, EINVAL, "%s and %s are the same queue", rq->targets[j].name, t->name);
				close_all(o);
				return -1;
			}
		}
	}
	return 0;
}

/* Puts each queue's name in its namespace into the program's by_name map (its inode went into the program's
 * constants before load). The name is what the kernel gets from mq_open(3)/mq_unlink(3), without the leading
 * slash: for a path, the file's name on its mount. */
static int fill_targets(const struct mqrecord *skel, const struct request *rq, const struct opened *o,
			struct failure *f)
{
	for (unsigned i = 0; i < o->n; i++) {
		__u32 idx = i;
		struct mqrec_name_key nk;
		memset(&nk, 0, sizeof(nk));
		nk.dev = kernel_dev(o->st[i].st_dev);
		const char *slash = strrchr(rq->targets[i].name, '/');
		const char *name = slash ? slash + 1 : rq->targets[i].name;
		size_t len = strlen(name);
		if (len == 0 || len >= sizeof(nk.name))
			return fail(f, EINVAL, "%s has no queue name to match mq_open and mq_unlink with",
				    rq->targets[i].name);
		memcpy(nk.name, name, len);
		if (bpf_map_update_elem(bpf_map__fd(skel->maps.by_name), &nk, &idx, BPF_NOEXIST) != 0) {
			int e = errno;
			return fail(f, e, "adding the name of %s to the recording failed: %s", rq->targets[i].name,
				    strerror(e));
		}
	}
	return 0;
}

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
	const struct mqrec_event *ev = data;
	const struct mqrec_head *e = &ev->h;

	if (size < MQREC_HEAD_SIZE || e->payload_len > MQREC_PAYLOAD_MAX || MQREC_HEAD_SIZE + e->payload_len > size) {
		fprintf(stderr, "mqpeek: EPROTO: a ring buffer record of %zu bytes is not an event; skipped\n", size);
		return 0;
	}
	if (e->queue >= rec->ntargets || e->call < MQREC_CALL_SEND || e->call > MQREC_CALL_GETSETATTR) {
		fprintf(stderr, "mqpeek: EPROTO: an event of call %u on queue %u is not one of this recording; skipped\n",
			e->call, e->queue);
		return 0;
	}
	put_frame_head(MQPK_REC_EVENT, EVENT_HEAD + e->payload_len);
	put_u64(0); /* t_enter: not stamped */
	put_u64(e->t_exit);
	put_u32(e->tgid);
	put_u32(e->tid);
	put_u16(e->call);
	put_u16(e->queue);
	put_u32(e->prio);
	put_u64((uint64_t)e->result);
	put_u64(e->len);
	put_u32((uint32_t)e->arg1);
	put_u32((uint32_t)e->arg2);
	char comm[16];
	memcpy(comm, e->comm, sizeof(comm));
	comm[15] = '\0';
	put_bytes(comm, sizeof(comm));
	put_u32(e->payload_len);
	put_bytes(ev->payload, e->payload_len);
	rec->events++;
	/* a failed write ends the poll loop (ring_buffer__poll stops at a negative return) */
	return put_failed ? -EPIPE : 0;
}

/* Events lost so far: those the ring buffer had no room for, and the program's runs the kernel skipped because it
 * was already running on that CPU (its recursion guard; each such run is a call that returned unrecorded). */
static int lost_total(const struct mqrecord *skel, int ncpu, unsigned long long *total)
{
	/* the map's per-CPU values as the program lays them out: struct mqrec_counts { lost, unwoken } */
	uint64_t per_cpu[ncpu][2];
	uint32_t zero = 0;
	if (bpf_map_lookup_elem(bpf_map__fd(skel->maps.counts), &zero, per_cpu) != 0)
		return -1;
	unsigned long long sum = 0;
	for (int i = 0; i < ncpu; i++)
		sum += per_cpu[i][0];
	struct bpf_prog_info info;
	__u32 len = sizeof(info);
	memset(&info, 0, sizeof(info));
	if (bpf_obj_get_info_by_fd(bpf_program__fd(skel->progs.mqrec_exit), &info, &len) != 0)
		return -1;
	*total = sum + info.recursion_misses;
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

/* Opens and loads the recording program for the queues o of rq, or fails f. The program reads a descriptor's slot with a plain
 * load where the kernel's verifier accepts that (fd_slot_load in mqrecord.bpf.c), so the first try asks for it and,
 * when the verifier refuses, a second loads the bpf_probe_read_kernel variant. MQPEEK_FD_SLOT_PROBE=1 in the
 * environment skips the first try, so the variant older kernels get can be run on a newer one. */
static struct mqrecord *load_recorder(const struct request *rq, const struct opened *o, struct failure *f)
{
	const char *force = getenv("MQPEEK_FD_SLOT_PROBE");
	int err = 0;
	for (int slot_load = !(force && strcmp(force, "1") == 0); slot_load >= 0; slot_load--) {
		struct mqrecord *skel = mqrecord__open();
		if (!skel) {
			int e = errno ? errno : EIO;
			fail(f, e, "opening the recording BPF object failed: %s", strerror(e));
			return NULL;
		}
		skel->rodata->payload_cap = rq->payload;
		skel->rodata->self_tgid = (unsigned)getpid();
		skel->rodata->fd_slot_load = (unsigned)slot_load;
		skel->rodata->ntargets = o->n;
		for (unsigned i = 0; i < o->n; i++) {
			skel->rodata->targets[i].dev = kernel_dev(o->st[i].st_dev);
			skel->rodata->targets[i].ino = (unsigned long long)o->st[i].st_ino;
		}
		err = -mqrecord__load(skel);
		if (err == 0) {
			if (verbose)
				fprintf(stderr, "mqpeek: recorder reads descriptor slots %s\n",
					slot_load ? "by plain loads" : "with bpf_probe_read_kernel");
			return skel;
		}
		mqrecord__destroy(skel);
		if (err == EPERM)
			break; /* no capability: the other variant would be refused the same way */
	}
	if (err == EPERM || err == EACCES)
		fail(f, EPERM, "loading the recorder needs CAP_BPF and CAP_PERFMON: run as root or "
			       "setcap cap_bpf,cap_perfmon+ep on the helper");
	else
		fail(f, err, "loading the recording BPF program failed: %s", strerror(err));
	return NULL;
}

int record_queues(const struct request *rq, struct failure *f)
{
	struct mqrecord *skel = NULL;
	struct ring_buffer *rb = NULL;
	struct recording rec = { 0, rq->ntargets };
	struct opened o;
	int rc = -1;

	if (open_targets(rq, &o, f) != 0)
		return -1;
	int ncpu = libbpf_num_possible_cpus();
	if (ncpu <= 0 || ncpu > 4096) {
		fail(f, EIO, "cannot tell the number of possible CPUs (%d)", ncpu);
		goto out;
	}
	if (access("/sys/kernel/btf/vmlinux", R_OK) != 0) {
		fail(f, ENOENT, "no BTF: this kernel lacks /sys/kernel/btf/vmlinux, which recording needs");
		goto out;
	}
	skel = load_recorder(rq, &o, f);
	if (!skel)
		goto out;
	rb = ring_buffer__new(bpf_map__fd(skel->maps.events), on_event, &rec, NULL);
	if (!rb) {
		int e = errno ? errno : EIO;
		fail(f, e, "creating the ring buffer reader failed: %s", strerror(e));
		goto out;
	}
	if (fill_targets(skel, rq, &o, f) != 0)
		goto out;
	int err = mqrecord__attach(skel);
	if (err) {
		int e = -err;
		fail(f, e == EACCES ? EPERM : e, "attaching the syscall tracepoints failed: %s", strerror(e));
		goto out;
	}

	reply_head(MQPK_STATUS_OK);
	put_u16(o.n);
	for (unsigned i = 0; i < o.n; i++) {
		put_u64((uint64_t)o.st[i].st_dev);
		put_u64((uint64_t)o.st[i].st_ino);
	}
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
		/* The program wakes this reader only once a quarter of the ring is filled (a wakeup per call would cost
		 * a context switch each); a poll that timed out read nothing, so what arrived meanwhile is taken here,
		 * which keeps a slow recording live to within one poll period. */
		if (n == 0)
			n = ring_buffer__consume(rb);
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
	close_all(&o);
	return rc;
}
