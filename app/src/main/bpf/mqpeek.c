/* mqpeek: reads a POSIX message queue in place, without receiving from it, and answers on stdout.
 *
 * Requests come on stdin and replies go to stdout in the framed binary protocol of PROTOCOL.md; the helper
 * answers requests until stdin ends. For each one it opens the named queue itself, O_RDONLY, with the caller's
 * credentials, so the kernel's own permission check decides (EACCES: no reply data). Then it loads mqpeek.bpf.c,
 * which finds that descriptor among the helper's own files and reads the queue without its lock, and runs it until
 * two consecutive passes agree on everything (see "Consistency" in PROTOCOL.md), a bounded number of times.
 *
 * Needs CAP_BPF and CAP_PERFMON (or root) and a kernel with BTF. Nothing read from stdin or from the kernel is
 * trusted: every length is checked before use, and every failure leaves as an errno name and a sentence. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <mqueue.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "mqpeek.h"
#include "mqpeek.skel.h"
#include "mqpeek_proto.h"

#define BTF_PATH "/sys/kernel/btf/vmlinux"

struct request {
	unsigned op;
	unsigned long long index;
	unsigned long long expect_dev;
	unsigned long long expect_ino;
	unsigned attempts;
	char name[MQPK_NAME_MAX + 2];
};

/* Why a request failed: an errno and a sentence, sent as an error reply. */
struct failure {
	int errnum;
	char text[512];
};

static int fail(struct failure *f, int errnum, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int fail(struct failure *f, int errnum, const char *fmt, ...)
{
	va_list ap;

	f->errnum = errnum;
	va_start(ap, fmt);
	vsnprintf(f->text, sizeof(f->text), fmt, ap);
	va_end(ap);
	return -1;
}

static const char *errno_name(int errnum)
{
	const char *n = strerrorname_np(errnum);
	return n ? n : "EUNKNOWN";
}

static int verbose;

/* With -v, how long each stage took goes to stderr (the start-up share of a peek is reported from this). */
static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void stage(const char *what, double since)
{
	if (verbose)
		fprintf(stderr, "mqpeek: %s %.2f ms\n", what, now_ms() - since);
}

static int libbpf_print(enum libbpf_print_level level, const char *fmt, va_list args)
{
	if (level == LIBBPF_DEBUG && !verbose)
		return 0;
	if (level == LIBBPF_INFO && !verbose)
		return 0;
	return vfprintf(stderr, fmt, args);
}

/* ------------------------------------------------------------------------------------------------- output -- */

static int put_failed;

static void put_bytes(const void *p, size_t n)
{
	if (n && fwrite(p, 1, n, stdout) != n)
		put_failed = 1;
}

static void put_u8(unsigned v)
{
	unsigned char b = (unsigned char)v;
	put_bytes(&b, 1);
}

static void put_u16(unsigned v)
{
	unsigned char b[2] = { (unsigned char)(v >> 8), (unsigned char)v };
	put_bytes(b, 2);
}

static void put_u32(uint32_t v)
{
	unsigned char b[4] = { (unsigned char)(v >> 24), (unsigned char)(v >> 16), (unsigned char)(v >> 8),
			       (unsigned char)v };
	put_bytes(b, 4);
}

static void put_u64(uint64_t v)
{
	put_u32((uint32_t)(v >> 32));
	put_u32((uint32_t)v);
}

static void reply_head(unsigned status)
{
	put_bytes(MQPK_REPLY_MAGIC, 4);
	put_u16(MQPK_VERSION);
	put_u16(status);
}

static void reply_failure(const struct failure *f)
{
	size_t n = strlen(f->text);

	reply_head(MQPK_STATUS_ERROR);
	put_u32((uint32_t)f->errnum);
	put_bytes(errno_name(f->errnum), strlen(errno_name(f->errnum)) > 31 ? 31 : strlen(errno_name(f->errnum)));
	for (size_t i = strlen(errno_name(f->errnum)); i < 32; i++)
		put_u8(0);
	put_u16((unsigned)n);
	put_bytes(f->text, n);
	put_bytes(MQPK_END_MAGIC, 4);
	fprintf(stderr, "mqpeek: %s: %s\n", errno_name(f->errnum), f->text);
}

/* -------------------------------------------------------------------------------------------------- input -- */

/* 1 when n bytes were read, 0 at end of input before the first byte, -1 on a short or failed read. */
static int read_exact(void *buf, size_t n)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = read(STDIN_FILENO, (char *)buf + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			return got == 0 ? 0 : -1;
		got += (size_t)r;
	}
	return 1;
}

