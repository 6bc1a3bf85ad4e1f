/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* perf_event_open(2) ABI: event attributes, ioctls, the mmap'ed ring */
/* buffer control page and record types (Linux 6.18). */
#ifndef BPFMAP_UAPI_LINUX_PERF_EVENT_H
#define BPFMAP_UAPI_LINUX_PERF_EVENT_H

#include <linux/types.h>
#include <sys/ioctl.h>	/* _IO, _IOR, _IOW, _IOWR: their encoding is per arch */

/* ---- Event selection ------------------------------------------------- */

/* perf_event_attr.type; dynamic PMUs use the number found in sysfs. */
enum perf_type_id {
	PERF_TYPE_HARDWARE	= 0,
	PERF_TYPE_SOFTWARE	= 1,
	PERF_TYPE_TRACEPOINT	= 2,
	PERF_TYPE_HW_CACHE	= 3,
	PERF_TYPE_RAW		= 4,
	PERF_TYPE_BREAKPOINT	= 5,
	PERF_TYPE_MAX		= 6,
};

/* An extended hardware config may carry a PMU type in its top 32 bits. */
#define PERF_PMU_TYPE_SHIFT	32
#define PERF_HW_EVENT_MASK	0xffffffff

/* config of PERF_TYPE_HARDWARE. */
enum perf_hw_id {
	PERF_COUNT_HW_CPU_CYCLES		= 0,
	PERF_COUNT_HW_INSTRUCTIONS		= 1,
	PERF_COUNT_HW_CACHE_REFERENCES		= 2,
	PERF_COUNT_HW_CACHE_MISSES		= 3,
	PERF_COUNT_HW_BRANCH_INSTRUCTIONS	= 4,
	PERF_COUNT_HW_BRANCH_MISSES		= 5,
	PERF_COUNT_HW_BUS_CYCLES		= 6,
	PERF_COUNT_HW_STALLED_CYCLES_FRONTEND	= 7,
	PERF_COUNT_HW_STALLED_CYCLES_BACKEND	= 8,
	PERF_COUNT_HW_REF_CPU_CYCLES		= 9,
	PERF_COUNT_HW_MAX			= 10,
};

/* config of PERF_TYPE_HW_CACHE: id | (op << 8) | (result << 16). */
enum perf_hw_cache_id {
	PERF_COUNT_HW_CACHE_L1D		= 0,
	PERF_COUNT_HW_CACHE_L1I		= 1,
	PERF_COUNT_HW_CACHE_LL		= 2,
	PERF_COUNT_HW_CACHE_DTLB	= 3,
	PERF_COUNT_HW_CACHE_ITLB	= 4,
	PERF_COUNT_HW_CACHE_BPU		= 5,
	PERF_COUNT_HW_CACHE_NODE	= 6,
	PERF_COUNT_HW_CACHE_MAX		= 7,
};

enum perf_hw_cache_op_id {
	PERF_COUNT_HW_CACHE_OP_READ	= 0,
	PERF_COUNT_HW_CACHE_OP_WRITE	= 1,
	PERF_COUNT_HW_CACHE_OP_PREFETCH	= 2,
	PERF_COUNT_HW_CACHE_OP_MAX	= 3,
};

enum perf_hw_cache_op_result_id {
	PERF_COUNT_HW_CACHE_RESULT_ACCESS	= 0,
	PERF_COUNT_HW_CACHE_RESULT_MISS		= 1,
	PERF_COUNT_HW_CACHE_RESULT_MAX		= 2,
};

/* config of PERF_TYPE_SOFTWARE. */
enum perf_sw_ids {
	PERF_COUNT_SW_CPU_CLOCK		= 0,
	PERF_COUNT_SW_TASK_CLOCK	= 1,
	PERF_COUNT_SW_PAGE_FAULTS	= 2,
	PERF_COUNT_SW_CONTEXT_SWITCHES	= 3,
	PERF_COUNT_SW_CPU_MIGRATIONS	= 4,
	PERF_COUNT_SW_PAGE_FAULTS_MIN	= 5,
	PERF_COUNT_SW_PAGE_FAULTS_MAJ	= 6,
	PERF_COUNT_SW_ALIGNMENT_FAULTS	= 7,
	PERF_COUNT_SW_EMULATION_FAULTS	= 8,
	PERF_COUNT_SW_DUMMY		= 9,
	PERF_COUNT_SW_BPF_OUTPUT	= 10,
	PERF_COUNT_SW_CGROUP_SWITCHES	= 11,
	PERF_COUNT_SW_MAX		= 12,
};

