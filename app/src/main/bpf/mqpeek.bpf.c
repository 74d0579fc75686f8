// SPDX-License-Identifier: GPL-2.0
/* mqpeek's BPF side: an iter/task_file program that finds the helper's own descriptor of one POSIX message queue
 * and reads the queue where the kernel keeps it, without taking its lock and without changing anything:
 * every message (receive order, bytes, priority, identity and hash), the blocked senders and receivers in wake
 * order, and the notification registration. The loader (mqpeek.c) runs it twice and compares the passes.
 *
 * Every read of kernel memory goes through bpf_probe_read_kernel (CO-RE relocated, so no offset is hard-coded):
 * a node freed under us reads as zeroes or stale bytes, never a crash, and every loop has a bound the verifier
 * sees, so a list that changes into a cycle while we walk it cannot hang. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include "mqpeek.h"

char LICENSE[] SEC("license") = "GPL";

#define MQUEUE_MAGIC 0x19800202

/* Set by the loader before load. */
const volatile __u32 target_tgid = 0;
const volatile __u64 page_size = 4096;
const volatile __u64 cap_msgs = 1;   /* message records per pass */
const volatile __u32 cap_entries = 1; /* arena entries */

/* Set by the loader before each pass. The descriptor changes from request to request while one loaded program
 * serves them all, which is why it is not a constant. */
__u32 target_fd = 0;
__u32 pass_no = 0;
__u32 mode = MQPEEK_COPY_ALL;
__u64 copy_index = 0;

/* Left by each pass for the loader. */
struct mqpeek_pass out[2] = {};
struct mqpeek_waiter waiters[2][2][MQPEEK_MAX_WAITERS] = {};

struct arena_entry {
	__u8 bytes[MQPEEK_ENTRY_SIZE];
};

struct piece {
	__u8 bytes[MQPEEK_PIECE_MAX];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(map_flags, BPF_F_MMAPABLE);
	__uint(max_entries, 1); /* resized by the loader */
	__type(key, __u32);
	__type(value, struct arena_entry);
} arena SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(map_flags, BPF_F_MMAPABLE);
	__uint(max_entries, 1); /* resized by the loader, as arena */
	__type(key, __u32);
	__type(value, __u64); /* 8 bytes: array elements are 8-byte aligned, and the loader reads them as an array */
} fill SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(map_flags, BPF_F_MMAPABLE);
	__uint(max_entries, 2); /* resized by the loader to 2 * cap_msgs */
	__type(key, __u32);
	__type(value, struct mqpeek_msg);
} msgs SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct piece);
} scratch SEC(".maps");

/* Inode time stamps moved twice: i_ctime (up to 6.5), __i_ctime (6.6 to 6.10), i_ctime_sec/_nsec (6.11 on). */
struct inode___v611 {
	time64_t i_ctime_sec;
	__u32 i_ctime_nsec;
	time64_t i_mtime_sec;
	__u32 i_mtime_nsec;
} __attribute__((preserve_access_index));

struct inode___v606 {
	struct timespec64 __i_ctime;
	struct timespec64 i_mtime;
} __attribute__((preserve_access_index));

struct inode___old {
	struct timespec64 i_ctime;
	struct timespec64 i_mtime;
} __attribute__((preserve_access_index));


/* Kernel pointers are kept as numbers; these read through them. (A cast inside BPF_CORE_READ's argument would
 * make the compiler relocate the access to our own struct mqpeek_walk as well.) */
static __always_inline __u64 list_next(__u64 p)
{
	struct list_head *l = (void *)p;
	return (__u64)BPF_CORE_READ(l, next);
}

static __always_inline __u64 list_prev(__u64 p)
{
	struct list_head *l = (void *)p;
	return (__u64)BPF_CORE_READ(l, prev);
}

static __always_inline __u64 first_segment(__u64 p)
{
	struct msg_msg *m = (void *)p;
	return (__u64)BPF_CORE_READ(m, next);
}