static uint64_t get_be(const unsigned char *p, int n)
{
	uint64_t v = 0;
	for (int i = 0; i < n; i++)
		v = v << 8 | p[i];
	return v;
}

/* 1 with a request, 0 at the end of input, 2 (with f filled) for a well-framed request with a bad name, -1 (with f
 * filled) when the input is not a request at all. */
static int read_request(struct request *rq, struct failure *f)
{
	unsigned char h[MQPK_REQUEST_HEAD];
	int r = read_exact(h, sizeof(h));

	if (r == 0)
		return 0;
	if (r < 0)
		return fail(f, EPROTO, "the request ended early: expected a %d-byte header", MQPK_REQUEST_HEAD);
	if (memcmp(h, MQPK_REQUEST_MAGIC, 4) != 0)
		return fail(f, EPROTO, "the request does not start with \"%s\": not an mqpeek request",
			    MQPK_REQUEST_MAGIC);
	unsigned version = (unsigned)get_be(h + 4, 2);
	if (version != MQPK_VERSION)
		return fail(f, EPROTONOSUPPORT, "request version %u; this helper speaks version %u", version,
			    MQPK_VERSION);
	rq->op = (unsigned)get_be(h + 6, 2);
	rq->index = get_be(h + 8, 8);
	rq->expect_dev = get_be(h + 16, 8);
	rq->expect_ino = get_be(h + 24, 8);
	rq->attempts = (unsigned)get_be(h + 32, 2);
	unsigned name_len = (unsigned)get_be(h + 34, 2);
	if (name_len > MQPK_NAME_MAX + 1)
		return fail(f, EPROTO, "name_len %u is over the limit of %d bytes", name_len, MQPK_NAME_MAX + 1);
	if (read_exact(rq->name, name_len) != 1)
		return fail(f, EPROTO, "the request ended before its %u-byte name", name_len);
	rq->name[name_len] = '\0';
	if (rq->op != MQPK_OP_SNAPSHOT && rq->op != MQPK_OP_PEEK && rq->op != MQPK_OP_PROBE)
		return fail(f, EPROTO, "op %u is not a known operation (1 snapshot, 2 peek, 3 probe)", rq->op);
	if (rq->attempts > MQPK_MAX_ATTEMPTS)
		return fail(f, EPROTO, "attempts %u is over the limit of %d", rq->attempts, MQPK_MAX_ATTEMPTS);
	if (rq->attempts == 0)
		rq->attempts = MQPK_DEFAULT_ATTEMPTS;
	if (rq->op != MQPK_OP_PEEK && rq->index != 0)
		return fail(f, EPROTO, "index must be 0 unless op is 2 (peek)");
	/* The name is checked like mq_open(3) would, but with a field-naming message. */
	if (rq->op != MQPK_OP_PROBE) {
		/* Well framed but unusable: answered with an error, and the next request is read. */
		if (name_len < 2 || rq->name[0] != '/') {
			fail(f, EINVAL, "name \"%.*s\" must be a slash followed by 1 to %d characters", (int)name_len,
			     rq->name, MQPK_NAME_MAX);
			return 2;
		}
		if (memchr(rq->name, '\0', name_len) != NULL || strchr(rq->name + 1, '/') != NULL) {
			fail(f, EINVAL, "name must not contain a NUL byte or a second slash");
			return 2;
		}
	} else if (name_len != 0) {
		return fail(f, EPROTO, "a probe has no name (name_len must be 0)");
	}
	return 1;
}

/* ----------------------------------------------------------------------------------------------- the queue -- */

struct queue {
	mqd_t fd;
	struct mq_attr attr;
	struct stat st;
};