/* perf_event_attr.sample_type: what each PERF_RECORD_SAMPLE carries. */
enum perf_event_sample_format {
	PERF_SAMPLE_IP			= (1U << 0),
	PERF_SAMPLE_TID			= (1U << 1),
	PERF_SAMPLE_TIME		= (1U << 2),
	PERF_SAMPLE_ADDR		= (1U << 3),
	PERF_SAMPLE_READ		= (1U << 4),
	PERF_SAMPLE_CALLCHAIN		= (1U << 5),
	PERF_SAMPLE_ID			= (1U << 6),
	PERF_SAMPLE_CPU			= (1U << 7),
	PERF_SAMPLE_PERIOD		= (1U << 8),
	PERF_SAMPLE_STREAM_ID		= (1U << 9),
	PERF_SAMPLE_RAW			= (1U << 10),
	PERF_SAMPLE_BRANCH_STACK	= (1U << 11),
	PERF_SAMPLE_REGS_USER		= (1U << 12),
	PERF_SAMPLE_STACK_USER		= (1U << 13),
	PERF_SAMPLE_WEIGHT		= (1U << 14),
	PERF_SAMPLE_DATA_SRC		= (1U << 15),
	PERF_SAMPLE_IDENTIFIER		= (1U << 16),
	PERF_SAMPLE_TRANSACTION		= (1U << 17),
	PERF_SAMPLE_REGS_INTR		= (1U << 18),
	PERF_SAMPLE_PHYS_ADDR		= (1U << 19),
	PERF_SAMPLE_AUX			= (1U << 20),
	PERF_SAMPLE_CGROUP		= (1U << 21),
	PERF_SAMPLE_DATA_PAGE_SIZE	= (1U << 22),
	PERF_SAMPLE_CODE_PAGE_SIZE	= (1U << 23),
	PERF_SAMPLE_WEIGHT_STRUCT	= (1U << 24),
	PERF_SAMPLE_MAX			= (1U << 25),
};

#define PERF_SAMPLE_WEIGHT_TYPE	(PERF_SAMPLE_WEIGHT | PERF_SAMPLE_WEIGHT_STRUCT)

/* perf_event_attr.branch_sample_type, as bit numbers and as masks. */
enum perf_branch_sample_type_shift {
	PERF_SAMPLE_BRANCH_USER_SHIFT		= 0,
	PERF_SAMPLE_BRANCH_KERNEL_SHIFT		= 1,
	PERF_SAMPLE_BRANCH_HV_SHIFT		= 2,
	PERF_SAMPLE_BRANCH_ANY_SHIFT		= 3,
	PERF_SAMPLE_BRANCH_ANY_CALL_SHIFT	= 4,
	PERF_SAMPLE_BRANCH_ANY_RETURN_SHIFT	= 5,
	PERF_SAMPLE_BRANCH_IND_CALL_SHIFT	= 6,
	PERF_SAMPLE_BRANCH_ABORT_TX_SHIFT	= 7,
	PERF_SAMPLE_BRANCH_IN_TX_SHIFT		= 8,
	PERF_SAMPLE_BRANCH_NO_TX_SHIFT		= 9,
	PERF_SAMPLE_BRANCH_COND_SHIFT		= 10,
	PERF_SAMPLE_BRANCH_CALL_STACK_SHIFT	= 11,
	PERF_SAMPLE_BRANCH_IND_JUMP_SHIFT	= 12,
	PERF_SAMPLE_BRANCH_CALL_SHIFT		= 13,
	PERF_SAMPLE_BRANCH_NO_FLAGS_SHIFT	= 14,
	PERF_SAMPLE_BRANCH_NO_CYCLES_SHIFT	= 15,
	PERF_SAMPLE_BRANCH_TYPE_SAVE_SHIFT	= 16,
	PERF_SAMPLE_BRANCH_HW_INDEX_SHIFT	= 17,
	PERF_SAMPLE_BRANCH_PRIV_SAVE_SHIFT	= 18,
	PERF_SAMPLE_BRANCH_COUNTERS_SHIFT	= 19,
	PERF_SAMPLE_BRANCH_MAX_SHIFT		= 20,
};

