// SPDX-License-Identifier: GPL-2.0
/* mqpeek's recorder: one syscall tracepoint program that keeps only the six mqueue calls (mq_open, mq_unlink,
 * mq_timedsend, mq_timedreceive, mq_notify, mq_getsetattr) on the queues of one recording, and streams each
 * completed call (who, when, which queue, arguments, result, the first bytes of a message) through a ring buffer.
 *
 * Everything is decided at sys_exit, where the call's arguments are still in the saved registers (x86-64 keeps
 * di/si/dx/r10, arm64 keeps the first argument in orig_x0) and its result is known. A call is on a target queue when
 * its descriptor resolves (task -> files -> fdtable -> file -> inode) to an inode of `targets` — the superblock's
 * s_dev is part of the key, and each IPC namespace has its own mqueue superblock, so the same name in
 * another namespace is another queue — or, for the two calls that take a name and have no inode to show (a failed
 * mq_open, mq_unlink), when the name and the caller's IPC namespace's mqueue superblock are a key of `by_name`.
 *
 * There is no sys_enter program: once any syscall tracepoint has a program, every system call of the machine pays
 * for each program attached (measured here: about 45 ns per program and call), and the one thing it would add is
 * the time a call entered. So t_enter is 0 and the events carry the time each call returned. Any unrelated syscall
 * costs this program one subtraction and one comparison.
 *
 * A full ring buffer is counted per CPU, so the loader can report "N events lost" — never silent. fentry/fexit and
 * kprobes are not used: kernels without CONFIG_KPROBES or with fentry refused (EPERM) still have tracepoints. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_tracing.h>
#include "mqrecord.h"

/* The kernel's kfunc (since 6.2) that gives an untrusted kernel address its BTF type for direct reads. */
extern void *bpf_rdonly_cast(const void *obj, __u32 btf_id) __ksym;

/* BPF_PROG passes ctx to the body, which reads the typed arguments instead. */
#pragma clang diagnostic ignored "-Wunused-parameter"

char LICENSE[] SEC("license") = "GPL";

/* The six calls are consecutive on both architectures (the generic table and x86-64's own). The saved registers
 * are read directly: in a tp_btf program `regs` is a BTF pointer, so each read is one load (relocated by CO-RE),
 * where BPF_CORE_READ would call bpf_probe_read_kernel — a helper call on every syscall of the machine. The kernel
 * is assumed to keep the arguments in these registers until the call returns: x86-64 writes only ax, arm64 writes
 * x0 but keeps the first argument in orig_x0. */
#if defined(__TARGET_ARCH_x86)
#define NR_MQ_OPEN 240
#define SYSCALL_NR(regs) ((regs)->orig_ax)
#define ARG1(regs) ((regs)->di)
#define ARG2(regs) ((regs)->si)
#define ARG3(regs) ((regs)->dx)
#define ARG4(regs) ((regs)->r10)
#elif defined(__TARGET_ARCH_arm64)
#define NR_MQ_OPEN 180
#define SYSCALL_NR(regs) ((regs)->syscallno)
#define ARG1(regs) ((regs)->orig_x0)
#define ARG2(regs) ((regs)->regs[1])
#define ARG3(regs) ((regs)->regs[2])
#define ARG4(regs) ((regs)->regs[3])
#else
#error "mqrecord: syscall numbers known for x86-64 and aarch64 only"
#endif
#define NR_MQ_UNLINK (NR_MQ_OPEN + 1)
#define NR_MQ_TIMEDSEND (NR_MQ_OPEN + 2)
#define NR_MQ_TIMEDRECEIVE (NR_MQ_OPEN + 3)
#define NR_MQ_NOTIFY (NR_MQ_OPEN + 4)
#define NR_MQ_GETSETATTR (NR_MQ_OPEN + 5)

/* Set by the loader before load. */
const volatile __u32 payload_cap = 256; /* <= MQREC_PAYLOAD_MAX */
const volatile __u32 self_tgid = 0;     /* the helper itself: never recorded */
/* 1: read a descriptor's slot with a plain load through bpf_rdonly_cast(ptr, 0), which newer verifiers accept
 * (this machine's 6.18 does) and which saves a helper call per recorded call; 0: bpf_probe_read_kernel. The
 * loader tries 1 and loads again with 0 when the verifier refuses; the branch not taken is never verified. */
const volatile __u32 fd_slot_load = 0;

#define RING_BYTES (8 << 20)
/* Records a CPU writes between two wakeups of the reader (see wake_flags). */
#define WAKE_EVERY 1024

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, RING_BYTES);
} events SEC(".maps");

/* The recording's queues by inode, in the request's order (an event's queue is the index): set by the loader
 * before load, so the verifier knows them. A linear search of these constants cost each recorded call about 45 ns
 * less than a hash map lookup (one queue, measured here); 64 keys are few enough to search. */
const volatile __u32 ntargets = 0;
const volatile struct mqrec_inode_key targets[MQREC_TARGETS_MAX] = {};