static int open_queue(const struct request *rq, struct queue *q, struct failure *f)
{
	q->fd = mq_open(rq->name, O_RDONLY | O_CLOEXEC);
	if (q->fd == (mqd_t)-1) {
		int e = errno;
		if (e == EACCES)
			return fail(f, e, "you lack read permission on %s; peek needs what mq_receive needs", rq->name);
		if (e == ENOENT)
			return fail(f, e, "no queue named %s", rq->name);
		return fail(f, e, "mq_open %s O_RDONLY failed: %s", rq->name, strerror(e));
	}
	if (fstat(q->fd, &q->st) != 0) {
		int e = errno;
		return fail(f, e, "fstat on %s failed: %s", rq->name, strerror(e));
	}
	if ((rq->expect_ino && rq->expect_ino != (unsigned long long)q->st.st_ino) ||
	    (rq->expect_dev && rq->expect_dev != (unsigned long long)q->st.st_dev))
		return fail(f, ESTALE, "%s is now another queue than the one you hold open (unlinked or replaced)",
			    rq->name);
	if (mq_getattr(q->fd, &q->attr) != 0) {
		int e = errno;
		return fail(f, e, "mq_getattr on %s failed: %s", rq->name, strerror(e));
	}
	/* The status line (read(2) on the descriptor) would tell QSIZE, but reading it sets the queue's atime and
	 * ctime, which others can see: the arena is sized from the attributes instead, and grown when short. */
	if (q->attr.mq_maxmsg <= 0 || q->attr.mq_msgsize < 0 || q->attr.mq_curmsgs < 0)
		return fail(f, EPROTO, "mq_getattr on %s gave impossible attributes", rq->name);
	return 0;
}

/* ------------------------------------------------------------------------------------------------- the read -- */

struct reader {
	struct mqpeek *skel;
	struct bpf_link *link;
	unsigned long long cap_msgs;
	unsigned cap_entries;
	unsigned char *arena;
	size_t arena_len;
	uint64_t *fill;
	size_t fill_len;
	struct mqpeek_msg *msgs;
	size_t msgs_len;
};

static void reader_close(struct reader *r)
{
	if (r->arena && r->arena != MAP_FAILED)
		munmap(r->arena, r->arena_len);
	if (r->fill && (void *)r->fill != MAP_FAILED)
		munmap(r->fill, r->fill_len);
	if (r->msgs && (void *)r->msgs != MAP_FAILED)
		munmap(r->msgs, r->msgs_len);
	bpf_link__destroy(r->link);
	mqpeek__destroy(r->skel);
	memset(r, 0, sizeof(*r));
}

static size_t page_round(size_t n)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	return (n + page - 1) / page * page;
}

static int map_region(struct bpf_map *map, size_t len, void **out, struct failure *f)
{
	void *p = mmap(NULL, page_round(len), PROT_READ | PROT_WRITE, MAP_SHARED, bpf_map__fd(map), 0);
	if (p == MAP_FAILED) {
		int e = errno;
		*out = NULL;
		return fail(f, e, "mapping the %s map failed: %s", bpf_map__name(map), strerror(e));
	}
	*out = p;
	return 0;
}

static int load_failure(struct failure *f, int e, const char *what)
{
	if (e == EPERM || e == EACCES)
		return fail(f, EPERM, "%s was refused: loading the BPF reader needs CAP_BPF and CAP_PERFMON "
			    "(run as root, or: sudo setcap cap_bpf,cap_perfmon+ep on this helper)", what);
	if (access(BTF_PATH, R_OK) != 0)
		return fail(f, ENOENT, "%s failed: the kernel has no BTF (%s is missing; it needs "
			    "CONFIG_DEBUG_INFO_BTF)", what, BTF_PATH);
	return fail(f, e, "%s failed: %s (the kernel may be too old: the reader needs BPF iterators and "
		    "bpf_loop, Linux 5.17 or later)", what, strerror(e));
}

/* Loads the program with room for cap_msgs messages and cap_bytes of message data. */
static int reader_open(struct reader *r, unsigned long long cap_msgs, unsigned long long cap_bytes,
		       struct failure *f)
{
	memset(r, 0, sizeof(*r));
	unsigned long long entries = (cap_bytes + MQPEEK_CHUNK - 1) / MQPEEK_CHUNK + 2;
	if (entries > UINT32_MAX / 2 || cap_msgs > UINT32_MAX / 4)
		return fail(f, E2BIG, "the queue is too large to read (%llu bytes, %llu messages)", cap_bytes,
			    cap_msgs);
	r->cap_msgs = cap_msgs;
	r->cap_entries = (unsigned)entries;
	double t0 = now_ms();
	r->skel = mqpeek__open();
	if (!r->skel)
		return load_failure(f, errno, "opening the BPF object");
	r->skel->rodata->target_tgid = (__u32)getpid();
	r->skel->rodata->page_size = (__u64)sysconf(_SC_PAGESIZE);
	r->skel->rodata->cap_msgs = cap_msgs;
	r->skel->rodata->cap_entries = r->cap_entries;
	int e = bpf_map__set_max_entries(r->skel->maps.arena, r->cap_entries);
	if (!e)
		e = bpf_map__set_max_entries(r->skel->maps.fill, r->cap_entries);
	if (!e)
		e = bpf_map__set_max_entries(r->skel->maps.msgs, (__u32)(2 * cap_msgs));
	if (e)
		return fail(f, -e, "sizing the BPF maps failed: %s", strerror(-e));
	if (verbose)
		bpf_program__set_log_level(r->skel->progs.mqpeek_iter, 4); /* the verifier's statistics */
	stage("open", t0);
	t0 = now_ms();
	e = mqpeek__load(r->skel);
	if (e)
		return load_failure(f, -e, "loading the BPF reader");
	stage("load (BTF relocation and verifier)", t0);
	t0 = now_ms();

