/*
 * The physical limit the Java adapter is measured against: the same loops as the JMH benchmarks, in C, on the
 * same machine, same message size and queue attributes. Built and run by org.mqscope.bench.CBaselines.
 *
 *   mqbench pair      MSGSIZE ITERATIONS            one thread: mq_send + mq_receive on one queue of depth 10
 *   mqbench pingpong  MSGSIZE ITERATIONS            two threads, two queues: send on one, the echo comes back
 *   mqbench drain     MSGSIZE DEPTH ROUNDS [LABEL]  receive every message of a full queue, send them all back
 *                                                   (LABEL: the queue's time, as kernel_c_drain_restore_LABEL_ms)
 *   mqbench call      ITERATIONS                    close(-1): a system call that fails at once (EBADF); and
 *                                                   mq_send(-1, buf, 64, 0): the same with mq_send's four arguments
 *
 * Each figure is the median of several timed runs after an untimed warm-up.
 *
 * Prints "key=value" lines (ns per pair, per round trip, per message); failures go to stderr, exit status 1.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define WARMUP_SHARE 10 /* a tenth of the iterations first, untimed */
#define REPEATS 5       /* the median of five timed runs, as JMH averages warmed-up iterations */

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

static void die(const char *what) {
    fprintf(stderr, "mqbench: %s: %s\n", what, strerror(errno));
    exit(1);
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n) {
    qsort(v, n, sizeof *v, by_value);
    return v[n / 2];
}

static mqd_t open_queue(const char *tag, long maxmsg, long msgsize) {
    char name[64];
    snprintf(name, sizeof name, "/mqbench-c-%s-%d", tag, (int) getpid());
    struct mq_attr attr = {.mq_maxmsg = maxmsg, .mq_msgsize = msgsize};
    mqd_t q = mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, &attr);
    if (q == (mqd_t) -1) {
        die("mq_open");
    }
    mq_unlink(name); /* gone with the process, whatever happens */
    return q;
}

static double pair_loop(mqd_t q, char *buf, long msgsize, long n) {
    unsigned prio;
    double t0 = now_ns();
    for (long i = 0; i < n; i++) {
        if (mq_send(q, buf, msgsize, 0) != 0) die("mq_send");
        if (mq_receive(q, buf, msgsize, &prio) < 0) die("mq_receive");
    }
    return (now_ns() - t0) / n;
}

static int pair(long msgsize, long n) {
    mqd_t q = open_queue("pair", 10, msgsize);
    char *buf = calloc(1, msgsize);
    pair_loop(q, buf, msgsize, n / WARMUP_SHARE + 1);
    double runs[REPEATS];
    for (int r = 0; r < REPEATS; r++) {
        runs[r] = pair_loop(q, buf, msgsize, n);
    }
    printf("kernel_c_pair_ns=%.1f\n", median(runs, REPEATS));
    return 0;
}

struct echo {
    mqd_t in, out;
    long msgsize, n;
};

static void *echo_loop(void *arg) {
    struct echo *e = arg;
    char *buf = calloc(1, e->msgsize);
    unsigned prio;
    for (long i = 0; i < e->n; i++) {
        if (mq_receive(e->in, buf, e->msgsize, &prio) < 0) die("mq_receive (echo)");
        if (mq_send(e->out, buf, e->msgsize, 0) != 0) die("mq_send (echo)");
    }
    free(buf);
    return NULL;
}

static double pingpong_run(mqd_t ping, mqd_t pong, char *buf, long msgsize, long n) {
    struct echo e = {.in = ping, .out = pong, .msgsize = msgsize, .n = n};
    pthread_t t;
    if (pthread_create(&t, NULL, echo_loop, &e) != 0) die("pthread_create");
    unsigned prio;
    double t0 = now_ns();
    for (long i = 0; i < n; i++) {
        if (mq_send(ping, buf, msgsize, 0) != 0) die("mq_send");
        if (mq_receive(pong, buf, msgsize, &prio) < 0) die("mq_receive");
    }
    double ns = (now_ns() - t0) / n;
    pthread_join(t, NULL);
    return ns;
}

