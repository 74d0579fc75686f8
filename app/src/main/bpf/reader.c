/* Loads mqpeek.bpf.c with maps sized for a queue, and runs its passes (see "Consistency" in PROTOCOL.md). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "reader.h"

#define BTF_PATH "/sys/kernel/btf/vmlinux"

int verbose;

/* With -v, how long each stage took goes to stderr (the start-up share of a peek is reported from this). */
double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

void stage(const char *what, double since)
{
	if (verbose)
		fprintf(stderr, "mqpeek: %s %.2f ms\n", what, now_ms() - since);
}

/* ------------------------------------------------------------------------------------------------- the read -- */

void reader_close(struct reader *r)
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

int run_pass(struct reader *r, int fd, unsigned pass, unsigned mode, unsigned long long copy_index,
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
int passes_agree(const struct reader *r, unsigned a, unsigned b)
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

/* The loaded program, kept from request to request while it is large enough: loading it (BTF relocation and the
 * verifier) is most of the cost of a small peek. */
struct reader loaded;

static int reader_fits(const struct reader *r, unsigned long long cap_msgs, unsigned long long cap_bytes)
{
	return r->skel && r->cap_msgs >= cap_msgs && (unsigned long long)(r->cap_entries - 2) * MQPEEK_CHUNK >= cap_bytes;
}

/* Makes `loaded` large enough, loading it again (larger) when it is not. */
int reader_ensure(unsigned long long cap_msgs, unsigned long long cap_bytes, struct failure *f)
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
void namespace_capacity(unsigned long long *msgs, unsigned long long *bytes)
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
