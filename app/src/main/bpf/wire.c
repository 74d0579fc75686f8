/* mqpeek's side of the wire protocol (PROTOCOL.md): every request is checked field by field before anything is
 * done with it, and every reply is written big-endian, framed by its magic and end marker. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
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

int read_request(struct request *rq, struct failure *f)
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
	rq->by_path = (rq->op & MQPK_OP_BY_PATH) != 0;
	rq->op &= ~(unsigned)MQPK_OP_BY_PATH;
	rq->index = get_be(h + 8, 8);
	rq->expect_dev = get_be(h + 16, 8);
	rq->expect_ino = get_be(h + 24, 8);
	rq->attempts = (unsigned)get_be(h + 32, 2);
	unsigned name_len = (unsigned)get_be(h + 34, 2);
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
		return fail(f, EPROTO, "op %u is not a known operation (1 snapshot, 2 peek, 3 probe, 4 record)", rq->op);
	rq->payload = 0;
	rq->duration_ms = 0;
	if (rq->op == MQPK_OP_RECORD) {
		unsigned char x[MQPK_RECORD_EXT];
		if (read_exact(x, sizeof(x)) != 1)
			return fail(f, EPROTO, "the record request ended before its %d bytes of payload and duration",
				    MQPK_RECORD_EXT);
		rq->payload = (unsigned)get_be(x, 4);
		rq->duration_ms = (unsigned)get_be(x + 4, 4);
		if (rq->payload > MQPK_PAYLOAD_MAX)
			return fail(f, EPROTO, "payload %u is over the limit of %d bytes", rq->payload, MQPK_PAYLOAD_MAX);
		if (rq->payload == 0)
			rq->payload = MQPK_PAYLOAD_DEFAULT;
	}
	if (rq->attempts > MQPK_MAX_ATTEMPTS)
		return fail(f, EPROTO, "attempts %u is over the limit of %d", rq->attempts, MQPK_MAX_ATTEMPTS);
	if (rq->attempts == 0)
		rq->attempts = MQPK_DEFAULT_ATTEMPTS;
	if (rq->op != MQPK_OP_PEEK && rq->index != 0)
		return fail(f, EPROTO, "index must be 0 unless op is 2 (peek)");
	if (rq->by_path) {
		/* Opened with open(2) later; here only its shape: absolute, no NUL, not empty past the slash. */
		if (name_len < 2 || rq->name[0] != '/') {
			fail(f, EINVAL, "path \"%.*s\" must be absolute (start with a slash) and name a queue's file",
			     (int)(name_len > 200 ? 200 : name_len), rq->name);
			return 2;
		}
		if (memchr(rq->name, '\0', name_len) != NULL) {
			fail(f, EINVAL, "path must not contain a NUL byte");
			return 2;
		}
		return 1;
	}
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
