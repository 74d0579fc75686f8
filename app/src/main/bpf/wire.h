/* mqpeek's side of the wire protocol (PROTOCOL.md): reading requests from stdin, writing replies to stdout. */
#ifndef MQPEEK_WIRE_H
#define MQPEEK_WIRE_H

#include <stdint.h>
#include <stddef.h>
#include "mqpeek_proto.h"

/* One queue of a record request. */
struct record_target {
	int by_path;
	unsigned long long expect_dev;
	unsigned long long expect_ino;
	char *name; /* allocated, NUL-terminated */
};

struct request {
	unsigned op;          /* without MQPK_OP_BY_PATH */
	int by_path;          /* name is the path of the queue's file (extension 2), not an mq_open name */
	unsigned long long index;
	unsigned long long expect_dev;
	unsigned long long expect_ino;
	unsigned attempts;
	char name[MQPK_PATH_MAX + 1];
	/* op 5 (record) only: from the bytes after the header */
	unsigned payload;     /* payload bytes kept per event, 1..MQPK_PAYLOAD_MAX (0 in the request: 256) */
	unsigned duration_ms; /* 0: until stdin ends or a stop byte comes */
	unsigned ntargets;    /* 1..MQPK_TARGETS_MAX */
	struct record_target *targets; /* allocated; request_release frees it */
};

/* Why a request failed: an errno and a sentence, sent as an error reply. */
struct failure {
	int errnum;
	char text[512];
};

/* Fills f and returns -1. */
int fail(struct failure *f, int errnum, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
const char *errno_name(int errnum);

/* Set when a write to stdout failed: the helper stops after the current reply. */
extern int put_failed;

void put_bytes(const void *p, size_t n);
void put_u8(unsigned v);
void put_u16(unsigned v);
void put_u32(uint32_t v);
void put_u64(uint64_t v);
void reply_head(unsigned status);
void reply_failure(const struct failure *f);
void reply_unsettled(unsigned passes);

/* 1 with a request, 0 at the end of input, 2 (with f filled) for a well-framed request with a bad name, -1 (with f
 * filled) when the input is not a request at all. */
int read_request(struct request *rq, struct failure *f);
/* Frees what read_request allocated (a record request's targets); rq may be released twice. */
void request_release(struct request *rq);

#endif
