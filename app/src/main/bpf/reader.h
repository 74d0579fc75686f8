/* Loading mqpeek.bpf.c and running its passes over one queue. */
#ifndef MQPEEK_READER_H
#define MQPEEK_READER_H

#include <stddef.h>
#include <stdint.h>
#include "mqpeek.h"
#include "mqpeek.skel.h"
#include "wire.h"

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

/* The most bytes of message data a first load makes room for; a queue holding more grows the arena once. */
#define ARENA_GUESS_MAX (8ull << 20)

/* The loaded program, kept from request to request while it is large enough. */
extern struct reader loaded;

/* -v: stage timings and libbpf's messages on stderr. */
extern int verbose;
double now_ms(void);
void stage(const char *what, double since);

/* Makes `loaded` hold at least cap_msgs messages and cap_bytes bytes, loading it (again) when it does not. */
int reader_ensure(unsigned long long cap_msgs, unsigned long long cap_bytes, struct failure *f);
void reader_close(struct reader *r);
/* The largest queue this IPC namespace lets an unprivileged process create, capped (see reader.c). */
void namespace_capacity(unsigned long long *msgs, unsigned long long *bytes);
int run_pass(struct reader *r, int fd, unsigned pass, unsigned mode, unsigned long long copy_index, struct failure *f);
int passes_agree(const struct reader *r, unsigned a, unsigned b);

#endif
