/*
 * A process that uses a POSIX message queue for the processes tests and benchmark, then waits to be killed.
 *
 *   mqhold NAME ACCESS ACTION
 *     ACCESS  r, w or rw, with "n" appended for O_NONBLOCK (rn, wn, rwn)
 *     ACTION  hold          open and wait
 *             send SIZE PRIO  mq_send SIZE bytes at PRIO (blocks when the queue is full)
 *             receive       mq_receive (blocks while the queue is empty)
 *             timedreceive  mq_timedreceive with a deadline an hour away
 *             notify        mq_notify(SIGEV_SIGNAL, SIGUSR1), then wait
 *   mqhold PREFIX many COUNT
 *             create PREFIX-0 .. PREFIX-(COUNT-1) (maxmsg 1, msgsize 1, mode 0600), hold them all, wait
 *
 * Prints "READY fd" (the last descriptor opened) once set up; errors leave as "ERROR call errno-name".
 */
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int fail(const char *call) {
    printf("ERROR %s %s\n", call, strerror(errno));
    fflush(stdout);
    return 1;
}

static void ready(mqd_t fd) {
    printf("READY %d\n", (int) fd);
    fflush(stdout);
}

static int many(const char *prefix, long count) {
    struct mq_attr attr = {0};
    attr.mq_maxmsg = 1;
    attr.mq_msgsize = 1;
    mqd_t fd = (mqd_t) -1;
    for (long i = 0; i < count; i++) {
        char name[256];
        snprintf(name, sizeof name, "%s-%ld", prefix, i);
        fd = mq_open(name, O_RDWR | O_CREAT, 0600, &attr);
        if (fd == (mqd_t) -1) {
            return fail("mq_open");
        }
    }
    ready(fd);
    for (;;) {
        pause();
    }
}

int main(int argc, char **argv) {
    if (argc >= 4 && strcmp(argv[2], "many") == 0) {
        return many(argv[1], strtol(argv[3], NULL, 10));
    }
    if (argc < 4) {
        fprintf(stderr, "usage: mqhold NAME ACCESS ACTION [SIZE PRIO]\n");
        return 2;
    }
    const char *access = argv[2];
    int flags = strncmp(access, "rw", 2) == 0 ? O_RDWR : access[0] == 'w' ? O_WRONLY : O_RDONLY;
    if (strchr(access, 'n') != NULL) {
        flags |= O_NONBLOCK;
    }
    mqd_t fd = mq_open(argv[1], flags);
    if (fd == (mqd_t) -1) {
        return fail("mq_open");
    }
    const char *action = argv[3];
    if (strcmp(action, "send") == 0 && argc >= 6) {
        size_t size = (size_t) strtoul(argv[4], NULL, 10);
        unsigned prio = (unsigned) strtoul(argv[5], NULL, 10);
        char *body = calloc(size + 1, 1);
        if (body == NULL) {
            return fail("calloc");
        }
        ready(fd);
        if (mq_send(fd, body, size, prio) != 0) {
            return fail("mq_send");
        }
    } else if (strcmp(action, "receive") == 0 || strcmp(action, "timedreceive") == 0) {
        struct mq_attr attr;
        if (mq_getattr(fd, &attr) != 0) {
            return fail("mq_getattr");
        }
        char *buf = malloc((size_t) attr.mq_msgsize);
        if (buf == NULL) {
            return fail("malloc");
        }
        ready(fd);
        if (action[0] == 't') {
            struct timespec deadline;
            clock_gettime(CLOCK_REALTIME, &deadline);
            deadline.tv_sec += 3600;
            if (mq_timedreceive(fd, buf, (size_t) attr.mq_msgsize, NULL, &deadline) < 0) {
                return fail("mq_timedreceive");
            }
        } else if (mq_receive(fd, buf, (size_t) attr.mq_msgsize, NULL) < 0) {
            return fail("mq_receive");
        }
    } else if (strcmp(action, "notify") == 0) {
        struct sigevent ev = {0};
        ev.sigev_notify = SIGEV_SIGNAL;
        ev.sigev_signo = SIGUSR1;
        signal(SIGUSR1, SIG_IGN);
        if (mq_notify(fd, &ev) != 0) {
            return fail("mq_notify");
        }
        ready(fd);
    } else if (strcmp(action, "hold") == 0) {
        ready(fd);
    } else {
        fprintf(stderr, "unknown action %s\n", action);
        return 2;
    }
    printf("DONE\n");
    fflush(stdout);
    for (;;) {
        pause();
    }
}