enum perf_branch_sample_type {
	PERF_SAMPLE_BRANCH_USER		= (1U << 0),
	PERF_SAMPLE_BRANCH_KERNEL	= (1U << 1),
	PERF_SAMPLE_BRANCH_HV		= (1U << 2),
	PERF_SAMPLE_BRANCH_ANY		= (1U << 3),
	PERF_SAMPLE_BRANCH_ANY_CALL	= (1U << 4),
	PERF_SAMPLE_BRANCH_ANY_RETURN	= (1U << 5),
	PERF_SAMPLE_BRANCH_IND_CALL	= (1U << 6),
	PERF_SAMPLE_BRANCH_ABORT_TX	= (1U << 7),
	PERF_SAMPLE_BRANCH_IN_TX	= (1U << 8),
	PERF_SAMPLE_BRANCH_NO_TX	= (1U << 9),
	PERF_SAMPLE_BRANCH_COND		= (1U << 10),
	PERF_SAMPLE_BRANCH_CALL_STACK	= (1U << 11),
	PERF_SAMPLE_BRANCH_IND_JUMP	= (1U << 12),
	PERF_SAMPLE_BRANCH_CALL		= (1U << 13),
	PERF_SAMPLE_BRANCH_NO_FLAGS	= (1U << 14),
	PERF_SAMPLE_BRANCH_NO_CYCLES	= (1U << 15),
	PERF_SAMPLE_BRANCH_TYPE_SAVE	= (1U << 16),
	PERF_SAMPLE_BRANCH_HW_INDEX	= (1U << 17),
	PERF_SAMPLE_BRANCH_PRIV_SAVE	= (1U << 18),
	PERF_SAMPLE_BRANCH_COUNTERS	= (1U << 19),
	PERF_SAMPLE_BRANCH_MAX		= (1U << 20),
};

#define PERF_SAMPLE_BRANCH_PLM_ALL \
	(PERF_SAMPLE_BRANCH_USER | PERF_SAMPLE_BRANCH_KERNEL | PERF_SAMPLE_BRANCH_HV)

/* ABI of the registers dumped with PERF_SAMPLE_REGS_USER / _INTR. */
enum perf_sample_regs_abi {
	PERF_SAMPLE_REGS_ABI_NONE	= 0,
	PERF_SAMPLE_REGS_ABI_32		= 1,
	PERF_SAMPLE_REGS_ABI_64		= 2,
};

/* perf_event_attr.read_format: layout of read(2) on the event fd. */
enum perf_event_read_format {
	PERF_FORMAT_TOTAL_TIME_ENABLED	= (1U << 0),
	PERF_FORMAT_TOTAL_TIME_RUNNING	= (1U << 1),
	PERF_FORMAT_ID			= (1U << 2),
	PERF_FORMAT_GROUP		= (1U << 3),
	PERF_FORMAT_LOST		= (1U << 4),
	PERF_FORMAT_MAX			= (1U << 5),
};

/* Sizes of struct perf_event_attr as it grew; attr.size names one. */
#define PERF_ATTR_SIZE_VER0	64	/* first version */
#define PERF_ATTR_SIZE_VER1	72	/* + config2 */
#define PERF_ATTR_SIZE_VER2	80	/* + branch_sample_type */
#define PERF_ATTR_SIZE_VER3	96	/* + sample_regs_user, sample_stack_user */
#define PERF_ATTR_SIZE_VER4	104	/* + sample_regs_intr */
#define PERF_ATTR_SIZE_VER5	112	/* + aux_watermark */
#define PERF_ATTR_SIZE_VER6	120	/* + aux_sample_size */
#define PERF_ATTR_SIZE_VER7	128	/* + sig_data */
#define PERF_ATTR_SIZE_VER8	136	/* + config3 */

/* ---- struct perf_event_attr ------------------------------------------ */