	union bpf_iter_link_info info;
	memset(&info, 0, sizeof(info));
	info.task.pid = (__u32)getpid();
	LIBBPF_OPTS(bpf_iter_attach_opts, opts, .link_info = &info, .link_info_len = sizeof(info));
	r->link = bpf_program__attach_iter(r->skel->progs.mqpeek_iter, &opts);
	if (!r->link && errno == EINVAL) {
		/* Before 6.1 a task iterator visits every task; the program keeps only ours. */
		r->link = bpf_program__attach_iter(r->skel->progs.mqpeek_iter, NULL);
	}
	if (!r->link)
		return load_failure(f, errno, "attaching the BPF iterator");

	stage("attach", t0);
	r->arena_len = (size_t)r->cap_entries * MQPEEK_ENTRY_SIZE;
	r->fill_len = (size_t)r->cap_entries * sizeof(uint64_t);
	r->msgs_len = (size_t)(2 * cap_msgs) * sizeof(struct mqpeek_msg);
	if (map_region(r->skel->maps.arena, r->arena_len, (void **)&r->arena, f) ||
	    map_region(r->skel->maps.fill, r->fill_len, (void **)&r->fill, f) ||
	    map_region(r->skel->maps.msgs, r->msgs_len, (void **)&r->msgs, f))
		return -1;
	return 0;
}

static int run_pass(struct reader *r, int fd, unsigned pass, unsigned mode, unsigned long long copy_index,
		    struct failure *f)
{
	double t0 = now_ms();
	r->skel->bss->target_fd = (__u32)fd;
	r->skel->bss->pass_no = pass;
	r->skel->bss->mode = mode;
	r->skel->bss->copy_index = copy_index;
	memset(&r->skel->bss->out[pass], 0, sizeof(r->skel->bss->out[pass]));
	int it = bpf_iter_create(bpf_link__fd(r->link));
	if (it < 0) {
		int e = errno;
		return fail(f, e, "starting the BPF iterator failed: %s", strerror(e));
	}
	char sink[64];
	for (;;) {
		ssize_t n = read(it, sink, sizeof(sink));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;
			close(it);
			return fail(f, e, "running the BPF iterator failed: %s", strerror(e));
		}
		if (n == 0)
			break;
	}
	close(it);
	stage("pass", t0);
	return 0;
}

/* Whether pass a and pass b saw the same queue, with nothing changing from the start of a to the end of b. */
static int passes_agree(const struct reader *r, unsigned a, unsigned b)
{
	const struct mqpeek_pass *x = &r->skel->bss->out[a], *y = &r->skel->bss->out[b];

	if (x->error || y->error || !x->found || !y->found)
		return 0;
	if (x->count != y->count || x->bytes != y->bytes)
		return 0;
	long long c = (long long)x->count;
	if (x->curmsgs_b != c || x->curmsgs_a != c || y->curmsgs_b != c || y->curmsgs_a != c)
		return 0;
	unsigned long long q = x->bytes;
	if (x->qsize_b != q || x->qsize_a != q || y->qsize_b != q || y->qsize_a != q)
		return 0;
	if (x->ctime_sec_b != y->ctime_sec_a || x->ctime_nsec_b != y->ctime_nsec_a ||
	    x->ctime_sec_a != x->ctime_sec_b || x->ctime_nsec_a != x->ctime_nsec_b ||
	    y->ctime_sec_b != y->ctime_sec_a || y->ctime_nsec_b != y->ctime_nsec_a)
		return 0;
	if (x->notify_pid != y->notify_pid || x->notify_kind != y->notify_kind || x->notify_signo != y->notify_signo)
		return 0;
	for (int d = 0; d < 2; d++) {
		if (x->nwait[d] != y->nwait[d])
			return 0;
		unsigned n = x->nwait[d] < MQPEEK_MAX_WAITERS ? x->nwait[d] : MQPEEK_MAX_WAITERS;
		if (memcmp(r->skel->bss->waiters[a][d], r->skel->bss->waiters[b][d], n * sizeof(struct mqpeek_waiter)))
			return 0;
	}
	return memcmp(r->msgs + a * r->cap_msgs, r->msgs + b * r->cap_msgs, x->count * sizeof(struct mqpeek_msg)) == 0;
}

