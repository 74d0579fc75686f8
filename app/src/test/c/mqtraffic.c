/* Traffic for the recording tests: real processes calling mq_send/mq_receive as any program would.
 *
 *   mqtraffic send NAME N TAG   sends N messages "TAG seq=<i> pid=<pid>" (padded to 40 bytes) at priority
 *                               PRIOS[i % 4], blocking; prints "<i> <prio>" per message sent
 *   mqtraffic recv NAME N       receives N messages, blocking; prints "<prio> <payload>" per message received
 *   mqtraffic fill NAME N TAG   O_NONBLOCK: sends N messages; prints "<i> ok" or "<i> <errno>" per send
 *   mqtraffic pair NAME N TAG   creates the queue (10 x 64) if needed, then a child receives N messages while the
 *                               parent sends them as "send" does; prints "pair done" (for another IPC namespace)
 *   mqtraffic unlink NAME N     calls mq_unlink N times; prints "ok" or the errno's number per call
 *
 * Exits 0 when every call went as described, 1 with a line on stderr otherwise. */
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define BODY 40
static const unsigned PRIOS[4] = { 0, 7, 3, 31 };

static int die(const char *what)
{
	fprintf(stderr, "mqtraffic: %s: %s\n", what, strerror(errno));
	return 1;
}

int main(int argc, char **argv)
{
	if (argc < 4)
		return fprintf(stderr, "usage: mqtraffic send|recv|fill NAME N [TAG]\n"), 2;
	const char *mode = argv[1], *name = argv[2];
	long n = strtol(argv[3], NULL, 10);
	const char *tag = argc > 4 ? argv[4] : "msg";
	if (strcmp(mode, "pair") == 0) {
		struct mq_attr attr = { .mq_maxmsg = 10, .mq_msgsize = 64 };
		mqd_t c = mq_open(name, O_RDWR | O_CREAT, 0600, &attr);
		if (c == (mqd_t)-1)
			return die("mq_open O_CREAT");
		pid_t child = fork();
		if (child < 0)
			return die("fork");
		if (child == 0) {
			char buf[64];
			for (long i = 0; i < n; i++)
				if (mq_receive(c, buf, sizeof(buf), NULL) < 0)
					_exit(die("mq_receive"));
			_exit(0);
		}
		char body[BODY];
		for (long i = 0; i < n; i++) {
			memset(body, '.', BODY);
			int len = snprintf(body, BODY, "%s seq=%ld", tag, i);
			if (len < 0 || len >= BODY)
				return fprintf(stderr, "mqtraffic: tag too long\n"), 1;
			if (mq_send(c, body, BODY, PRIOS[i % 4]) != 0)
				return die("mq_send");
		}
		int status;
		if (waitpid(child, &status, 0) != child)
			return die("waitpid");
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			return fprintf(stderr, "mqtraffic: the receiving child failed\n"), 1;
		printf("pair done\n");
		return fflush(stdout) == 0 && mq_close(c) == 0 ? 0 : die("close");
	}
	if (strcmp(mode, "unlink") == 0) {
		for (long i = 0; i < n; i++) {
			if (mq_unlink(name) == 0)
				printf("ok\n");
			else
				printf("%d\n", errno);
		}
		return fflush(stdout) == 0 ? 0 : die("stdout");
	}
	int recv = strcmp(mode, "recv") == 0, fill = strcmp(mode, "fill") == 0;
	if (!recv && !fill && strcmp(mode, "send") != 0)
		return fprintf(stderr, "mqtraffic: unknown mode %s\n", mode), 2;
	mqd_t q = mq_open(name, recv ? O_RDONLY : O_WRONLY | (fill ? O_NONBLOCK : 0));
	if (q == (mqd_t)-1)
		return die("mq_open");
	char buf[8192];
	for (long i = 0; i < n; i++) {
		if (recv) {
			unsigned prio;
			ssize_t got = mq_receive(q, buf, sizeof(buf), &prio);
			if (got < 0)
				return die("mq_receive");
			printf("%u %.*s\n", prio, (int)got, buf);
			continue;
		}
		memset(buf, '.', BODY);
		int len = snprintf(buf, BODY, "%s seq=%ld pid=%d", tag, i, (int)getpid());
		if (len < 0 || len >= BODY)
			return fprintf(stderr, "mqtraffic: tag too long\n"), 1;
		buf[len] = '.';
		unsigned prio = PRIOS[i % 4];
		if (mq_send(q, buf, BODY, prio) != 0) {
			if (!fill)
				return die("mq_send");
			printf("%ld %d\n", i, errno);
		} else {
			printf(fill ? "%ld ok\n" : "%ld %u\n", i, prio);
		}
	}
	if (fflush(stdout) != 0)
		return die("stdout");
	if (mq_close(q) != 0)
		return die("mq_close");
	return 0;
}