static __always_inline __u64 next_segment(__u64 p)
{
	struct msg_msgseg *s = (void *)p;
	return (__u64)BPF_CORE_READ(s, next);
}

/* One walk at a time: the loader runs its passes one after another. */
struct mqpeek_walk walk_state = {};

static __always_inline __u64 mix(__u64 h, __u64 w)
{
	h ^= w;
	h *= 0x100000001b3ULL;
	return h ^ (h >> 29);
}

static __always_inline void read_times(struct inode *inode, long long *csec, long long *cnsec, long long *msec,
				       long long *mnsec)
{
	if (bpf_core_field_exists(struct inode___v611, i_ctime_sec)) {
		struct inode___v611 *i = (void *)inode;
		*csec = BPF_CORE_READ(i, i_ctime_sec);
		*cnsec = BPF_CORE_READ(i, i_ctime_nsec);
		if (msec) {
			*msec = BPF_CORE_READ(i, i_mtime_sec);
			*mnsec = BPF_CORE_READ(i, i_mtime_nsec);
		}
	} else if (bpf_core_field_exists(struct inode___v606, __i_ctime)) {
		struct inode___v606 *i = (void *)inode;
		*csec = BPF_CORE_READ(i, __i_ctime.tv_sec);
		*cnsec = BPF_CORE_READ(i, __i_ctime.tv_nsec);
		if (msec) {
			*msec = BPF_CORE_READ(i, i_mtime.tv_sec);
			*mnsec = BPF_CORE_READ(i, i_mtime.tv_nsec);
		}
	} else {
		struct inode___old *i = (void *)inode;
		*csec = BPF_CORE_READ(i, i_ctime.tv_sec);
		*cnsec = BPF_CORE_READ(i, i_ctime.tv_nsec);
		if (msec) {
			*msec = BPF_CORE_READ(i, i_mtime.tv_sec);
			*mnsec = BPF_CORE_READ(i, i_mtime.tv_nsec);
		}
	}
}

/* rb_prev_node's answer when the tree is deeper than a red-black tree can be: it changed under us. */
#define RB_TOO_DEEP 1ULL

/* The in-order predecessor of node: the next lower priority; 0 after the lowest. Global functions are verified
 * once, whatever calls them, which keeps the verifier's work (and so the helper's start-up) small. */
__noinline __u64 rb_prev_node(__u64 node)
{
	struct rb_node *n = (void *)node;
	__u64 left = (__u64)BPF_CORE_READ(n, rb_left);
	int d;

	if (left) {
		node = left;
		for (d = 0; d < MQPEEK_RB_DEPTH; d++) {
			n = (void *)node;
			__u64 right = (__u64)BPF_CORE_READ(n, rb_right);
			if (!right)
				return node;
			node = right;
		}
		return RB_TOO_DEEP;
	}
	for (d = 0; d < MQPEEK_RB_DEPTH; d++) {
		n = (void *)node;
		__u64 parent = BPF_CORE_READ(n, __rb_parent_color) & ~3ULL;
		if (!parent)
			return 0;
		struct rb_node *pn = (void *)parent;
		if ((__u64)BPF_CORE_READ(pn, rb_left) != node)
			return parent;
		node = parent;
	}
	return RB_TOO_DEEP;
}

static __always_inline void finish_message(struct mqpeek_walk *w)
{
	__u32 key = w->pass * cap_msgs + w->count;
	struct mqpeek_msg *m = bpf_map_lookup_elem(&msgs, &key);

	if (!m || w->count >= cap_msgs) {
		w->error = MQPEEK_TOO_MANY;
		return;
	}
	m->addr = w->msg;
	m->hash = w->hash;
	m->size = w->size;
	m->prio = w->prio;
	m->pad = 0;
	w->count++;
	w->bytes += w->size;
	w->msg = 0;
}