struct perf_event_attr {
	__u32	type;			/* enum perf_type_id or a PMU's type */
	__u32	size;			/* sizeof(struct perf_event_attr) */
	__u64	config;

	union {
		__u64	sample_period;
		__u64	sample_freq;	/* when freq is set */
	};

	__u64	sample_type;		/* PERF_SAMPLE_* */
	__u64	read_format;		/* PERF_FORMAT_* */

	__u64	disabled		:  1,	/* start disabled */
		inherit			:  1,	/* children inherit it */
		pinned			:  1,	/* must always be on the PMU */
		exclusive		:  1,	/* only group on the PMU */
		exclude_user		:  1,
		exclude_kernel		:  1,
		exclude_hv		:  1,
		exclude_idle		:  1,
		mmap			:  1,	/* PERF_RECORD_MMAP records */
		comm			:  1,	/* PERF_RECORD_COMM records */
		freq			:  1,	/* sample_freq, not period */
		inherit_stat		:  1,
		enable_on_exec		:  1,
		task			:  1,	/* fork/exit records */
		watermark		:  1,	/* wakeup_watermark in use */
		precise_ip		:  2,	/* skid constraint, 0..3 */
		mmap_data		:  1,	/* non-exec mmap records */
		sample_id_all		:  1,
		exclude_host		:  1,
		exclude_guest		:  1,
		exclude_callchain_kernel :  1,
		exclude_callchain_user	:  1,
		mmap2			:  1,
		comm_exec		:  1,
		use_clockid		:  1,
		context_switch		:  1,
		write_backward		:  1,
		namespaces		:  1,
		ksymbol			:  1,
		bpf_event		:  1,
		aux_output		:  1,
		cgroup			:  1,
		text_poke		:  1,
		build_id		:  1,
		inherit_thread		:  1,
		remove_on_exec		:  1,
		sigtrap			:  1,
		__reserved_1		: 26;

	union {
		__u32	wakeup_events;		/* every n events */
		__u32	wakeup_watermark;	/* bytes before a wakeup */
	};

	__u32	bp_type;
	union {
		__u64	bp_addr;
		__u64	kprobe_func;		/* for perf_kprobe */
		__u64	uprobe_path;		/* for perf_uprobe */
		__u64	config1;
	};
	union {
		__u64	bp_len;
		__u64	kprobe_addr;		/* when kprobe_func is NULL */
		__u64	probe_offset;		/* for perf_[k,u]probe */
		__u64	config2;
	};
	__u64	branch_sample_type;		/* PERF_SAMPLE_BRANCH_* */
	__u64	sample_regs_user;
	__u32	sample_stack_user;
	__s32	clockid;
	__u64	sample_regs_intr;
	__u32	aux_watermark;
	__u16	sample_max_stack;
	__u16	__reserved_2;
	__u32	aux_sample_size;

	union {
		__u32	aux_action;
		struct {
			__u32	aux_start_paused :  1,
				aux_pause	 :  1,
				aux_resume	 :  1,
				__reserved_3	 : 29;
		};
	};

	__u64	sig_data;		/* si_perf of the SIGTRAP */
	__u64	config3;
};

/* Argument of PERF_EVENT_IOC_QUERY_BPF. */
struct perf_event_query_bpf {
	__u32	ids_len;		/* room in ids[] */
	__u32	prog_cnt;		/* out: programs attached */
	__u32	ids[];
};

/* ---- ioctls on an event fd -------------------------------------------- */

#define PERF_EVENT_IOC_ENABLE		_IO('$', 0)
#define PERF_EVENT_IOC_DISABLE		_IO('$', 1)
#define PERF_EVENT_IOC_REFRESH		_IO('$', 2)
#define PERF_EVENT_IOC_RESET		_IO('$', 3)
#define PERF_EVENT_IOC_PERIOD		_IOW('$', 4, __u64)
#define PERF_EVENT_IOC_SET_OUTPUT	_IO('$', 5)
#define PERF_EVENT_IOC_SET_FILTER	_IOW('$', 6, char *)
#define PERF_EVENT_IOC_ID		_IOR('$', 7, __u64 *)
#define PERF_EVENT_IOC_SET_BPF		_IOW('$', 8, __u32)
#define PERF_EVENT_IOC_PAUSE_OUTPUT	_IOW('$', 9, __u32)
#define PERF_EVENT_IOC_QUERY_BPF	_IOWR('$', 10, struct perf_event_query_bpf *)
#define PERF_EVENT_IOC_MODIFY_ATTRIBUTES _IOW('$', 11, struct perf_event_attr *)

