/* mqpeek's side of the wire protocol (PROTOCOL.md): every request is checked field by field before anything is
 * done with it, and every reply is written big-endian, framed by its magic and end marker. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "wire.h"

int fail(struct failure *f, int errnum, const char *fmt, ...)
{
	va_list ap;

	f->errnum = errnum;
	va_start(ap, fmt);
	vsnprintf(f->text, sizeof(f->text), fmt, ap);
	va_end(ap);
	return -1;
}

const char *errno_name(int errnum)
{
	const char *n = strerrorname_np(errnum);
	return n ? n : "EUNKNOWN";
}

/* ------------------------------------------------------------------------------------------------- output -- */

int put_failed;

void put_bytes(const void *p, size_t n)
{
	if (n && fwrite(p, 1, n, stdout) != n)
		put_failed = 1;
}

void put_u8(unsigned v)
{
	unsigned char b = (unsigned char)v;
	put_bytes(&b, 1);
}

void put_u16(unsigned v)
{
	unsigned char b[2] = { (unsigned char)(v >> 8), (unsigned char)v };
	put_bytes(b, 2);
}

void put_u32(uint32_t v)
{
	unsigned char b[4] = { (unsigned char)(v >> 24), (unsigned char)(v >> 16), (unsigned char)(v >> 8),
			       (unsigned char)v };
	put_bytes(b, 4);
}

void put_u64(uint64_t v)
{
	put_u32((uint32_t)(v >> 32));
	put_u32((uint32_t)v);
}

void reply_head(unsigned status)
{
	put_bytes(MQPK_REPLY_MAGIC, 4);
	put_u16(MQPK_VERSION);
	put_u16(status);
}

void reply_failure(const struct failure *f)
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