/* Starts the next message, or moves to the next priority when this one's list is done. */
__noinline long next_message(void)
{
	struct mqpeek_walk *w = &walk_state;
	__u64 off_list = bpf_core_field_offset(struct msg_msg, m_list);

	if (!w->pos) {
		if (!w->node) {
			w->done = 1;
			return 1;
		}
		w->head = w->node - bpf_core_field_offset(struct posix_msg_tree_node, rb_node) +
			  bpf_core_field_offset(struct posix_msg_tree_node, msg_list);
		w->pos = list_next(w->head);
	} else {
		w->pos = list_next(w->pos);
	}
	if (!w->pos) {
		w->error = MQPEEK_READ_FAULT;
		return 1;
	}
	if (w->pos == w->head) {
		__u64 prev = rb_prev_node(w->node);
		w->node = prev == RB_TOO_DEEP ? 0 : prev;
		w->pos = 0;
		if (prev == RB_TOO_DEEP) {
			w->error = MQPEEK_STEPS;
			return 1;
		}
		return 0;
	}
	struct msg_msg *m = (void *)(w->pos - off_list);
	w->msg = (__u64)m;
	w->size = BPF_CORE_READ(m, m_ts);
	w->prio = BPF_CORE_READ(m, m_type);
	w->left = w->size;
	w->seg = 0;
	w->hash = mix(0xcbf29ce484222325ULL, w->size);
	if (w->size > (__u64)out[w->pass & 1].msgsize) {
		w->error = MQPEEK_BAD_SIZE;
		return 1;
	}
	if (w->size == 0)
		finish_message(w);
	return w->error ? 1 : 0;
}

/* The hash of a piece, continuing h. A global function, so the verifier checks its loop once rather than once
 * per path that reaches it. */
__noinline __u64 hash_piece(struct piece *buf, __u32 len, __u64 h)
{
	if (!buf || len > MQPEEK_PIECE_MAX)
		return h;
	__u64 *words = (__u64 *)buf->bytes;
	__u32 nwords = len >> 3;
	__u32 blocks = nwords >> 3;
	/* Eight words a round: the verifier walks every round of a bounded loop, so fewer rounds load faster. */
	for (__u32 b = 0; b < MQPEEK_PIECE_MAX / 64; b++) {
		if (b >= blocks)
			break;
		__u64 *q = &words[b * 8];
		h = mix(h, q[0]);
		h = mix(h, q[1]);
		h = mix(h, q[2]);
		h = mix(h, q[3]);
		h = mix(h, q[4]);
		h = mix(h, q[5]);
		h = mix(h, q[6]);
		h = mix(h, q[7]);
	}
	/* The last whole words, indexed from nwords rather than from the loop above so that the verifier sees one
	 * state here, not one per round that could have ended the loop. */
	__u32 base = nwords & ~7u;
	for (__u32 j = 0; j < 8; j++) {
		if (j >= (nwords & 7))
			break;
		h = mix(h, words[(base + j) & (MQPEEK_PIECE_MAX / 8 - 1)]);
	}
	__u32 rem = len & 7;
	if (rem)
		h = mix(h, words[nwords & (MQPEEK_PIECE_MAX / 8 - 1)] & ((1ULL << (rem * 8)) - 1));
	return h;
}