/* Argument of ENABLE, DISABLE, RESET and REFRESH: act on the group. */
enum perf_event_ioc_flags {
	PERF_IOC_FLAG_GROUP	= 1U << 0,
};

/* ---- The first page of the mmap'ed ring buffer ------------------------ */

struct perf_event_mmap_page {
	__u32	version;
	__u32	compat_version;

	/* Self-monitoring: seqlock over the fields up to time_mask. */
	__u32	lock;
	__u32	index;			/* hardware counter number + 1, or 0 */
	__s64	offset;
	__u64	time_enabled;
	__u64	time_running;
	union {
		__u64	capabilities;
		struct {
			__u64	cap_bit0		:  1,
				cap_bit0_is_deprecated	:  1,
				cap_user_rdpmc		:  1,
				cap_user_time		:  1,
				cap_user_time_zero	:  1,
				cap_user_time_short	:  1,
				cap_____res		: 58;
		};
	};
	__u16	pmc_width;
	__u16	time_shift;
	__u32	time_mult;
	__u64	time_offset;
	__u64	time_zero;
	__u32	size;			/* bytes of this header in use */
	__u32	__reserved_1;
	__u64	time_cycles;
	__u64	time_mask;

	/* Pads the control fields below to offset 1024. */
	__u8	__reserved[116 * 8];

	/*
	 * Data ring.  Read data_head, then issue a read barrier before
	 * reading records; write data_tail (after a full barrier) to give
	 * space back to the kernel.
	 */
	__u64	data_head;
	__u64	data_tail;
	__u64	data_offset;		/* ring start, from page start */
	__u64	data_size;

	/* AUX area, mapped separately at aux_offset. */
	__u64	aux_head;
	__u64	aux_tail;
	__u64	aux_offset;
	__u64	aux_size;
};

/* ---- Records in the ring ---------------------------------------------- */

struct perf_event_header {
	__u32	type;			/* enum perf_event_type */
	__u16	misc;			/* PERF_RECORD_MISC_* */
	__u16	size;			/* of the whole record, header included */
};

#define PERF_RECORD_MISC_CPUMODE_MASK		(7 << 0)
#define PERF_RECORD_MISC_CPUMODE_UNKNOWN	(0 << 0)
#define PERF_RECORD_MISC_KERNEL			(1 << 0)
#define PERF_RECORD_MISC_USER			(2 << 0)
#define PERF_RECORD_MISC_HYPERVISOR		(3 << 0)
#define PERF_RECORD_MISC_GUEST_KERNEL		(4 << 0)
#define PERF_RECORD_MISC_GUEST_USER		(5 << 0)
#define PERF_RECORD_MISC_PROC_MAP_PARSE_TIMEOUT	(1 << 12)
/* Bit 13 means different things for different record types. */
#define PERF_RECORD_MISC_MMAP_DATA		(1 << 13)
#define PERF_RECORD_MISC_COMM_EXEC		(1 << 13)
#define PERF_RECORD_MISC_FORK_EXEC		(1 << 13)
#define PERF_RECORD_MISC_SWITCH_OUT		(1 << 13)
/* So does bit 14. */
#define PERF_RECORD_MISC_EXACT_IP		(1 << 14)
#define PERF_RECORD_MISC_SWITCH_OUT_PREEMPT	(1 << 14)
#define PERF_RECORD_MISC_MMAP_BUILD_ID		(1 << 14)
#define PERF_RECORD_MISC_EXT_RESERVED		(1 << 15)

/*
 * perf_event_header.type.  PERF_RECORD_SAMPLE carries the fields chosen by
 * sample_type in bit order; for BPF output that is a u32 size followed by
 * the raw data (PERF_SAMPLE_RAW).
 */
