/* See opener.h. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>
#include "opener.h"

/* The file at path (extension 2): a queue of another IPC namespace, seen through its mqueue mount. */
static int open_file(const char *path, const char *purpose, int *fd, struct failure *f)
{
	struct statfs sfs;

	/* Checked before the open too: opening a FIFO would block and opening a device can act (a watchdog starts),
	 * so nothing off an mqueue file system is opened at all. The check after the open is the one that counts. */
	if (statfs(path, &sfs) != 0) {
		int e = errno;
		if (e == ENOENT)
			return fail(f, e, "no file %s", path);
		return fail(f, e, "statfs %s failed: %s", path, strerror(e));
	}
	if ((unsigned long)sfs.f_type != MQPK_MQUEUE_MAGIC)
		return fail(f, EINVAL, "%s is not a message queue: its file system is not mqueue (type 0x%lx)", path,
			    (unsigned long)sfs.f_type);
	/* O_NONBLOCK: a FIFO swapped in after the check must not block the helper; a queue ignores it here. */
	*fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (*fd < 0) {
		int e = errno;
		if (e == EACCES)
			return fail(f, e, "you lack read permission on %s; %s needs what mq_receive needs", path, purpose);
		if (e == ENOENT)
			return fail(f, e, "no file %s", path);
		return fail(f, e, "open %s O_RDONLY failed: %s", path, strerror(e));
	}
	if (fstatfs(*fd, &sfs) != 0) {
		int e = errno;
		return fail(f, e, "fstatfs on %s failed: %s", path, strerror(e));
	}
	if ((unsigned long)sfs.f_type != MQPK_MQUEUE_MAGIC)
		return fail(f, EINVAL, "%s is not a message queue: its file system is not mqueue (type 0x%lx)", path,
			    (unsigned long)sfs.f_type);
	return 0;
}

static int open_name(const char *name, const char *purpose, int *fd, struct failure *f)
{
	mqd_t q = mq_open(name, O_RDONLY | O_CLOEXEC);
	if (q == (mqd_t)-1) {
		int e = errno;
		if (e == EACCES)
			return fail(f, e, "you lack read permission on %s; %s needs what mq_receive needs", name, purpose);
		if (e == ENOENT)
			return fail(f, e, "no queue named %s", name);
		return fail(f, e, "mq_open %s O_RDONLY failed: %s", name, strerror(e));
	}
	*fd = (int)q; /* a queue descriptor is a file descriptor on Linux */
	return 0;
}

int open_queue_fd(const char *name, int by_path, unsigned long long expect_dev, unsigned long long expect_ino,
		  const char *purpose, int *fd, struct stat *st, struct failure *f)
{
	*fd = -1;
	int rc = by_path ? open_file(name, purpose, fd, f) : open_name(name, purpose, fd, f);
	if (rc == 0 && fstat(*fd, st) != 0) {
		int e = errno;
		rc = fail(f, e, "fstat on %s failed: %s", name, strerror(e));
	}
	if (rc == 0 && !S_ISREG(st->st_mode))
		rc = fail(f, EINVAL, "%s is not a message queue: the mqueue file system's directory", name);
	if (rc == 0 && ((expect_ino && expect_ino != (unsigned long long)st->st_ino) ||
			(expect_dev && expect_dev != (unsigned long long)st->st_dev)))
		rc = fail(f, ESTALE, "%s is now another queue than the one you hold open (unlinked or replaced)", name);
	if (rc != 0 && *fd >= 0) {
		close(*fd);
		*fd = -1;
	}
	return rc;
}
