/* Traffic for the record/replay tests: two processes exchanging sequence-numbered messages that carry their own
 * CLOCK_MONOTONIC time stamps, so a test can compare what a recording says with what the processes saw.
 *
 *   mqstamp send NAME N   sends N messages at priority PRIOS[i % 4], blocking; each holds
 *                         "seq=<i> prio=<p> t=<ns>" padded with '.' to 48 bytes, t read just before mq_send;
 *                         prints "<i> <prio> <t before> <t after>" per message
 *   mqstamp recv NAME N   receives N messages, blocking; prints "<prio> <t after> <payload>" per message
 *   mqstamp fill NAME N   O_NONBLOCK: sends N messages like send; prints "<i> ok" or "<i> <errno name>"
 *
 * Exits 0 when every call went as described, 1 with a line on stderr otherwise. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <mqueue.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BODY 48
static const unsigned PRIOS[4] = { 2, 9, 0, 5 };

static int die(const char *what)
{
	fprintf(stderr, "mqstamp: %s: %s\n", what, strerror(errno));
	return 1;
}

static uint64_t now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

int main(int argc, char **argv)
{
	if (argc != 4)
		return fprintf(stderr, "usage: mqstamp send|recv|fill NAME N\n"), 2;
	const char *mode = argv[1], *name = argv[2];
	char *end;
	long n = strtol(argv[3], &end, 10);
	if (*end != '\0' || n < 0)
		return fprintf(stderr, "mqstamp: N must be a whole number, not %s\n", argv[3]), 2;
	int recv = strcmp(mode, "recv") == 0, fill = strcmp(mode, "fill") == 0;
	if (!recv && !fill && strcmp(mode, "send") != 0)
		return fprintf(stderr, "mqstamp: unknown mode %s\n", mode), 2;
	mqd_t q = mq_open(name, recv ? O_RDONLY : O_WRONLY | (fill ? O_NONBLOCK : 0));
	if (q == (mqd_t)-1)
		return die("mq_open");
	char buf[8192];
	for (long i = 0; i < n; i++) {
		if (recv) {
			unsigned prio;
			ssize_t got = mq_receive(q, buf, sizeof(buf), &prio);
			uint64_t after = now();
			if (got < 0)
				return die("mq_receive");
			printf("%u %" PRIu64 " %.*s\n", prio, after, (int)got, buf);
			continue;
		}
		unsigned prio = PRIOS[i % 4];
		uint64_t before = now();
		memset(buf, '.', BODY);
		int len = snprintf(buf, BODY, "seq=%ld prio=%u t=%" PRIu64, i, prio, before);
		if (len < 0 || len >= BODY)
			return fprintf(stderr, "mqstamp: message too long\n"), 1;
		buf[len] = '.';
		if (mq_send(q, buf, BODY, prio) != 0) {
			if (!fill)
				return die("mq_send");
			printf("%ld %s\n", i, errno == EAGAIN ? "EAGAIN" : strerror(errno));
			continue;
		}
		uint64_t after = now();
		if (fill)
			printf("%ld ok\n", i);
		else
			printf("%ld %u %" PRIu64 " %" PRIu64 "\n", i, prio, before, after);
	}
	if (fflush(stdout) != 0)
		return die("stdout");
	if (mq_close(q) != 0)
		return die("mq_close");
	return 0;
}