/* The recording's queues by name in their namespace: value = index in the request. Filled by the loader before
 * attaching, never changed after. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, MQREC_TARGETS_MAX);
	__type(key, struct mqrec_name_key);
	__type(value, __u32);
} by_name SEC(".maps");

/* Room to build an event's head and a name key in: too large for the 512-byte stack. One per CPU, which is safe because
 * the kernel runs a syscall tracepoint's BPF programs with preemption disabled and never runs one program nested
 * in itself on a CPU (its recursion guard skips such a run and counts it in the program's recursion_misses, which
 * the loader adds to the lost events). Per thread (task storage) it cost about 300 ns more per recorded call. */
struct mqrec_work {
	struct mqrec_name_key key;
	struct mqrec_head ev;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct mqrec_work);
} work SEC(".maps");

/* Per CPU: events the ring buffer had no room for (read by the loader), and records written since the reader was
 * last woken from this CPU. */
struct mqrec_counts {
	__u64 lost;
	__u64 unwoken;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct mqrec_counts);
} counts SEC(".maps");

/* The target index of descriptor fd of the current task, or -1. The task and what hangs off it are BTF pointers
 * read with plain (fault-checked) loads; the descriptor array's element, at a variable index, is read through an
 * untrusted read-only cast where the verifier allows it (fd_slot_load), else with bpf_probe_read_kernel. */
static int fd_target(struct task_struct *task, long fd)
{
	if (fd < 0)
		return -1;
	struct files_struct *files = task->files;
	if (!files)
		return -1;
	struct fdtable *fdt = files->fdt;
	if (!fdt || (unsigned long)fd >= fdt->max_fds)
		return -1;
	struct file *raw = NULL;
	if (fd_slot_load) {
		struct file **slots = bpf_rdonly_cast(fdt->fd, 0);
		raw = slots[fd];
	} else if (bpf_probe_read_kernel(&raw, sizeof(raw), fdt->fd + fd) != 0) {
		return -1;
	}
	if (!raw)
		return -1;
	/* A BTF pointer again (bpf_rdonly_cast: read-only, every load fault-checked), so the inode's fields are plain
	 * loads instead of three bpf_probe_read_kernel calls. */
	struct file *file = bpf_rdonly_cast(raw, bpf_core_type_id_kernel(struct file));
	struct inode *inode = file->f_inode;
	if (!inode)
		return -1;
	__u64 dev = inode->i_sb->s_dev, ino = inode->i_ino;
	for (__u32 i = 0; i < ntargets && i < MQREC_TARGETS_MAX; i++) {
		if (targets[i].ino == ino && targets[i].dev == dev)
			return (int)i;
	}
	return -1;
}

/* The target index of the queue name at user address uname in the current task's IPC namespace, or -1. */
static int name_target(struct task_struct *task, struct mqrec_name_key *key, const char *uname)
{
	/* The namespace's internal mqueue mount (ipc_namespace.mq_mnt) is the superblock its queues live on. */
	struct super_block *sb = BPF_CORE_READ(task, nsproxy, ipc_ns, mq_mnt, mnt_sb);
	if (!sb || !uname)
		return -1;
	__builtin_memset(key, 0, sizeof(*key));
	key->dev = BPF_CORE_READ(sb, s_dev);
	if (bpf_probe_read_user_str(key->name, sizeof(key->name), uname) <= 0)
		return -1;
	__u32 *idx = bpf_map_lookup_elem(&by_name, key);
	return idx ? (int)*idx : -1;
}

/* The ring's flags for the record just reserved: wake the reader once every WAKE_EVERY records a CPU writes, else
 * not. A wakeup is an interrupt to another CPU (about 4 us of the traced call here): one per record would cost
 * every call that, and so would one per record whenever the reader lags. Between wakeups the reader finds the
 * records at its next poll (every 50 ms), so a slow recording stays live; 1024 records are far less than the
 * ring holds. No ring position is read: the reader's position is written by the other CPU on every record it
 * takes, so reading it here would be a cache miss per call. */
static __always_inline __u64 wake_flags(struct mqrec_counts *c)
{
	if (++c->unwoken < WAKE_EVERY)
		return BPF_RB_NO_WAKEUP;
	c->unwoken = 0;
	return BPF_RB_FORCE_WAKEUP;
}

/* Streams the staged head with n payload bytes read from the caller's buffer straight into the ring (no second
 * copy), in a record with `room` payload bytes: the ring takes a size known when the program is verified, so each
 * room is its own call site. A buffer that cannot be read is recorded without payload. */
static __always_inline void emit_in(const struct mqrec_head *head, const void *buf, __u64 n, const __u32 room)
{
	__u32 zero = 0;
	struct mqrec_counts *c = bpf_map_lookup_elem(&counts, &zero);
	if (!c)
		return;
	struct mqrec_event *e = bpf_ringbuf_reserve(&events, MQREC_HEAD_SIZE + room, 0);
	if (!e) {
		c->lost++; /* per CPU, and programs do not nest on a CPU (see struct mqrec_work) */
		return;
	}
	__builtin_memcpy(&e->h, head, MQREC_HEAD_SIZE);
	e->h.payload_len = 0;
	if (room && n && n <= room && bpf_probe_read_user(e->payload, n, buf) == 0)
		e->h.payload_len = (unsigned int)n;
	bpf_ringbuf_submit(e, wake_flags(c));
}

