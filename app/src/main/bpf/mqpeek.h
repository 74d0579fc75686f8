/* What the BPF program (mqpeek.bpf.c) and its loader (mqpeek.c) share: sizes of the regions the program fills,
 * and the layout of the records it leaves in them. Kernel-independent: plain fixed-width fields only. */
#ifndef MQPEEK_H
#define MQPEEK_H

/* The data arena is an array map of entries of MQPEEK_ENTRY_SIZE bytes. The program starts a new entry once the
 * current one holds MQPEEK_CHUNK bytes or more; a piece (one kernel segment of one message, at most
 * MQPEEK_PIECE_MAX bytes) is always written whole into one entry, so every write stays inside its entry and the
 * verifier can prove it. The data stream is the concatenation of each entry's first fill[entry] bytes. */
#define MQPEEK_CHUNK (64 * 1024)
#define MQPEEK_PIECE_MAX 4096
#define MQPEEK_ENTRY_SIZE (MQPEEK_CHUNK + MQPEEK_PIECE_MAX)

/* Blocked senders/receivers recorded per direction; more are counted and reported as truncated. */
#define MQPEEK_MAX_WAITERS 256
/* A red-black tree of at most 32,768 priorities is at most 2*log2(32769) < 32 deep; twice that for safety. */
#define MQPEEK_RB_DEPTH 64
/* One bpf_loop step handles one message start or one segment; 16 MiB messages have 4,100 segments each. */
#define MQPEEK_MAX_STEPS (1u << 23)

/* Pass modes. */
#define MQPEEK_COPY_ALL 0 /* copy every message's bytes into the arena */
#define MQPEEK_COPY_ONE 1 /* copy only message copy_index */
#define MQPEEK_COPY_NONE 2 /* metadata and hashes only */

/* Pass errors (mqpeek_pass.error). */
#define MQPEEK_OK 0
#define MQPEEK_NOT_FOUND 1      /* the descriptor was not visited */
#define MQPEEK_NOT_MQUEUE 2     /* the descriptor is not on an mqueue file system */
#define MQPEEK_READ_FAULT 3     /* a kernel read failed: the list changed under us */
#define MQPEEK_TOO_MANY 4       /* more messages than the message table holds: the list changed (or is corrupt) */
#define MQPEEK_BAD_SIZE 6       /* a message size over the queue's msgsize, or a segment chain shorter than it */
#define MQPEEK_STEPS 7          /* ran out of steps: a cycle in a list that changed under us */

struct mqpeek_msg {
	unsigned long long addr; /* kernel address of the struct msg_msg: identity for the consistency check */
	unsigned long long hash; /* of the bytes, in a form only compared between passes */
	unsigned long long size;
	unsigned int prio;
	unsigned int pad;
};

struct mqpeek_waiter {
	unsigned long long addr; /* of the struct ext_wait_queue */
	unsigned long long msg_size; /* a blocked sender's message; 0 otherwise */
	unsigned int tgid;           /* as the initial pid namespace numbers it */
	unsigned int tid;
	unsigned int msg_prio;
	unsigned int has_msg;
};

/* What one pass saw. *_b at the start of the pass, *_a at its end. */
struct mqpeek_pass {
	unsigned int error;
	unsigned int found;
	unsigned long long count;
	unsigned long long bytes;
	unsigned long long steps;
	long long curmsgs_b, curmsgs_a;
	unsigned long long qsize_b, qsize_a;
	long long ctime_sec_b, ctime_sec_a;
	long long ctime_nsec_b, ctime_nsec_a;
	long long mtime_sec_b, mtime_nsec_b;
	long long maxmsg, msgsize;
	unsigned int entries_used;
	unsigned int notify_pid;
	int notify_kind;
	int notify_signo;
	unsigned int nwait[2]; /* [0] senders, [1] receivers, counted up to MQPEEK_MAX_WAITERS + 1 */
	unsigned int arena_short; /* the bytes did not fit: the rest was only counted, `bytes` says how many */
	unsigned int pad;
};

/* The BPF program's position in its walk (kept in .bss; see mqpeek.bpf.c). Kernel pointers are numbers. */
struct mqpeek_walk {
	unsigned long long node;  /* current struct rb_node (a posix_msg_tree_node), 0 when the tree is done */
	unsigned long long head;  /* &node->msg_list */
	unsigned long long pos;   /* current list_head in msg_list, 0 before the first */
	unsigned long long msg;   /* message whose bytes are being read, 0 between messages */
	unsigned long long seg;   /* its current struct msg_msgseg, 0 for the part inside struct msg_msg */
	unsigned long long left;  /* bytes of msg not read yet */
	unsigned long long size;
	unsigned long long hash;
	unsigned long long count;
	unsigned long long bytes;
	unsigned int prio;
	unsigned int entry; /* arena write position */
	unsigned int off;
	unsigned int error;
	unsigned int pass;
	unsigned int done;
	unsigned int arena_short;
	unsigned int pad;
};

/* The position in one waiter list (kept in .bss). */
struct mqpeek_waiter_walk {
	unsigned long long head;
	unsigned long long pos;
	unsigned int n;
	unsigned int pass;
	unsigned int dir;
	unsigned int pad;
};

#endif
