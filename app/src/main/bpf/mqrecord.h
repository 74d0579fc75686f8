/* What the recording BPF program (mqrecord.bpf.c) and its loader (record.c) share: the event record it streams
 * through its ring buffer. Kernel-independent: plain fixed-width fields only. */
#ifndef MQRECORD_H
#define MQRECORD_H

/* The most payload bytes one event carries; the request's payload limit is at most this. */
#define MQREC_PAYLOAD_MAX 4096

#define MQREC_CALL_SEND 1
#define MQREC_CALL_RECEIVE 2

struct mqrec_event {
	unsigned long long t_enter; /* ktime (CLOCK_MONOTONIC) ns when the call entered */
	unsigned long long t_exit;  /* ... and when it returned */
	long long result;           /* the syscall's return: bytes received / 0 sent, or -errno */
	unsigned long long len;     /* the msg_len argument */
	unsigned int tgid;          /* as the initial pid namespace numbers it */
	unsigned int tid;
	unsigned int call;          /* MQREC_CALL_* */
	unsigned int prio;          /* send: the argument; receive: what the kernel stored (0 on failure) */
	unsigned int fd;
	unsigned int payload_len;   /* bytes of payload below */
	char comm[16];
	unsigned char payload[MQREC_PAYLOAD_MAX];
};

#define MQREC_HEAD_SIZE (sizeof(struct mqrec_event) - MQREC_PAYLOAD_MAX)

#endif