/* Reads the next segment of the current message: hashes it, and copies it into the arena when asked. */
__noinline long next_piece(void)
{
	struct mqpeek_walk *w = &walk_state;
	__u32 zero = 0;
	struct piece *buf = bpf_map_lookup_elem(&scratch, &zero);
	__u64 src, len, room;

	if (!buf) {
		w->error = MQPEEK_READ_FAULT;
		return 1;
	}
	if (!w->seg) {
		room = page_size - bpf_core_type_size(struct msg_msg);
		src = w->msg + bpf_core_type_size(struct msg_msg);
	} else {
		room = page_size - bpf_core_type_size(struct msg_msgseg);
		src = w->seg + bpf_core_type_size(struct msg_msgseg);
	}
	len = w->left < room ? w->left : room;
	if (len == 0 || len > MQPEEK_PIECE_MAX) {
		w->error = MQPEEK_BAD_SIZE;
		return 1;
	}
	if (bpf_probe_read_kernel(buf->bytes, len, (void *)src)) {
		w->error = MQPEEK_READ_FAULT;
		return 1;
	}

	w->hash = hash_piece(buf, (__u32)len, w->hash);

	if (!w->arena_short && (mode == MQPEEK_COPY_ALL || (mode == MQPEEK_COPY_ONE && w->count == copy_index))) {
		if (w->off >= MQPEEK_CHUNK) {
			__u32 e = w->entry;
			__u64 *f = bpf_map_lookup_elem(&fill, &e);
			if (f)
				*f = w->off;
			w->entry++;
			w->off = 0;
		}
		__u32 e = w->entry;
		__u8 *dst = e < cap_entries ? bpf_map_lookup_elem(&arena, &e) : 0;
		if (!dst) {
			/* The queue grew since the arena was sized: count the rest, so the loader can size it again. */
			w->arena_short = 1;
		} else {
			__u32 o = w->off & (MQPEEK_CHUNK - 1);
			bpf_probe_read_kernel(dst + o, len, buf->bytes);
			w->off = o + len;
		}
	}

	w->left -= len;
	if (w->left == 0) {
		finish_message(w);
		return w->error ? 1 : 0;
	}
	if (!w->seg)
		w->seg = first_segment(w->msg);
	else
		w->seg = next_segment(w->seg);
	if (!w->seg) {
		w->error = MQPEEK_BAD_SIZE;
		return 1;
	}
	return 0;
}

static long step(__u64 index __attribute__((unused)), void *ctx __attribute__((unused)))
{
	struct mqpeek_walk *w = &walk_state;

	if (w->error || w->done)
		return 1;
	if (!w->msg) {
		if (next_message())
			return 1;
		if (!w->msg)
			return 0; /* on to the next priority, or an empty message done */
	}
	/* a message's first piece in the same step that found it: most messages are one piece */
	return next_piece() ? 1 : 0;
}

/* One waiter list at a time, like the message walk. */
struct mqpeek_waiter_walk waiter_state = {};

/* One blocked task per call: the kernel wakes a list's tail first, so walking prev from the head is wake order. */
static long waiter_step(__u64 k, void *ctx __attribute__((unused)))
{
	struct mqpeek_waiter_walk *ww = &waiter_state;
	__u64 pos = ww->pos;

	if (!pos || pos == ww->head)
		return 1;
	ww->n++;
	if (k < MQPEEK_MAX_WAITERS) {
		struct ext_wait_queue *ewq = (void *)(pos - bpf_core_field_offset(struct ext_wait_queue, list));
		struct task_struct *task = BPF_CORE_READ(ewq, task);
		struct msg_msg *m = BPF_CORE_READ(ewq, msg);
		struct mqpeek_waiter *wt = &waiters[ww->pass & 1][ww->dir & 1][k & (MQPEEK_MAX_WAITERS - 1)];
		wt->addr = (__u64)ewq;
		wt->tgid = BPF_CORE_READ(task, tgid);
		wt->tid = BPF_CORE_READ(task, pid);
		wt->has_msg = m != 0;
		wt->msg_size = m ? BPF_CORE_READ(m, m_ts) : 0;
		wt->msg_prio = m ? BPF_CORE_READ(m, m_type) : 0;
	}
	ww->pos = list_prev(pos);
	return 0;
}

/* Blocked tasks of one direction (0 senders, 1 receivers), in wake order. */
static __always_inline void read_waiters(struct mqueue_inode_info *mi, __u32 p, __u32 dir)
{
	struct mqpeek_waiter_walk *ww = &waiter_state;

	ww->head = (__u64)mi + bpf_core_field_offset(struct mqueue_inode_info, e_wait_q) +
		   dir * bpf_core_type_size(struct ext_wait_queue) + bpf_core_field_offset(struct ext_wait_queue, list);
	ww->pos = list_prev(ww->head);
	ww->n = 0;
	ww->pass = p;
	ww->dir = dir;
	bpf_loop(MQPEEK_MAX_WAITERS + 1, waiter_step, 0, 0);
	out[p & 1].nwait[dir & 1] = ww->n;
}

