/*
 * The loops the recording's cost is measured with (org.mqscope.bench.RecordCostFigures): the same loop is timed
 * while a queue is recorded and while it is not, and the difference is the recorder's cost.
 *
 *   mqrecordcost pair NAME ITERATIONS   mq_send + mq_receive of 64 bytes on an existing queue (O_RDWR)
 *   mqrecordcost getpid ITERATIONS      syscall(SYS_getpid): an unrelated system call, which the recorder's
 *                                       tracepoints see too
 *   mqrecordcost paced NAME RATE SECONDS  mq_send + mq_receive of 64 bytes at RATE calls per second (two calls per
 *                                       pair) for SECONDS, in 1 ms slices; prints "events=<calls made> ns=<elapsed>"
 *                                       (the rate reached is events / elapsed: below RATE when the CPU was short)
 *
 * Prints "ns=<median ns per pair or call>" of five timed runs after an untimed warm-up; failures go to stderr,
 * exit status 1. Times are the process's CPU time (CLOCK_PROCESS_CPUTIME_ID), which includes what the BPF
 * programs run in its system calls but not the time it waits for a CPU on a machine shared with other work.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define REPEATS 5
#define MSGSIZE 64

static double now_ns(void)
{
	struct timespec t;
	if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t) != 0) {
		perror("mqrecordcost: clock_gettime");
		exit(1);
	}
	return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double pair_loop(mqd_t q, long n)
{
	char buf[MSGSIZE] = "recording cost";
	unsigned prio;
	double t0 = now_ns();
	for (long i = 0; i < n; i++) {
		if (mq_send(q, buf, MSGSIZE, 1) != 0 || mq_receive(q, buf, MSGSIZE, &prio) != MSGSIZE) {
			fprintf(stderr, "mqrecordcost: pair: %s\n", strerror(errno));
			exit(1);
		}
	}
	return (now_ns() - t0) / (double)n;
}

static double getpid_loop(long n)
{
	double t0 = now_ns();
	for (long i = 0; i < n; i++) {
		if (syscall(SYS_getpid) <= 0) {
			fprintf(stderr, "mqrecordcost: getpid failed\n");
			exit(1);
		}
	}
	return (now_ns() - t0) / (double)n;
}

static uint64_t mono_ns(void)
{
	struct timespec t;
	if (clock_gettime(CLOCK_MONOTONIC, &t) != 0) {
		perror("mqrecordcost: clock_gettime");
		exit(1);
	}
	return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

/* Pairs at `rate` calls per second: each 1 ms slice makes its share, then sleeps to the next slice's start. */
static int paced(mqd_t q, long rate, long seconds)
{
	char buf[MSGSIZE] = "recording rate";
	unsigned prio;
	uint64_t start = mono_ns(), end = start + (uint64_t)seconds * 1000000000ull;
	long made = 0;
	for (uint64_t slice = 1; mono_ns() < end; slice++) {
		long due = (long)((double)rate * (double)(slice * 1000000ull) / 1e9);
		while (made + 2 <= due) {
			if (mq_send(q, buf, MSGSIZE, 1) != 0 || mq_receive(q, buf, MSGSIZE, &prio) != MSGSIZE) {
				fprintf(stderr, "mqrecordcost: paced: %s\n", strerror(errno));
				return 1;
			}
			made += 2;
		}
		uint64_t next = start + slice * 1000000ull;
		struct timespec ts = { (time_t)(next / 1000000000ull), (long)(next % 1000000000ull) };
		int r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
		if (r != 0 && r != EINTR) {
			fprintf(stderr, "mqrecordcost: clock_nanosleep: %s\n", strerror(r));
			return 1;
		}
	}
	printf("events=%ld ns=%llu\n", made, (unsigned long long)(mono_ns() - start));
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 5 && strcmp(argv[1], "paced") == 0) {
		long rate = atol(argv[3]), seconds = atol(argv[4]);
		mqd_t q = mq_open(argv[2], O_RDWR);
		if (rate <= 0 || seconds <= 0 || q == (mqd_t)-1) {
			fprintf(stderr, "mqrecordcost: paced NAME RATE SECONDS: %s\n", q == (mqd_t)-1 ? strerror(errno)
				: "RATE and SECONDS must be positive");
			return 2;
		}
		return paced(q, rate, seconds);
	}
	int pair = argc == 4 && strcmp(argv[1], "pair") == 0;
	if (!pair && !(argc == 3 && strcmp(argv[1], "getpid") == 0)) {
		fprintf(stderr, "usage: mqrecordcost pair NAME ITERATIONS | getpid ITERATIONS | paced NAME RATE SECONDS\n");
		return 2;
	}
	long n = atol(argv[argc - 1]);
	if (n <= 0) {
		fprintf(stderr, "mqrecordcost: ITERATIONS must be positive\n");
		return 2;
	}
	mqd_t q = (mqd_t)-1;
	if (pair && (q = mq_open(argv[2], O_RDWR)) == (mqd_t)-1) {
		fprintf(stderr, "mqrecordcost: mq_open %s: %s\n", argv[2], strerror(errno));
		return 1;
	}
	double runs[REPEATS];
	if (pair)
		pair_loop(q, n / 10 + 1);
	else
		getpid_loop(n / 10 + 1);
	for (int r = 0; r < REPEATS; r++)
		runs[r] = pair ? pair_loop(q, n) : getpid_loop(n);
	qsort(runs, REPEATS, sizeof(runs[0]), by_value);
	printf("ns=%.1f\n", runs[REPEATS / 2]);
	return 0;
}