/* ------------------------------------------------------------------------------------------------ replies -- */

/* Sends the bytes of `size` from the arena stream at (entry, off), advancing it. */
static int put_stream(const struct reader *r, unsigned *entry, unsigned *off, unsigned entries,
		      unsigned long long size)
{
	while (size > 0) {
		if (*entry >= entries)
			return -1;
		uint64_t fill = r->fill[*entry];
		if (fill > MQPEEK_ENTRY_SIZE)
			return -1;
		if (*off >= fill) {
			(*entry)++;
			*off = 0;
			continue;
		}
		unsigned long long n = fill - *off;
		if (n > size)
			n = size;
		put_bytes(r->arena + (size_t)*entry * MQPEEK_ENTRY_SIZE + *off, (size_t)n);
		*off += (unsigned)n;
		size -= n;
	}
	return 0;
}

static void put_waiters(const struct reader *r, unsigned pass, unsigned dir)
{
	unsigned n = r->skel->bss->out[pass].nwait[dir];
	unsigned shown = n < MQPEEK_MAX_WAITERS ? n : MQPEEK_MAX_WAITERS;

	put_u32(n);
	put_u32(shown);
	for (unsigned i = 0; i < shown; i++) {
		const struct mqpeek_waiter *w = &r->skel->bss->waiters[pass][dir][i];
		put_u32(w->tgid);
		put_u32(w->tid);
		put_u32(w->has_msg ? w->msg_prio : 0);
		put_u8(w->has_msg ? 1 : 0);
		put_u64(w->has_msg ? w->msg_size : 0);
	}
}

static int reply_snapshot(const struct request *rq, const struct queue *q, const struct reader *r, unsigned pass,
			  unsigned passes)
{
	const struct mqpeek_pass *o = &r->skel->bss->out[pass];
	const struct mqpeek_msg *m = r->msgs + pass * r->cap_msgs;

	reply_head(MQPK_STATUS_OK);
	put_u32(passes);
	put_u64((uint64_t)q->attr.mq_maxmsg);
	put_u64((uint64_t)q->attr.mq_msgsize);
	put_u64(o->count);
	put_u64(o->bytes);
	put_u32(o->notify_pid);
	put_u32((uint32_t)o->notify_kind);
	put_u32((uint32_t)o->notify_signo);
	put_waiters(r, pass, 0);
	put_waiters(r, pass, 1);
	unsigned long long first = rq->op == MQPK_OP_PEEK ? rq->index : 0;
	unsigned long long n = rq->op == MQPK_OP_PEEK ? (rq->index < o->count ? 1 : 0) : o->count;
	put_u64(first);
	put_u64(n);
	unsigned entry = 0, off = 0;
	for (unsigned long long i = 0; i < n; i++) {
		const struct mqpeek_msg *msg = &m[first + i];
		put_u32(msg->prio);
		put_u64(msg->size);
		if (put_stream(r, &entry, &off, o->entries_used, msg->size) != 0) {
			/* Cannot happen when the passes agreed. The frame is broken now: no end marker, and stop. */
			fprintf(stderr, "mqpeek: EPROTO: the arena holds fewer bytes than the messages read into it\n");
			put_failed = 1;
			return 0;
		}
	}
	put_bytes(MQPK_END_MAGIC, 4);
	return 0;
}

static void reply_unsettled(unsigned passes)
{
	reply_head(MQPK_STATUS_UNSETTLED);
	put_u32(passes);
	put_bytes(MQPK_END_MAGIC, 4);
}

/* --------------------------------------------------------------------------------------------- one request -- */

