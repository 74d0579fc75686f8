/* What the recording BPF program (mqrecord.bpf.c) and its loader (record.c) share: the keys of the target maps and
 * the event record it streams through its ring buffer. Kernel-independent: plain fixed-width fields only. */
#ifndef MQRECORD_H
#define MQRECORD_H

/* The most payload bytes one event carries; the request's payload limit is at most this. */
#define MQREC_PAYLOAD_MAX 4096
/* The most queues one recording takes (the target maps' size). */
#define MQREC_TARGETS_MAX 64
/* A queue's name as the kernel gets it (without glibc's leading slash), NUL-padded. NAME_MAX is 255; the field is
 * longer so that a longer name read from a caller is never cut to one that equals a target. */
#define MQREC_NAME_KEY 264

#define MQREC_CALL_SEND 1
#define MQREC_CALL_RECEIVE 2
#define MQREC_CALL_OPEN 3
#define MQREC_CALL_UNLINK 4
#define MQREC_CALL_NOTIFY 5
#define MQREC_CALL_GETSETATTR 6

/* A queue by its inode: the superblock's s_dev (kernel encoding, one superblock per IPC namespace) and i_ino. */
struct mqrec_inode_key {
	unsigned long long dev;
	unsigned long long ino;
};

/* A queue by its name in an IPC namespace (dev: that namespace's mqueue superblock), for the calls that take a
 * name and fail before there is an inode (mq_open) or remove it (mq_unlink). */
struct mqrec_name_key {
	unsigned long long dev;
	char name[MQREC_NAME_KEY];
};

/* One completed call. The time it entered is not stamped (mqrecord.bpf.c says why): the wire's t_enter is 0. */
struct mqrec_head {
	unsigned long long t_exit;  /* ktime (CLOCK_MONOTONIC) ns when the call returned */
	long long result;           /* the syscall's return: bytes received, fd opened, 0, or -errno */
	unsigned long long len;     /* send/receive: the msg_len argument; else 0 */
	unsigned int tgid;          /* as the initial pid namespace numbers it */
	unsigned int tid;
	unsigned int call;          /* MQREC_CALL_* */
	unsigned int queue;         /* index of the target in the request */
	unsigned int prio;          /* send: the argument; receive: what the kernel stored (0 on failure) */
	int arg1;                   /* open: oflag; notify: sigev_notify (-1: NULL, unregister); setattr: new flags, -1 get */
	int arg2;                   /* open: mode; notify: sigev_signo; setattr: the old flags returned, -1 none */
	unsigned int payload_len;   /* bytes of payload below */
	char comm[16];
};

/* A ring buffer record: the head, then payload_len bytes of the message (the record may have room for more). */
struct mqrec_event {
	struct mqrec_head h;
	unsigned char payload[MQREC_PAYLOAD_MAX];
};

#define MQREC_HEAD_SIZE (sizeof(struct mqrec_head))

#endif
