/* Opening the queue a request names, as its caller could: shared by the peek (mqpeek.c) and the recorder (record.c). */
#ifndef MQPEEK_OPENER_H
#define MQPEEK_OPENER_H

#include <sys/stat.h>
#include "wire.h"

/* Opens a queue O_RDONLY with the helper's (the caller's) credentials, so the kernel's own permission check decides:
 * by its mq_open name, or with by_path by the path of its file on an mqueue mount (a queue of another IPC
 * namespace, extension 2). Requires a regular file (not the mount's directory) and, when not 0, the expected
 * st_dev/st_ino (ESTALE otherwise). `purpose` ends the EACCES sentence ("peek", "recording"). 0 with *fd and *st
 * set; -1 with f filled and no descriptor left open. */
int open_queue_fd(const char *name, int by_path, unsigned long long expect_dev, unsigned long long expect_ino,
		  const char *purpose, int *fd, struct stat *st, struct failure *f);

#endif