/* Room for the bytes of every message there is now, but at first not more than ARENA_GUESS_MAX: a queue with a
 * large msgsize usually holds far shorter messages, and a short arena is grown to the size the pass counted. */
#define ARENA_GUESS_MAX (8ull << 20)

static unsigned long long arena_bytes(const struct request *rq, const struct queue *q)
{
	unsigned long long msgsize = (unsigned long long)q->attr.mq_msgsize;
	if (rq->op == MQPK_OP_PEEK)
		return msgsize;
	unsigned long long want = (unsigned long long)q->attr.mq_curmsgs * msgsize;
	return want < ARENA_GUESS_MAX ? want : ARENA_GUESS_MAX;
}

/* The loaded program, kept from request to request while it is large enough: loading it (BTF relocation and the
 * verifier) is most of the cost of a small peek. */
static struct reader loaded;

static int reader_fits(const struct reader *r, unsigned long long cap_msgs, unsigned long long cap_bytes)
{
	return r->skel && r->cap_msgs >= cap_msgs && (unsigned long long)(r->cap_entries - 2) * MQPEEK_CHUNK >= cap_bytes;
}

/* Makes `loaded` large enough, loading it again (larger) when it is not. */
static int reader_ensure(unsigned long long cap_msgs, unsigned long long cap_bytes, struct failure *f)
{
	if (reader_fits(&loaded, cap_msgs, cap_bytes))
		return 0;
	if (loaded.skel) {
		/* Grow by half again at least, so a queue that keeps growing does not reload on every request. */
		if (cap_msgs < loaded.cap_msgs + loaded.cap_msgs / 2)
			cap_msgs = loaded.cap_msgs + loaded.cap_msgs / 2;
		unsigned long long had = (unsigned long long)(loaded.cap_entries - 2) * MQPEEK_CHUNK;
		if (cap_bytes < had + had / 2)
			cap_bytes = had + had / 2;
	}
	reader_close(&loaded);
	if (reader_open(&loaded, cap_msgs, cap_bytes, f) != 0) {
		reader_close(&loaded);
		return -1;
	}
	return 0;
}

/* A sysctl of this IPC namespace as a number, or `otherwise` when it cannot be read. */
static unsigned long long sysctl_value(const char *name, unsigned long long otherwise)
{
	char path[96];
	snprintf(path, sizeof(path), "/proc/sys/fs/mqueue/%s", name);
	FILE *f = fopen(path, "re");
	if (!f)
		return otherwise;
	unsigned long long v;
	int n = fscanf(f, "%llu", &v);
	fclose(f);
	return n == 1 ? v : otherwise;
}

/* The first load is sized for the largest queue this namespace lets an unprivileged process create (msg_max
 * messages; msg_max * msgsize_max bytes, up to ARENA_GUESS_MAX), so one load usually serves every later request:
 * a load (BTF relocation and the verifier) is most of a cold peek. */
static void namespace_capacity(unsigned long long *msgs, unsigned long long *bytes)
{
	unsigned long long msg_max = sysctl_value("msg_max", 10);
	unsigned long long msgsize_max = sysctl_value("msgsize_max", 8192);
	if (msg_max > 65536)
		msg_max = 65536;
	if (msgsize_max > (16ull << 20))
		msgsize_max = 16ull << 20;
	*msgs = msg_max < 16 ? 16 : msg_max;
	*bytes = msg_max * msgsize_max < ARENA_GUESS_MAX ? msg_max * msgsize_max : ARENA_GUESS_MAX;
}

