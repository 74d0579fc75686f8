/* mqpeek: reads a POSIX message queue in place, without receiving from it, and answers on stdout.
 *
 * Requests come on stdin and replies go to stdout in the framed binary protocol of PROTOCOL.md; the helper
 * answers requests until stdin ends. For each one it opens the named queue itself (or, for another IPC namespace's
 * queue, its file on that namespace's mqueue mount), O_RDONLY, with the caller's credentials, so the kernel's own permission check decides (EACCES: no reply data). Then it loads mqpeek.bpf.c,
 * which finds that descriptor among the helper's own files and reads the queue without its lock, and runs it until
 * two consecutive passes agree on everything (see "Consistency" in PROTOCOL.md), a bounded number of times.
 *
 * Needs CAP_BPF and CAP_PERFMON (or root) and a kernel with BTF. Nothing read from stdin or from the kernel is
 * trusted: every length is checked before use, and every failure leaves as an errno name and a sentence. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <bpf/libbpf.h>
#include "opener.h"
#include "reader.h"
#include "record.h"
#include "wire.h"

static int libbpf_print(enum libbpf_print_level level, const char *fmt, va_list args)
{
	if (level == LIBBPF_DEBUG && !verbose)
		return 0;
	if (level == LIBBPF_INFO && !verbose)
		return 0;
	return vfprintf(stderr, fmt, args);
}

/* ----------------------------------------------------------------------------------------------- the queue -- */

struct queue {
	mqd_t fd;
	struct mq_attr attr;
	struct stat st;
};

static int open_queue(const struct request *rq, struct queue *q, struct failure *f)
{
	int fd;
	if (open_queue_fd(rq->name, rq->by_path, rq->expect_dev, rq->expect_ino, "peek", &fd, &q->st, f) != 0)
		return -1;
	q->fd = (mqd_t)fd;
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

/* Room for the bytes of every message there is now, but at first not more than ARENA_GUESS_MAX: a queue with a
 * large msgsize usually holds far shorter messages, and a short arena is grown to the size the pass counted. */

static unsigned long long arena_bytes(const struct request *rq, const struct queue *q)
{
	unsigned long long msgsize = (unsigned long long)q->attr.mq_msgsize;
	if (rq->op == MQPK_OP_PEEK)
		return msgsize;
	unsigned long long want = (unsigned long long)q->attr.mq_curmsgs * msgsize;
	return want < ARENA_GUESS_MAX ? want : ARENA_GUESS_MAX;
}

/* --------------------------------------------------------------------------------------------- one request -- */

/* 0 when a reply was sent, -1 with f filled when the request failed before any reply byte. */
static int serve(const struct request *rq, struct failure *f)
{
	struct queue q = { .fd = (mqd_t)-1 };
	struct reader *rp = &loaded;
	int rc = -1;

	if (rq->op == MQPK_OP_RECORD)
		return record_queues(rq, f);
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
			request_release(&rq);
			reply_failure(&f);
			status = 2;
			break;
		}
		if (r == 2 || serve(&rq, &f) != 0) {
			reply_failure(&f);
			status = status ? status : 1;
		}
		request_release(&rq);
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
