// SPDX-License-Identifier: GPL-2.0
/* mqpeek's recorder: syscall tracepoints that keep only mq_timedsend and mq_timedreceive on ONE queue and stream
 * each completed call (who, when, priority, size, result, the first bytes of the payload) through a ring buffer.
 *
 * sys_enter keeps the arguments of a call whose descriptor resolves (task -> files -> fdtable -> file -> inode) to
 * the target inode on the target mqueue superblock; everything else costs one comparison of the syscall number.
 * A send's payload is read at enter (the caller's buffer as it was handed in); a receive's at exit, when the
 * kernel has filled it. sys_exit completes the kept call and emits it. A full ring buffer is counted per CPU, so
 * the loader can report "N events lost" — never silent. fentry/fexit are not used: some kernels refuse them. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_tracing.h>
#include "mqrecord.h"

/* BPF_PROG passes ctx to the body, which reads the typed arguments instead. */
#pragma clang diagnostic ignored "-Wunused-parameter"

char LICENSE[] SEC("license") = "GPL";

#if defined(__TARGET_ARCH_x86)
#define NR_MQ_TIMEDSEND 242
#define NR_MQ_TIMEDRECEIVE 243
#define SYSCALL_NR(regs) BPF_CORE_READ(regs, orig_ax)
#elif defined(__TARGET_ARCH_arm64)
#define NR_MQ_TIMEDSEND 182
#define NR_MQ_TIMEDRECEIVE 183
#define SYSCALL_NR(regs) BPF_CORE_READ(regs, syscallno)
#else
#error "mqrecord: syscall numbers known for x86-64 and aarch64 only"
#endif

/* Set by the loader before load. */
const volatile __u64 target_dev = 0;  /* the queue's superblock s_dev (kernel encoding): one per IPC namespace */
const volatile __u64 target_ino = 0;
const volatile __u32 payload_cap = 256; /* <= MQREC_PAYLOAD_MAX */
const volatile __u32 self_tgid = 0;     /* the helper itself: never recorded */

#define RING_BYTES (8 << 20)
#define RING_WAKE (RING_BYTES / 4)

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, RING_BYTES);
} events SEC(".maps");

/* The call a thread is in (entered, not yet returned), kept with the thread itself: a pointer into task-local
 * storage, so nothing is copied or hashed per call, and the slot goes away with the thread. call == 0: none. */
struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct mqrec_event);
} inflight SEC(".maps");

/* Events the ring buffer had no room for, per CPU. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} lost SEC(".maps");

/* Whether descriptor fd of the current task is the target queue. */
static bool is_target(struct task_struct *task, unsigned int fd)
{
	struct fdtable *fdt = BPF_CORE_READ(task, files, fdt);
	if (!fdt)
		return false;
	if (fd >= BPF_CORE_READ(fdt, max_fds))
		return false;
	struct file **fds = BPF_CORE_READ(fdt, fd);
	struct file *file = NULL;
	if (bpf_probe_read_kernel(&file, sizeof(file), fds + fd) != 0 || !file)
		return false;
	struct inode *inode = BPF_CORE_READ(file, f_inode);
	if (!inode)
		return false;
	return BPF_CORE_READ(inode, i_ino) == target_ino && BPF_CORE_READ(inode, i_sb, s_dev) == target_dev;
}

static void copy_payload(struct mqrec_event *e, const void *buf, unsigned long long n)
{
	if (n > payload_cap)
		n = payload_cap;
	if (n > MQREC_PAYLOAD_MAX)
		n = MQREC_PAYLOAD_MAX;
	if (n == 0 || !buf) {
		e->payload_len = 0;
		return;
	}
	if (bpf_probe_read_user(e->payload, n, buf) != 0) {
		e->payload_len = 0;
		return;
	}
	e->payload_len = (unsigned int)n;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(mqrec_enter, struct pt_regs *regs, long id)
{
	if (id != NR_MQ_TIMEDSEND && id != NR_MQ_TIMEDRECEIVE)
		return 0;
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u32 tgid = pid_tgid >> 32, tid = (__u32)pid_tgid;
	if (tgid == self_tgid)
		return 0;
	unsigned int fd = (unsigned int)PT_REGS_PARM1_CORE_SYSCALL(regs);
	struct task_struct *task = bpf_get_current_task_btf();
	if (!is_target(task, fd))
		return 0;
	struct mqrec_event *e = bpf_task_storage_get(&inflight, task, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!e)
		return 0;
	e->t_enter = bpf_ktime_get_ns();
	e->t_exit = 0;
	e->result = 0;
	e->tgid = tgid;
	e->tid = tid;
	e->fd = fd;
	e->len = PT_REGS_PARM3_CORE_SYSCALL(regs);
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	e->payload_len = 0;
	if (id == NR_MQ_TIMEDSEND) {
		e->call = MQREC_CALL_SEND;
		e->prio = (unsigned int)PT_REGS_PARM4_CORE_SYSCALL(regs);
		copy_payload(e, (const void *)PT_REGS_PARM2_CORE_SYSCALL(regs), e->len);
	} else {
		e->call = MQREC_CALL_RECEIVE;
		/* The payload is read at exit, when the kernel has filled the buffer: until then its first 16 bytes
		 * keep the buffer's address and the address of the caller's priority variable. */
		__u64 buf = PT_REGS_PARM2_CORE_SYSCALL(regs);
		__u64 prio_ptr = PT_REGS_PARM4_CORE_SYSCALL(regs);
		__builtin_memcpy(e->payload, &buf, sizeof(buf));
		__builtin_memcpy(e->payload + 8, &prio_ptr, sizeof(prio_ptr));
		e->prio = 0;
	}
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(mqrec_exit, struct pt_regs *regs, long ret)
{
	long id = SYSCALL_NR(regs);
	if (id != NR_MQ_TIMEDSEND && id != NR_MQ_TIMEDRECEIVE)
		return 0;
	struct mqrec_event *e = bpf_task_storage_get(&inflight, bpf_get_current_task_btf(), 0, 0);
	if (!e || e->call == 0)
		return 0;
	e->t_exit = bpf_ktime_get_ns();
	e->result = ret;
	if (e->call == MQREC_CALL_RECEIVE) {
		__u64 buf = 0, prio_ptr = 0;
		__builtin_memcpy(&buf, e->payload, sizeof(buf));
		__builtin_memcpy(&prio_ptr, e->payload + 8, sizeof(prio_ptr));
		e->payload_len = 0;
		if (ret >= 0) {
			unsigned int prio = 0;
			if (prio_ptr && bpf_probe_read_user(&prio, sizeof(prio), (const void *)prio_ptr) == 0)
				e->prio = prio;
			copy_payload(e, (const void *)buf, (unsigned long long)ret);
		}
	}
	__u64 size = MQREC_HEAD_SIZE + (e->payload_len & (MQREC_PAYLOAD_MAX * 2 - 1));
	if (size > sizeof(*e))
		size = sizeof(*e);
	/* Waking the reader for every event would cost a context switch per call: it is woken only once a quarter
	 * of the ring is filled, and otherwise finds the events at its next poll (every 50 ms). */
	__u64 flags = bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA) >= RING_WAKE ? BPF_RB_FORCE_WAKEUP : BPF_RB_NO_WAKEUP;
	if (bpf_ringbuf_output(&events, e, size, flags) != 0) {
		__u32 zero = 0;
		__u64 *n = bpf_map_lookup_elem(&lost, &zero);
		if (n)
			__sync_fetch_and_add(n, 1);
	}
	e->call = 0;
	return 0;
}