SEC("iter/task_file")
int mqpeek_iter(struct bpf_iter__task_file *ctx)
{
	struct file *file = ctx->file;
	struct task_struct *task = ctx->task;

	if (!file || !task || ctx->fd != target_fd || (__u32)task->tgid != target_tgid)
		return 0;

	__u32 p = pass_no & 1;
	struct mqpeek_pass *o = &out[p];
	o->found = 1;

	struct inode *inode = BPF_CORE_READ(file, f_inode);
	if (!inode || BPF_CORE_READ(inode, i_sb, s_magic) != MQUEUE_MAGIC) {
		o->error = MQPEEK_NOT_MQUEUE;
		return 0;
	}
	struct mqueue_inode_info *mi =
		(void *)((__u64)inode - bpf_core_field_offset(struct mqueue_inode_info, vfs_inode));

	o->curmsgs_b = BPF_CORE_READ(mi, attr.mq_curmsgs);
	o->qsize_b = BPF_CORE_READ(mi, qsize);
	read_times(inode, &o->ctime_sec_b, &o->ctime_nsec_b, &o->mtime_sec_b, &o->mtime_nsec_b);
	o->maxmsg = BPF_CORE_READ(mi, attr.mq_maxmsg);
	o->msgsize = BPF_CORE_READ(mi, attr.mq_msgsize);

	struct pid *owner = BPF_CORE_READ(mi, notify_owner);
	o->notify_pid = owner ? BPF_CORE_READ(owner, numbers[0].nr) : 0;
	o->notify_kind = owner ? BPF_CORE_READ(mi, notify.sigev_notify) : -1;
	/* The kernel sets sigev_signo only for SIGEV_SIGNAL; otherwise it is left over from before (as the status
	 * line, which shows it only then) */
	o->notify_signo = owner && o->notify_kind == 0 ? BPF_CORE_READ(mi, notify.sigev_signo) : 0;

	read_waiters(mi, p, 0);
	read_waiters(mi, p, 1);

	/* The walk's state lives in a map value, not on the stack: the verifier then treats its fields as unknown
	 * numbers and checks the step once, instead of once per concrete value it could track. */
	struct mqpeek_walk *wp = &walk_state;
	__builtin_memset(wp, 0, sizeof(*wp));
	wp->pass = p;
	if (bpf_core_field_exists(mi->msg_tree_rightmost)) {
		wp->node = (__u64)BPF_CORE_READ(mi, msg_tree_rightmost);
	} else {
		/* Kernels before 4.19 keep no pointer to the rightmost node: descend to it. */
		__u64 n = (__u64)BPF_CORE_READ(mi, msg_tree.rb_node);
		for (int d = 0; d < MQPEEK_RB_DEPTH && n; d++) {
			wp->node = n;
			n = (__u64)BPF_CORE_READ((struct rb_node *)n, rb_right);
		}
	}
	long steps = bpf_loop(MQPEEK_MAX_STEPS, step, 0, 0);
	if (!wp->error && !wp->done)
		wp->error = MQPEEK_STEPS;
	if (wp->off > 0 || wp->entry > 0) {
		__u32 e = wp->entry;
		__u64 *f = bpf_map_lookup_elem(&fill, &e);
		if (f)
			*f = wp->off;
		o->entries_used = wp->entry + 1;
	} else {
		o->entries_used = 0;
	}
	o->steps = steps < 0 ? 0 : steps;
	o->error = wp->error;
	o->arena_short = wp->arena_short;
	o->count = wp->count;
	o->bytes = wp->bytes;

	o->curmsgs_a = BPF_CORE_READ(mi, attr.mq_curmsgs);
	o->qsize_a = BPF_CORE_READ(mi, qsize);
	read_times(inode, &o->ctime_sec_a, &o->ctime_nsec_a, 0, 0);
	return 0;
}