static int pingpong(long msgsize, long n) {
    mqd_t ping = open_queue("ping", 10, msgsize);
    mqd_t pong = open_queue("pong", 10, msgsize);
    char *buf = calloc(1, msgsize);
    pingpong_run(ping, pong, buf, msgsize, n / WARMUP_SHARE + 1);
    double runs[REPEATS];
    for (int r = 0; r < REPEATS; r++) {
        runs[r] = pingpong_run(ping, pong, buf, msgsize, n);
    }
    printf("kernel_c_pingpong_ns=%.1f\n", median(runs, REPEATS));
    return 0;
}

/* As the adapter's drain-and-restore: receive everything into one buffer per message, then send all back. */
static double drain_round(mqd_t q, char *bufs, long *lens, unsigned *prios, long msgsize, long depth) {
    double t0 = now_ns();
    for (long i = 0; i < depth; i++) {
        lens[i] = mq_receive(q, bufs + i * msgsize, msgsize, &prios[i]);
        if (lens[i] < 0) die("mq_receive (drain)");
    }
    for (long i = 0; i < depth; i++) {
        if (mq_send(q, bufs + i * msgsize, lens[i], prios[i]) != 0) die("mq_send (restore)");
    }
    return (now_ns() - t0) / depth;
}

/* label: NULL for the standard figure, else a shape name (e.g. "10x8192") that the figure's key carries. */
static int drain(long msgsize, long depth, long rounds, const char *label) {
    mqd_t q = open_queue("drain", depth, msgsize);
    char *bufs = calloc(depth, msgsize);
    long *lens = calloc(depth, sizeof *lens);
    unsigned *prios = calloc(depth, sizeof *prios);
    for (long i = 0; i < depth; i++) {
        if (mq_send(q, bufs, msgsize, (unsigned) (i % 4)) != 0) die("mq_send (fill)");
    }
    drain_round(q, bufs, lens, prios, msgsize, depth);
    double *runs = calloc(rounds, sizeof *runs);
    for (long r = 0; r < rounds; r++) {
        runs[r] = drain_round(q, bufs, lens, prios, msgsize, depth);
    }
    if (label == NULL) {
        printf("kernel_c_drain_restore_ns_per_msg=%.1f\n", median(runs, (int) rounds));
        printf("kernel_c_drain_restore_depth=%ld\n", depth);
    } else {
        printf("kernel_c_drain_restore_%s_ms=%.4f\n", label, median(runs, (int) rounds) * depth / 1e6);
    }
    return 0;
}

static double call_loop(long n) {
    int sum = 0;
    double t0 = now_ns();
    for (long i = 0; i < n; i++) {
        sum += close(-1);
    }
    if (sum != -n) die("close(-1)");
    return (now_ns() - t0) / n;
}

/* Four arguments, as the adapter's mq_send and mq_receive pass: JNA's cost per call grows with the argument count. */
static double mq_call_loop(long n) {
    static char buf[64];
    int sum = 0;
    double t0 = now_ns();
    for (long i = 0; i < n; i++) {
        sum += mq_send((mqd_t) -1, buf, sizeof buf, 0);
    }
    if (sum != -n) die("mq_send(-1)");
    return (now_ns() - t0) / n;
}

static int call(long n) {
    call_loop(n / WARMUP_SHARE + 1);
    double runs[REPEATS];
    for (int r = 0; r < REPEATS; r++) {
        runs[r] = call_loop(n);
    }
    printf("c_syscall_ns=%.1f\n", median(runs, REPEATS));
    mq_call_loop(n / WARMUP_SHARE + 1);
    for (int r = 0; r < REPEATS; r++) {
        runs[r] = mq_call_loop(n);
    }
    printf("c_mq_call_ns=%.1f\n", median(runs, REPEATS));
    return 0;
}

int main(int argc, char **argv) {
    if (argc >= 4 && strcmp(argv[1], "pair") == 0) return pair(atol(argv[2]), atol(argv[3]));
    if (argc >= 4 && strcmp(argv[1], "pingpong") == 0) return pingpong(atol(argv[2]), atol(argv[3]));
    if (argc >= 5 && strcmp(argv[1], "drain") == 0)
        return drain(atol(argv[2]), atol(argv[3]), atol(argv[4]), argc >= 6 ? argv[5] : NULL);
    if (argc >= 3 && strcmp(argv[1], "call") == 0) return call(atol(argv[2]));
    fprintf(stderr, "usage: mqbench pair|pingpong MSGSIZE ITERATIONS | drain MSGSIZE DEPTH ROUNDS [LABEL]"
            " | call ITERATIONS\n");
    return 2;
}