/* The staged head and up to payload_cap bytes of the message at buf (n bytes long), in the smallest room. */
static __always_inline void emit(const struct mqrec_head *head, const void *buf, __u64 n)
{
	if (n > payload_cap)
		n = payload_cap;
	if (!buf || n == 0)
		emit_in(head, buf, 0, 0);
	else if (n <= 64)
		emit_in(head, buf, n, 64);
	else if (n <= 256)
		emit_in(head, buf, n, 256);
	else if (n <= 1024)
		emit_in(head, buf, n, 1024);
	else
		emit_in(head, buf, n, MQREC_PAYLOAD_MAX);
}

/* The first long of a user struct mq_attr (mq_flags), or -1 without one. */
static int user_mq_flags(const void *uattr)
{
	long flags = 0;
	if (!uattr || bpf_probe_read_user(&flags, sizeof(flags), uattr) != 0)
		return -1;
	return (int)flags;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(mqrec_exit, struct pt_regs *regs, long ret)
{
	long id = SYSCALL_NR(regs);
	if ((unsigned long)(id - NR_MQ_OPEN) > NR_MQ_GETSETATTR - NR_MQ_OPEN)
		return 0;
	/* who: read from the task itself (BTF loads), not through bpf_get_current_pid_tgid/_comm helper calls */
	struct task_struct *task = bpf_get_current_task_btf();
	__u32 tgid = task->tgid;
	if (tgid == self_tgid)
		return 0;
	__u32 zero = 0;
	struct mqrec_work *w = bpf_map_lookup_elem(&work, &zero);
	if (!w)
		return 0;
	int queue;
	if (id == NR_MQ_UNLINK || (id == NR_MQ_OPEN && ret < 0))
		queue = name_target(task, &w->key, (const char *)ARG1(regs));
	else
		queue = fd_target(task, id == NR_MQ_OPEN ? ret : (long)(int)ARG1(regs));
	if (queue < 0)
		return 0;
	struct mqrec_head *e = &w->ev;
	e->t_exit = bpf_ktime_get_ns();
	e->result = ret;
	e->len = 0;
	e->tgid = tgid;
	e->tid = task->pid;
	e->queue = (unsigned int)queue;
	e->prio = 0;
	e->arg1 = 0;
	e->arg2 = 0;
	__builtin_memcpy(e->comm, task->comm, sizeof(e->comm));
	const void *buf = NULL; /* the message, for a send or a receive */
	__u64 n = 0;
	if (id == NR_MQ_TIMEDSEND || id == NR_MQ_TIMEDRECEIVE) {
		buf = (const void *)ARG2(regs);
		e->len = ARG3(regs);
		if (id == NR_MQ_TIMEDSEND) {
			/* the caller's buffer, unchanged since the kernel copied it (the caller is still in the call) */
			e->call = MQREC_CALL_SEND;
			e->prio = (unsigned int)ARG4(regs);
			n = e->len;
		} else {
			e->call = MQREC_CALL_RECEIVE;
			if (ret >= 0) {
				const void *prio_ptr = (const void *)ARG4(regs);
				unsigned int prio = 0;
				if (prio_ptr && bpf_probe_read_user(&prio, sizeof(prio), prio_ptr) == 0)
					e->prio = prio;
				n = (__u64)ret;
			}
		}
	} else if (id == NR_MQ_OPEN) {
		e->call = MQREC_CALL_OPEN;
		e->arg1 = (int)ARG2(regs);
		e->arg2 = (int)ARG3(regs);
	} else if (id == NR_MQ_UNLINK) {
		e->call = MQREC_CALL_UNLINK;
	} else if (id == NR_MQ_NOTIFY) {
		/* struct sigevent is UAPI: sigev_value, then sigev_signo and sigev_notify */
		const void *usev = (const void *)ARG2(regs);
		struct sigevent sev = {};
		e->call = MQREC_CALL_NOTIFY;
		e->arg1 = -1;
		if (usev && bpf_probe_read_user(&sev, sizeof(sev.sigev_value) + 2 * sizeof(int), usev) == 0) {
			e->arg1 = sev.sigev_notify;
			e->arg2 = sev.sigev_signo;
		} else if (usev) {
			e->arg1 = -2; /* unreadable: the call failed with EFAULT */
		}
	} else {
		e->call = MQREC_CALL_GETSETATTR;
		e->arg1 = user_mq_flags((const void *)ARG2(regs));
		e->arg2 = ret == 0 ? user_mq_flags((const void *)ARG3(regs)) : -1;
	}
	emit(e, buf, n);
	return 0;
}