void reply_unsettled(unsigned passes)
{
	reply_head(MQPK_STATUS_UNSETTLED);
	put_u32(passes);
	put_bytes(MQPK_END_MAGIC, 4);
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

/* Reads and drops n bytes: 1 when done, -1 on a short or failed read. */
static int skip_exact(size_t n)
{
	char buf[4096];

	while (n > 0) {
		size_t k = n < sizeof(buf) ? n : sizeof(buf);
		if (read_exact(buf, k) != 1)
			return -1;
		n -= k;
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

/* Whether name (name_len bytes, NUL-terminated after them) has the shape of a queue name or, by_path, of an
 * absolute path: 0, or -1 with an EINVAL failure naming what is wrong. Checked as mq_open(3) or open(2) would, but
 * with a sentence that names the field. */
static int check_shape(const char *name, unsigned name_len, int by_path, struct failure *f)
{
	if (by_path) {
		/* Opened with open(2) later; here only its shape: absolute, no NUL, not empty past the slash. */
		if (name_len < 2 || name[0] != '/')
			return fail(f, EINVAL, "path \"%.*s\" must be absolute (start with a slash) and name a queue's file",
				    (int)(name_len > 200 ? 200 : name_len), name);
		if (memchr(name, '\0', name_len) != NULL)
			return fail(f, EINVAL, "path must not contain a NUL byte");
		return 0;
	}
	if (name_len < 2 || name[0] != '/')
		return fail(f, EINVAL, "name \"%.*s\" must be a slash followed by 1 to %d characters", (int)name_len, name,
			    MQPK_NAME_MAX);
	if (memchr(name, '\0', name_len) != NULL || strchr(name + 1, '/') != NULL)
		return fail(f, EINVAL, "name must not contain a NUL byte or a second slash");
	return 0;
}

void request_release(struct request *rq)
{
	for (unsigned i = 0; rq->targets && i < rq->ntargets; i++)
		free(rq->targets[i].name);
	free(rq->targets);
	rq->targets = NULL;
	rq->ntargets = 0;
}

/* The rest of a record request (op 5) after its header: payload, duration and the targets. 1, 2 (well framed, but
 * a target is unusable: every byte of the request has been read) or -1 (not a request), as read_request. */
static int read_record(struct request *rq, struct failure *f)
{
	unsigned char x[MQPK_RECORD_EXT];
	if (read_exact(x, sizeof(x)) != 1)
		return fail(f, EPROTO, "the record request ended before its %d bytes of payload, duration and count",
			    MQPK_RECORD_EXT);
	rq->payload = (unsigned)get_be(x, 4);
	rq->duration_ms = (unsigned)get_be(x + 4, 4);
	unsigned count = (unsigned)get_be(x + 8, 2);
	if (rq->payload > MQPK_PAYLOAD_MAX)
		return fail(f, EPROTO, "payload %u is over the limit of %d bytes", rq->payload, MQPK_PAYLOAD_MAX);
	if (rq->payload == 0)
		rq->payload = MQPK_PAYLOAD_DEFAULT;
	if (count == 0 || count > MQPK_TARGETS_MAX)
		return fail(f, EPROTO, "count %u: a recording takes 1 to %d queues", count, MQPK_TARGETS_MAX);
	rq->targets = calloc(count, sizeof(*rq->targets));
	if (!rq->targets)
		return fail(f, ENOMEM, "no memory for %u targets", count);
	rq->ntargets = count;
	int bad = 0; /* the first unusable target's failure is kept in f; the others are still read */
	for (unsigned i = 0; i < count; i++) {
		unsigned char h[MQPK_TARGET_HEAD];
		if (read_exact(h, sizeof(h)) != 1)
			return fail(f, EPROTO, "the record request ended inside target %u", i);
		unsigned flags = (unsigned)get_be(h, 2);
		struct record_target *t = &rq->targets[i];
		t->by_path = (flags & MQPK_TARGET_BY_PATH) != 0;
		t->expect_dev = get_be(h + 2, 8);
		t->expect_ino = get_be(h + 10, 8);
		unsigned len = (unsigned)get_be(h + 18, 2);
		if (flags & ~(unsigned)MQPK_TARGET_BY_PATH)
			return fail(f, EPROTO, "target %u: flags 0x%x are not known (1: a path)", i, flags);
		unsigned limit = t->by_path ? MQPK_PATH_MAX : MQPK_NAME_MAX + 1;
		if (len > limit) {
			/* Still well framed (len is what follows): skip it, read the rest, answer this request only. */
			if (skip_exact(len) != 1)
				return fail(f, EPROTO, "the record request ended inside target %u", i);
			if (!bad++)
				fail(f, ENAMETOOLONG, "target %u: %s is %u bytes, over the limit of %u", i,
				     t->by_path ? "path" : "name", len, limit);
			continue;
		}
		t->name = malloc(len + 1);
		if (!t->name)
			return fail(f, ENOMEM, "no memory for target %u", i);
		if (read_exact(t->name, len) != 1)
			return fail(f, EPROTO, "the record request ended inside target %u", i);
		t->name[len] = '\0';
		struct failure shape;
		if (check_shape(t->name, len, t->by_path, &shape) != 0 && !bad++)
			fail(f, shape.errnum, "target %u: %s", i, shape.text);
	}
	return bad ? 2 : 1;
}

int read_request(struct request *rq, struct failure *f)
{
	unsigned char h[MQPK_REQUEST_HEAD];
	int r = read_exact(h, sizeof(h));

	rq->ntargets = 0;
	rq->targets = NULL;
	rq->payload = 0;
	rq->duration_ms = 0;
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
	rq->by_path = (rq->op & MQPK_OP_BY_PATH) != 0;
	rq->op &= ~(unsigned)MQPK_OP_BY_PATH;
	rq->index = get_be(h + 8, 8);
	rq->expect_dev = get_be(h + 16, 8);
	rq->expect_ino = get_be(h + 24, 8);
	rq->attempts = (unsigned)get_be(h + 32, 2);
	unsigned name_len = (unsigned)get_be(h + 34, 2);
	if (rq->op == MQPK_OP_RECORD_ONE)
		return fail(f, EPROTO, "op 4 (recording one queue, extension 1) is replaced by op 5 (extension 3)");
	if (rq->by_path && rq->op != MQPK_OP_SNAPSHOT && rq->op != MQPK_OP_PEEK)
		return fail(f, EPROTO, "op %u: only a snapshot (1) or a peek (2) can name its queue by path",
			    rq->op | MQPK_OP_BY_PATH);
	if (!rq->by_path && name_len > MQPK_NAME_MAX + 1)
		return fail(f, EPROTO, "name_len %u is over the limit of %d bytes", name_len, MQPK_NAME_MAX + 1);
	if (rq->by_path && name_len > MQPK_PATH_MAX) {
		/* Still well framed (name_len is what follows): skip the path and answer this request only. */
		if (skip_exact(name_len) != 1)
			return fail(f, EPROTO, "the request ended before its %u-byte path", name_len);
		fail(f, ENAMETOOLONG, "path is %u bytes, over the limit of %d", name_len, MQPK_PATH_MAX);
		return 2;
	}
	if (read_exact(rq->name, name_len) != 1)
		return fail(f, EPROTO, "the request ended before its %u-byte name", name_len);
	rq->name[name_len] = '\0';
	if (rq->op != MQPK_OP_SNAPSHOT && rq->op != MQPK_OP_PEEK && rq->op != MQPK_OP_PROBE && rq->op != MQPK_OP_RECORD)
		return fail(f, EPROTO, "op %u is not a known operation (1 snapshot, 2 peek, 3 probe, 5 record)", rq->op);
	if (rq->attempts > MQPK_MAX_ATTEMPTS)
		return fail(f, EPROTO, "attempts %u is over the limit of %d", rq->attempts, MQPK_MAX_ATTEMPTS);
	if (rq->attempts == 0)
		rq->attempts = MQPK_DEFAULT_ATTEMPTS;
	if (rq->op != MQPK_OP_PEEK && rq->index != 0)
		return fail(f, EPROTO, "index must be 0 unless op is 2 (peek)");
	if (rq->op == MQPK_OP_RECORD) {
		/* its queues follow as targets; the header names none */
		if (name_len != 0 || rq->expect_dev || rq->expect_ino)
			return fail(f, EPROTO, "a record request names its queues as targets (name_len, expect_dev and "
					       "expect_ino must be 0)");
		return read_record(rq, f);
	}
	if (rq->op == MQPK_OP_PROBE)
		return name_len == 0 ? 1 : fail(f, EPROTO, "a probe has no name (name_len must be 0)");
	/* Well framed but unusable: answered with an error, and the next request is read. */
	return check_shape(rq->name, name_len, rq->by_path, f) == 0 ? 1 : 2;
}