enum perf_event_type {
	PERF_RECORD_MMAP		= 1,
	PERF_RECORD_LOST		= 2,
	PERF_RECORD_COMM		= 3,
	PERF_RECORD_EXIT		= 4,
	PERF_RECORD_THROTTLE		= 5,
	PERF_RECORD_UNTHROTTLE		= 6,
	PERF_RECORD_FORK		= 7,
	PERF_RECORD_READ		= 8,
	PERF_RECORD_SAMPLE		= 9,
	PERF_RECORD_MMAP2		= 10,
	PERF_RECORD_AUX			= 11,
	PERF_RECORD_ITRACE_START	= 12,
	PERF_RECORD_LOST_SAMPLES	= 13,
	PERF_RECORD_SWITCH		= 14,
	PERF_RECORD_SWITCH_CPU_WIDE	= 15,
	PERF_RECORD_NAMESPACES		= 16,
	PERF_RECORD_KSYMBOL		= 17,
	PERF_RECORD_BPF_EVENT		= 18,
	PERF_RECORD_CGROUP		= 19,
	PERF_RECORD_TEXT_POKE		= 20,
	PERF_RECORD_AUX_OUTPUT_HW_ID	= 21,
	PERF_RECORD_MAX			= 22,
};

enum perf_record_ksymbol_type {
	PERF_RECORD_KSYMBOL_TYPE_UNKNOWN	= 0,
	PERF_RECORD_KSYMBOL_TYPE_BPF		= 1,
	PERF_RECORD_KSYMBOL_TYPE_OOL		= 2,
	PERF_RECORD_KSYMBOL_TYPE_MAX		= 3,
};

#define PERF_RECORD_KSYMBOL_FLAGS_UNREGISTER	(1 << 0)

enum perf_bpf_event_type {
	PERF_BPF_EVENT_UNKNOWN		= 0,
	PERF_BPF_EVENT_PROG_LOAD	= 1,
	PERF_BPF_EVENT_PROG_UNLOAD	= 2,
	PERF_BPF_EVENT_MAX		= 3,
};

#define PERF_MAX_STACK_DEPTH		127
#define PERF_MAX_CONTEXTS_PER_STACK	8

/*
 * Markers inside a PERF_SAMPLE_CALLCHAIN.  The values are 64-bit, so they
 * are macros here rather than members of an enum.
 */
#define PERF_CONTEXT_HV			((__u64)-32)
#define PERF_CONTEXT_KERNEL		((__u64)-128)
#define PERF_CONTEXT_USER		((__u64)-512)
#define PERF_CONTEXT_GUEST		((__u64)-2048)
#define PERF_CONTEXT_GUEST_KERNEL	((__u64)-2176)
#define PERF_CONTEXT_GUEST_USER		((__u64)-2560)
#define PERF_CONTEXT_MAX		((__u64)-4095)

/* flags of PERF_RECORD_AUX. */
#define PERF_AUX_FLAG_TRUNCATED			0x0001
#define PERF_AUX_FLAG_OVERWRITE			0x0002
#define PERF_AUX_FLAG_PARTIAL			0x0004
#define PERF_AUX_FLAG_COLLISION			0x0008
#define PERF_AUX_FLAG_PMU_FORMAT_TYPE_MASK	0xff00

/* flags argument of perf_event_open(2). */
#define PERF_FLAG_FD_NO_GROUP	(1UL << 0)
#define PERF_FLAG_FD_OUTPUT	(1UL << 1)
#define PERF_FLAG_PID_CGROUP	(1UL << 2)	/* pid is a cgroup fd */
#define PERF_FLAG_FD_CLOEXEC	(1UL << 3)

_Static_assert(__builtin_offsetof(struct perf_event_mmap_page, data_head) == 1024,
	       "perf_event_mmap_page.data_head at 1024");
_Static_assert(sizeof(struct perf_event_attr) == PERF_ATTR_SIZE_VER8,
	       "struct perf_event_attr is PERF_ATTR_SIZE_VER8 bytes");
_Static_assert(sizeof(struct perf_event_header) == 8, "struct perf_event_header is 8 bytes");

#endif /* BPFMAP_UAPI_LINUX_PERF_EVENT_H */