/* 0 when a reply was sent, -1 with f filled when the request failed before any reply byte. */
static int serve(const struct request *rq, struct failure *f)
{
	struct queue q = { .fd = (mqd_t)-1 };
	struct reader *rp = &loaded;
	int rc = -1;

	if (rq->op == MQPK_OP_PROBE) {
		/* Loaded as for a peek, so the first peek after a probe reuses this program. */
		unsigned long long msgs, bytes;
		namespace_capacity(&msgs, &bytes);
		if (reader_ensure(msgs, bytes, f) != 0)
			return -1;
		reply_head(MQPK_STATUS_OK);
		put_bytes(MQPK_END_MAGIC, 4);
		return 0;
	}
	if (open_queue(rq, &q, f) != 0)
		goto out;
	unsigned long long cap_bytes = arena_bytes(rq, &q);
	unsigned mode = rq->op == MQPK_OP_PEEK ? MQPEEK_COPY_ONE : MQPEEK_COPY_ALL;
	if (!loaded.skel) {
		unsigned long long msgs, bytes;
		namespace_capacity(&msgs, &bytes);
		if (reader_ensure(msgs > (unsigned long long)q.attr.mq_maxmsg ? msgs : (unsigned long long)q.attr.mq_maxmsg,
				  bytes > cap_bytes ? bytes : cap_bytes, f) != 0)
			goto out;
	}
	if (reader_ensure((unsigned long long)q.attr.mq_maxmsg, cap_bytes, f) != 0)
		goto out;
	/* Passes alternate between copying the bytes and only hashing them; two consecutive passes that agree make a
	 * snapshot, whose bytes are those of the one of the two that copied (the arena changes only when a pass
	 * copies, so it holds exactly that pass's bytes). */
	unsigned passes = 0, pass = 0, copy_pass = 0;
	int have_prev = 0, copies = 1;
	for (unsigned attempt = 0; attempt <= rq->attempts; attempt++) {
		if (run_pass(rp, q.fd, pass, copies ? mode : MQPEEK_COPY_NONE, rq->index, f) != 0)
			goto out;
		if (copies)
			copy_pass = pass;
		passes++;
		const struct mqpeek_pass *o = &rp->skel->bss->out[pass];
		if (!o->found) {
			fail(f, EPROTO, "the BPF reader did not find the helper's own descriptor of %s", rq->name);
			goto out;
		}
		if (o->error == MQPEEK_NOT_MQUEUE) {
			fail(f, ENOTTY, "%s is not on an mqueue file system", rq->name);
			goto out;
		}
		if (o->arena_short) {
			/* More bytes than the arena holds: size it for what the pass counted, and a quarter more. */
			unsigned long long need = o->bytes + o->bytes / 4 + MQPEEK_CHUNK;
			cap_bytes = need > cap_bytes * 2 ? need : cap_bytes * 2;
			if (reader_ensure((unsigned long long)q.attr.mq_maxmsg, cap_bytes, f) != 0)
				goto out;
			have_prev = 0;
			copies = 1;
			continue;
		}
		if (have_prev && passes_agree(rp, pass ^ 1, pass)) {
			rc = reply_snapshot(rq, &q, rp, copy_pass, passes);
			goto out;
		}
		/* A failed pass cannot be half of an agreeing pair; the next pass copies, so it can be. */
		have_prev = o->error == MQPEEK_OK;
		copies = have_prev ? !copies : 1;
		pass ^= 1;
	}
	reply_unsettled(passes);
	rc = 0;
out:
	if (q.fd != (mqd_t)-1)
		mq_close(q.fd);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc > 2 || (argc == 2 && strcmp(argv[1], "-v") != 0)) {
		fprintf(stderr, "usage: %s [-v] < requests > replies   (the protocol is in PROTOCOL.md)\n", argv[0]);
		return 2;
	}
	verbose = argc == 2;
	libbpf_set_print(libbpf_print);
	static char outbuf[1 << 16];
	if (setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf)) != 0) {
		perror("mqpeek: setvbuf");
		return 2;
	}
	int status = 0;
	for (;;) {
		struct request rq;
		struct failure f = { 0, "" };
		int r = read_request(&rq, &f);
		if (r == 0)
			break;
		if (r < 0) {
			/* The framing is lost: answer once and stop. */
			reply_failure(&f);
			status = 2;
			break;
		}
		if (r == 2 || serve(&rq, &f) != 0) {
			reply_failure(&f);
			status = status ? status : 1;
		}
		if (fflush(stdout) != 0 || put_failed) {
			fprintf(stderr, "mqpeek: EPIPE: the reply could not be written to stdout\n");
			return 2;
		}
	}
	reader_close(&loaded);
	if (verbose) {
		/* CPU time, which a loaded machine does not inflate the way it inflates wall-clock time */
		struct rusage ru;
		if (getrusage(RUSAGE_SELF, &ru) == 0)
			fprintf(stderr, "mqpeek: cpu %.2f ms user, %.2f ms system\n",
				(double)ru.ru_utime.tv_sec * 1e3 + (double)ru.ru_utime.tv_usec / 1e3,
				(double)ru.ru_stime.tv_sec * 1e3 + (double)ru.ru_stime.tv_usec / 1e3);
	}
	if (fflush(stdout) != 0)
		return 2;
	return status;
}
