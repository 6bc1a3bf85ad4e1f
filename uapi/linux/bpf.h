/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* bpf(2) system call ABI: commands, object types, union bpf_attr, */
/* object info records and the eBPF instruction encoding (Linux 6.18). */
#ifndef BPFMAP_UAPI_LINUX_BPF_H
#define BPFMAP_UAPI_LINUX_BPF_H

#include <linux/types.h>

/* ---- Instruction encoding ------------------------------------------- */

/*
 * The low three bits of an opcode select the instruction class.  Classic
 * BPF used classes 6 and 7 for RET and MISC; eBPF reuses them for 32-bit
 * jumps and 64-bit arithmetic.
 */
#define BPF_CLASS(code)	((code) & 0x07)
#define BPF_LD		0x00
#define BPF_LDX		0x01
#define BPF_ST		0x02
#define BPF_STX		0x03
#define BPF_ALU		0x04
#define BPF_JMP		0x05
#define BPF_RET		0x06
#define BPF_MISC	0x07
#define BPF_JMP32	0x06
#define BPF_ALU64	0x07

/* Load/store classes: access width (bits 3-4) and addressing mode (5-7). */
#define BPF_SIZE(code)	((code) & 0x18)
#define BPF_W		0x00
#define BPF_H		0x08
#define BPF_B		0x10
#define BPF_DW		0x18

#define BPF_MODE(code)	((code) & 0xe0)
#define BPF_IMM		0x00
#define BPF_ABS		0x20
#define BPF_IND		0x40
#define BPF_MEM		0x60
#define BPF_LEN		0x80
#define BPF_MSH		0xa0
#define BPF_MEMSX	0x80
#define BPF_ATOMIC	0xc0
#define BPF_XADD	0xc0

/* ALU and JMP classes: operation (bits 4-7) and operand source (bit 3). */
#define BPF_OP(code)	((code) & 0xf0)
#define BPF_ADD		0x00
#define BPF_SUB		0x10
#define BPF_MUL		0x20
#define BPF_DIV		0x30
#define BPF_OR		0x40
#define BPF_AND		0x50
#define BPF_LSH		0x60
#define BPF_RSH		0x70
#define BPF_NEG		0x80
#define BPF_MOD		0x90
#define BPF_XOR		0xa0
#define BPF_MOV		0xb0
#define BPF_ARSH	0xc0
#define BPF_END		0xd0

/* Byte-swap direction, carried in the source bit of BPF_END. */
#define BPF_TO_LE	0x00
#define BPF_TO_BE	0x08
#define BPF_FROM_LE	BPF_TO_LE
#define BPF_FROM_BE	BPF_TO_BE

#define BPF_JA		0x00
#define BPF_JEQ		0x10
#define BPF_JGT		0x20
#define BPF_JGE		0x30
#define BPF_JSET	0x40
#define BPF_JNE		0x50
#define BPF_JSGT	0x60
#define BPF_JSGE	0x70
#define BPF_CALL	0x80
#define BPF_EXIT	0x90
#define BPF_JLT		0xa0
#define BPF_JLE		0xb0
#define BPF_JSLT	0xc0
#define BPF_JSLE	0xd0
#define BPF_JCOND	0xe0

#define BPF_SRC(code)	((code) & 0x08)
#define BPF_K		0x00
#define BPF_X		0x08

/* Classic BPF program length limit. */
#define BPF_MAXINSNS	4096

/* Operations of BPF_STX | BPF_ATOMIC, held in the imm field. */
#define BPF_FETCH	0x01
#define BPF_XCHG	(0xe0 | BPF_FETCH)
#define BPF_CMPXCHG	(0xf0 | BPF_FETCH)
#define BPF_LOAD_ACQ	0x100
#define BPF_STORE_REL	0x110

/* src_reg of a BPF_JMP | BPF_JCOND instruction. */
enum bpf_cond_pseudo_jmp {
	BPF_MAY_GOTO	= 0,
};

/* off of a BPF_ALU64 | BPF_MOV | BPF_X instruction doing an arena cast. */
enum bpf_addr_space_cast {
	BPF_ADDR_SPACE_CAST	= 1,
};

/* Registers: R0 return value, R1-R5 arguments, R6-R9 callee saved, R10 fp. */
enum {
	BPF_REG_0	= 0,
	BPF_REG_1	= 1,
	BPF_REG_2	= 2,
	BPF_REG_3	= 3,
	BPF_REG_4	= 4,
	BPF_REG_5	= 5,
	BPF_REG_6	= 6,
	BPF_REG_7	= 7,
	BPF_REG_8	= 8,
	BPF_REG_9	= 9,
	BPF_REG_10	= 10,
	__MAX_BPF_REG	= 11,
};
#define MAX_BPF_REG	__MAX_BPF_REG

/* One 8-byte eBPF instruction.  BPF_LD | BPF_IMM | BPF_DW takes two. */
struct bpf_insn {
	__u8	code;
	__u8	dst_reg:4;
	__u8	src_reg:4;
	__s16	off;
	__s32	imm;
};

/*
 * Values of src_reg that give the imm of a 64-bit immediate load (or of a
 * call) a special meaning.
 */
#define BPF_PSEUDO_MAP_FD		1	/* imm: map fd */
#define BPF_PSEUDO_MAP_VALUE		2	/* imm: map fd, next imm: offset */
#define BPF_PSEUDO_BTF_ID		3	/* imm: BTF id of a kernel variable */
#define BPF_PSEUDO_FUNC			4	/* imm: insn offset of a subprogram */
#define BPF_PSEUDO_MAP_IDX		5	/* imm: index into fd_array */
#define BPF_PSEUDO_MAP_IDX_VALUE	6	/* as MAP_VALUE, through fd_array */

#define BPF_PSEUDO_CALL			1	/* call of a BPF subprogram */
#define BPF_PSEUDO_KFUNC_CALL		2	/* call of a kernel function */

/* ---- Commands and object types --------------------------------------- */

/* First argument of bpf(2). */
enum bpf_cmd {
	BPF_MAP_CREATE			= 0,
	BPF_MAP_LOOKUP_ELEM		= 1,
	BPF_MAP_UPDATE_ELEM		= 2,
	BPF_MAP_DELETE_ELEM		= 3,
	BPF_MAP_GET_NEXT_KEY		= 4,
	BPF_PROG_LOAD			= 5,
	BPF_OBJ_PIN			= 6,
	BPF_OBJ_GET			= 7,
	BPF_PROG_ATTACH			= 8,
	BPF_PROG_DETACH			= 9,
	BPF_PROG_TEST_RUN		= 10,
	BPF_PROG_RUN			= BPF_PROG_TEST_RUN,
	BPF_PROG_GET_NEXT_ID		= 11,
	BPF_MAP_GET_NEXT_ID		= 12,
	BPF_PROG_GET_FD_BY_ID		= 13,
	BPF_MAP_GET_FD_BY_ID		= 14,
	BPF_OBJ_GET_INFO_BY_FD		= 15,
	BPF_PROG_QUERY			= 16,
	BPF_RAW_TRACEPOINT_OPEN		= 17,
	BPF_BTF_LOAD			= 18,
	BPF_BTF_GET_FD_BY_ID		= 19,
	BPF_TASK_FD_QUERY		= 20,
	BPF_MAP_LOOKUP_AND_DELETE_ELEM	= 21,
	BPF_MAP_FREEZE			= 22,
	BPF_BTF_GET_NEXT_ID		= 23,
	BPF_MAP_LOOKUP_BATCH		= 24,
	BPF_MAP_LOOKUP_AND_DELETE_BATCH	= 25,
	BPF_MAP_UPDATE_BATCH		= 26,
	BPF_MAP_DELETE_BATCH		= 27,
	BPF_LINK_CREATE			= 28,
	BPF_LINK_UPDATE			= 29,
	BPF_LINK_GET_FD_BY_ID		= 30,
	BPF_LINK_GET_NEXT_ID		= 31,
	BPF_ENABLE_STATS		= 32,
	BPF_ITER_CREATE			= 33,
	BPF_LINK_DETACH			= 34,
	BPF_PROG_BIND_MAP		= 35,
	BPF_TOKEN_CREATE		= 36,
	BPF_PROG_STREAM_READ_BY_FD	= 37,
	__MAX_BPF_CMD			= 38,
};

enum bpf_map_type {
	BPF_MAP_TYPE_UNSPEC				= 0,
	BPF_MAP_TYPE_HASH				= 1,
	BPF_MAP_TYPE_ARRAY				= 2,
	BPF_MAP_TYPE_PROG_ARRAY				= 3,
	BPF_MAP_TYPE_PERF_EVENT_ARRAY			= 4,
	BPF_MAP_TYPE_PERCPU_HASH			= 5,
	BPF_MAP_TYPE_PERCPU_ARRAY			= 6,
	BPF_MAP_TYPE_STACK_TRACE			= 7,
	BPF_MAP_TYPE_CGROUP_ARRAY			= 8,
	BPF_MAP_TYPE_LRU_HASH				= 9,
	BPF_MAP_TYPE_LRU_PERCPU_HASH			= 10,
	BPF_MAP_TYPE_LPM_TRIE				= 11,
	BPF_MAP_TYPE_ARRAY_OF_MAPS			= 12,
	BPF_MAP_TYPE_HASH_OF_MAPS			= 13,
	BPF_MAP_TYPE_DEVMAP				= 14,
	BPF_MAP_TYPE_SOCKMAP				= 15,
	BPF_MAP_TYPE_CPUMAP				= 16,
	BPF_MAP_TYPE_XSKMAP				= 17,
	BPF_MAP_TYPE_SOCKHASH				= 18,
	BPF_MAP_TYPE_CGROUP_STORAGE_DEPRECATED		= 19,
	BPF_MAP_TYPE_CGROUP_STORAGE			= BPF_MAP_TYPE_CGROUP_STORAGE_DEPRECATED,
	BPF_MAP_TYPE_REUSEPORT_SOCKARRAY		= 20,
	BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE_DEPRECATED	= 21,
	BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE		=
		BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE_DEPRECATED,
	BPF_MAP_TYPE_QUEUE				= 22,
	BPF_MAP_TYPE_STACK				= 23,
	BPF_MAP_TYPE_SK_STORAGE				= 24,
	BPF_MAP_TYPE_DEVMAP_HASH			= 25,
	BPF_MAP_TYPE_STRUCT_OPS				= 26,
	BPF_MAP_TYPE_RINGBUF				= 27,
	BPF_MAP_TYPE_INODE_STORAGE			= 28,
	BPF_MAP_TYPE_TASK_STORAGE			= 29,
	BPF_MAP_TYPE_BLOOM_FILTER			= 30,
	BPF_MAP_TYPE_USER_RINGBUF			= 31,
	BPF_MAP_TYPE_CGRP_STORAGE			= 32,
	BPF_MAP_TYPE_ARENA				= 33,
	__MAX_BPF_MAP_TYPE				= 34,
};

enum bpf_prog_type {
	BPF_PROG_TYPE_UNSPEC			= 0,
	BPF_PROG_TYPE_SOCKET_FILTER		= 1,
	BPF_PROG_TYPE_KPROBE			= 2,
	BPF_PROG_TYPE_SCHED_CLS			= 3,
	BPF_PROG_TYPE_SCHED_ACT			= 4,
	BPF_PROG_TYPE_TRACEPOINT		= 5,
	BPF_PROG_TYPE_XDP			= 6,
	BPF_PROG_TYPE_PERF_EVENT		= 7,
	BPF_PROG_TYPE_CGROUP_SKB		= 8,
	BPF_PROG_TYPE_CGROUP_SOCK		= 9,
	BPF_PROG_TYPE_LWT_IN			= 10,
	BPF_PROG_TYPE_LWT_OUT			= 11,
	BPF_PROG_TYPE_LWT_XMIT			= 12,
	BPF_PROG_TYPE_SOCK_OPS			= 13,
	BPF_PROG_TYPE_SK_SKB			= 14,
	BPF_PROG_TYPE_CGROUP_DEVICE		= 15,
	BPF_PROG_TYPE_SK_MSG			= 16,
	BPF_PROG_TYPE_RAW_TRACEPOINT		= 17,
	BPF_PROG_TYPE_CGROUP_SOCK_ADDR		= 18,
	BPF_PROG_TYPE_LWT_SEG6LOCAL		= 19,
	BPF_PROG_TYPE_LIRC_MODE2		= 20,
	BPF_PROG_TYPE_SK_REUSEPORT		= 21,
	BPF_PROG_TYPE_FLOW_DISSECTOR		= 22,
	BPF_PROG_TYPE_CGROUP_SYSCTL		= 23,
	BPF_PROG_TYPE_RAW_TRACEPOINT_WRITABLE	= 24,
	BPF_PROG_TYPE_CGROUP_SOCKOPT		= 25,
	BPF_PROG_TYPE_TRACING			= 26,
	BPF_PROG_TYPE_STRUCT_OPS		= 27,
	BPF_PROG_TYPE_EXT			= 28,
	BPF_PROG_TYPE_LSM			= 29,
	BPF_PROG_TYPE_SK_LOOKUP			= 30,
	BPF_PROG_TYPE_SYSCALL			= 31,
	BPF_PROG_TYPE_NETFILTER			= 32,
	__MAX_BPF_PROG_TYPE			= 33,
};

enum bpf_attach_type {
	BPF_CGROUP_INET_INGRESS			= 0,
	BPF_CGROUP_INET_EGRESS			= 1,
	BPF_CGROUP_INET_SOCK_CREATE		= 2,
	BPF_CGROUP_SOCK_OPS			= 3,
	BPF_SK_SKB_STREAM_PARSER		= 4,
	BPF_SK_SKB_STREAM_VERDICT		= 5,
	BPF_CGROUP_DEVICE			= 6,
	BPF_SK_MSG_VERDICT			= 7,
	BPF_CGROUP_INET4_BIND			= 8,
	BPF_CGROUP_INET6_BIND			= 9,
	BPF_CGROUP_INET4_CONNECT		= 10,
	BPF_CGROUP_INET6_CONNECT		= 11,
	BPF_CGROUP_INET4_POST_BIND		= 12,
	BPF_CGROUP_INET6_POST_BIND		= 13,
	BPF_CGROUP_UDP4_SENDMSG			= 14,
	BPF_CGROUP_UDP6_SENDMSG			= 15,
	BPF_LIRC_MODE2				= 16,
	BPF_FLOW_DISSECTOR			= 17,
	BPF_CGROUP_SYSCTL			= 18,
	BPF_CGROUP_UDP4_RECVMSG			= 19,
	BPF_CGROUP_UDP6_RECVMSG			= 20,
	BPF_CGROUP_GETSOCKOPT			= 21,
	BPF_CGROUP_SETSOCKOPT			= 22,
	BPF_TRACE_RAW_TP			= 23,
	BPF_TRACE_FENTRY			= 24,
	BPF_TRACE_FEXIT				= 25,
	BPF_MODIFY_RETURN			= 26,
	BPF_LSM_MAC				= 27,
	BPF_TRACE_ITER				= 28,
	BPF_CGROUP_INET4_GETPEERNAME		= 29,
	BPF_CGROUP_INET6_GETPEERNAME		= 30,
	BPF_CGROUP_INET4_GETSOCKNAME		= 31,
	BPF_CGROUP_INET6_GETSOCKNAME		= 32,
	BPF_XDP_DEVMAP				= 33,
	BPF_CGROUP_INET_SOCK_RELEASE		= 34,
	BPF_XDP_CPUMAP				= 35,
	BPF_SK_LOOKUP				= 36,
	BPF_XDP					= 37,
	BPF_SK_SKB_VERDICT			= 38,
	BPF_SK_REUSEPORT_SELECT			= 39,
	BPF_SK_REUSEPORT_SELECT_OR_MIGRATE	= 40,
	BPF_PERF_EVENT				= 41,
	BPF_TRACE_KPROBE_MULTI			= 42,
	BPF_LSM_CGROUP				= 43,
	BPF_STRUCT_OPS				= 44,
	BPF_NETFILTER				= 45,
	BPF_TCX_INGRESS				= 46,
	BPF_TCX_EGRESS				= 47,
	BPF_TRACE_UPROBE_MULTI			= 48,
	BPF_CGROUP_UNIX_CONNECT			= 49,
	BPF_CGROUP_UNIX_SENDMSG			= 50,
	BPF_CGROUP_UNIX_RECVMSG			= 51,
	BPF_CGROUP_UNIX_GETPEERNAME		= 52,
	BPF_CGROUP_UNIX_GETSOCKNAME		= 53,
	BPF_NETKIT_PRIMARY			= 54,
	BPF_NETKIT_PEER				= 55,
	BPF_TRACE_KPROBE_SESSION		= 56,
	BPF_TRACE_UPROBE_SESSION		= 57,
	__MAX_BPF_ATTACH_TYPE			= 58,
};
#define MAX_BPF_ATTACH_TYPE	__MAX_BPF_ATTACH_TYPE

enum bpf_link_type {
	BPF_LINK_TYPE_UNSPEC		= 0,
	BPF_LINK_TYPE_RAW_TRACEPOINT	= 1,
	BPF_LINK_TYPE_TRACING		= 2,
	BPF_LINK_TYPE_CGROUP		= 3,
	BPF_LINK_TYPE_ITER		= 4,
	BPF_LINK_TYPE_NETNS		= 5,
	BPF_LINK_TYPE_XDP		= 6,
	BPF_LINK_TYPE_PERF_EVENT	= 7,
	BPF_LINK_TYPE_KPROBE_MULTI	= 8,
	BPF_LINK_TYPE_STRUCT_OPS	= 9,
	BPF_LINK_TYPE_NETFILTER		= 10,
	BPF_LINK_TYPE_TCX		= 11,
	BPF_LINK_TYPE_UPROBE_MULTI	= 12,
	BPF_LINK_TYPE_NETKIT		= 13,
	BPF_LINK_TYPE_SOCKMAP		= 14,
	__MAX_BPF_LINK_TYPE		= 15,
};
#define MAX_BPF_LINK_TYPE	__MAX_BPF_LINK_TYPE

/* Argument of BPF_ENABLE_STATS. */
enum bpf_stats_type {
	BPF_STATS_RUN_TIME	= 0,
};

/* ---- Flags ----------------------------------------------------------- */

/* BPF_MAP_UPDATE_ELEM / lookup flags. */
enum {
	BPF_ANY		= 0,	/* create or replace */
	BPF_NOEXIST	= 1,	/* create only */
	BPF_EXIST	= 2,	/* replace only */
	BPF_F_LOCK	= 4,	/* take the value's bpf_spin_lock */
};

/* map_flags of BPF_MAP_CREATE (some also serve OBJ_GET and PROG_LOAD). */
enum {
	BPF_F_NO_PREALLOC	= (1U << 0),
	BPF_F_NO_COMMON_LRU	= (1U << 1),
	BPF_F_NUMA_NODE		= (1U << 2),
	BPF_F_RDONLY		= (1U << 3),	/* user space may not write */
	BPF_F_WRONLY		= (1U << 4),	/* user space may not read */
	BPF_F_STACK_BUILD_ID	= (1U << 5),
	BPF_F_ZERO_SEED		= (1U << 6),
	BPF_F_RDONLY_PROG	= (1U << 7),	/* programs may not write */
	BPF_F_WRONLY_PROG	= (1U << 8),	/* programs may not read */
	BPF_F_CLONE		= (1U << 9),
	BPF_F_MMAPABLE		= (1U << 10),
	BPF_F_PRESERVE_ELEMS	= (1U << 11),
	BPF_F_INNER_MAP		= (1U << 12),
	BPF_F_LINK		= (1U << 13),
	BPF_F_PATH_FD		= (1U << 14),	/* OBJ_PIN/OBJ_GET: use path_fd */
	BPF_F_VTYPE_BTF_OBJ_FD	= (1U << 15),
	BPF_F_TOKEN_FD		= (1U << 16),	/* a BPF token fd is passed */
	BPF_F_SEGV_ON_FAULT	= (1U << 17),
	BPF_F_NO_USER_CONV	= (1U << 18),
};
/* The kernel also makes BPF_F_LINK testable with #ifdef. */
#define BPF_F_LINK		BPF_F_LINK

/* attach_flags of BPF_PROG_ATTACH and BPF_LINK_CREATE. */
#define BPF_F_ALLOW_OVERRIDE	(1U << 0)
#define BPF_F_ALLOW_MULTI	(1U << 1)
#define BPF_F_REPLACE		(1U << 2)
#define BPF_F_BEFORE		(1U << 3)
#define BPF_F_AFTER		(1U << 4)
#define BPF_F_ID		(1U << 5)
#define BPF_F_PREORDER		(1U << 6)

/* prog_flags of BPF_PROG_LOAD. */
#define BPF_F_STRICT_ALIGNMENT		(1U << 0)
#define BPF_F_ANY_ALIGNMENT		(1U << 1)
#define BPF_F_TEST_RND_HI32		(1U << 2)
#define BPF_F_TEST_STATE_FREQ		(1U << 3)
#define BPF_F_SLEEPABLE			(1U << 4)
#define BPF_F_XDP_HAS_FRAGS		(1U << 5)
#define BPF_F_XDP_DEV_BOUND_ONLY	(1U << 6)
#define BPF_F_TEST_REG_INVARIANTS	(1U << 7)

/* link_create.kprobe_multi.flags and link_create.uprobe_multi.flags. */
enum {
	BPF_F_KPROBE_MULTI_RETURN	= (1U << 0),
};
enum {
	BPF_F_UPROBE_MULTI_RETURN	= (1U << 0),
};

/* link_create.netfilter.flags. */
#define BPF_F_NETFILTER_IP_DEFRAG	(1U << 0)

/* query.query_flags of BPF_PROG_QUERY. */
#define BPF_F_QUERY_EFFECTIVE	(1U << 0)

/* test.flags of BPF_PROG_TEST_RUN. */
#define BPF_F_TEST_RUN_ON_CPU			(1U << 0)
#define BPF_F_TEST_XDP_LIVE_FRAMES		(1U << 1)
#define BPF_F_TEST_SKB_CHECKSUM_COMPLETE	(1U << 2)

/*
 * Flags of bpf_perf_event_output() and friends.  These do not fit in an
 * int, so they are macros here rather than enumerators.
 */
#define BPF_F_INDEX_MASK	0xffffffffULL
#define BPF_F_CURRENT_CPU	BPF_F_INDEX_MASK
#define BPF_F_CTXLEN_MASK	(0xfffffULL << 32)

/* Ring buffer record header (BPF_MAP_TYPE_RINGBUF, USER_RINGBUF). */
#define BPF_RINGBUF_BUSY_BIT	(1U << 31)	/* record not yet committed */
#define BPF_RINGBUF_DISCARD_BIT	(1U << 30)	/* record was discarded */
#define BPF_RINGBUF_HDR_SZ	8		/* u32 length+flags, u32 pad */

/* Flags of bpf_ringbuf_output/submit/discard(). */
enum {
	BPF_RB_NO_WAKEUP	= (1U << 0),
	BPF_RB_FORCE_WAKEUP	= (1U << 1),
};

/* Selector of bpf_ringbuf_query(). */
enum {
	BPF_RB_AVAIL_DATA	= 0,
	BPF_RB_RING_SIZE	= 1,
	BPF_RB_CONS_POS		= 2,
	BPF_RB_PROD_POS		= 3,
};

/* Return codes of XDP programs. */
enum xdp_action {
	XDP_ABORTED	= 0,
	XDP_DROP	= 1,
	XDP_PASS	= 2,
	XDP_TX		= 3,
	XDP_REDIRECT	= 4,
};

/* statfs() f_type of bpffs; the kernel keeps it in <linux/magic.h>. */
#include <linux/magic.h>

#define BPF_OBJ_NAME_LEN	16U
#define BPF_TAG_SIZE		8
#define BPF_BUILD_ID_SIZE	20

/* stream_id of BPF_PROG_STREAM_READ_BY_FD. */
enum {
	BPF_STREAM_STDOUT	= 1,
	BPF_STREAM_STDERR	= 2,
};

/* ---- union bpf_attr -------------------------------------------------- */

/*
 * Third argument of bpf(2): one member per command (or command family).
 * Every user-space pointer travels as an 8-byte aligned u64.  The kernel
 * accepts a shorter size as long as it covers the fields in use, and
 * rejects a longer one whose extra bytes are not all zero.
 */
union bpf_attr {
	struct {	/* BPF_MAP_CREATE */
		__u32	map_type;		/* enum bpf_map_type */
		__u32	key_size;
		__u32	value_size;
		__u32	max_entries;
		__u32	map_flags;		/* BPF_F_NO_PREALLOC, ... */
		__u32	inner_map_fd;		/* template of a map-in-map */
		__u32	numa_node;		/* with BPF_F_NUMA_NODE */
		char	map_name[BPF_OBJ_NAME_LEN];
		__u32	map_ifindex;		/* device for offload */
		__u32	btf_fd;
		__u32	btf_key_type_id;
		__u32	btf_value_type_id;
		__u32	btf_vmlinux_value_type_id;	/* struct_ops */
		__aligned_u64	map_extra;	/* bloom filter hashes, arena */
		__s32	value_type_btf_obj_fd;	/* with BPF_F_VTYPE_BTF_OBJ_FD */
		__s32	map_token_fd;		/* with BPF_F_TOKEN_FD */
		__aligned_u64	excl_prog_hash;	/* SHA-256 of the only user */
		__u32	excl_prog_hash_size;
	};

	struct {	/* BPF_MAP_*_ELEM, BPF_MAP_GET_NEXT_KEY */
		__u32		map_fd;
		__aligned_u64	key;
		union {
			__aligned_u64	value;
			__aligned_u64	next_key;
		};
		__aligned_u64	flags;		/* BPF_ANY, ..., BPF_F_LOCK */
	};

	struct {	/* BPF_MAP_*_BATCH */
		__aligned_u64	in_batch;	/* resume token, NULL at start */
		__aligned_u64	out_batch;	/* where to store next token */
		__aligned_u64	keys;
		__aligned_u64	values;
		__u32		count;		/* in: room, out: done */
		__u32		map_fd;
		__aligned_u64	elem_flags;
		__aligned_u64	flags;
	} batch;

	struct {	/* BPF_PROG_LOAD */
		__u32		prog_type;	/* enum bpf_prog_type */
		__u32		insn_cnt;
		__aligned_u64	insns;
		__aligned_u64	license;
		__u32		log_level;
		__u32		log_size;
		__aligned_u64	log_buf;
		__u32		kern_version;
		__u32		prog_flags;
		char		prog_name[BPF_OBJ_NAME_LEN];
		__u32		prog_ifindex;
		__u32		expected_attach_type;
		__u32		prog_btf_fd;
		__u32		func_info_rec_size;
		__aligned_u64	func_info;
		__u32		func_info_cnt;
		__u32		line_info_rec_size;
		__aligned_u64	line_info;
		__u32		line_info_cnt;
		__u32		attach_btf_id;
		union {
			__u32	attach_prog_fd;
			__u32	attach_btf_obj_fd;
		};
		__u32		core_relo_cnt;
		__aligned_u64	fd_array;
		__aligned_u64	core_relos;
		__u32		core_relo_rec_size;
		__u32		log_true_size;	/* out: log size needed */
		__s32		prog_token_fd;
		__u32		fd_array_cnt;
		__aligned_u64	signature;
		__u32		signature_size;
		__s32		keyring_id;
	};

	struct {	/* BPF_OBJ_PIN, BPF_OBJ_GET */
		__aligned_u64	pathname;
		__u32		bpf_fd;
		__u32		file_flags;	/* BPF_F_RDONLY, BPF_F_PATH_FD */
		__s32		path_fd;	/* dirfd for a relative pathname */
	};

	struct {	/* BPF_PROG_ATTACH, BPF_PROG_DETACH */
		union {
			__u32	target_fd;
			__u32	target_ifindex;
		};
		__u32		attach_bpf_fd;
		__u32		attach_type;
		__u32		attach_flags;
		__u32		replace_bpf_fd;
		union {
			__u32	relative_fd;
			__u32	relative_id;
		};
		__aligned_u64	expected_revision;
	};

	struct {	/* BPF_PROG_TEST_RUN */
		__u32		prog_fd;
		__u32		retval;
		__u32		data_size_in;
		__u32		data_size_out;	/* in: room, out: used */
		__aligned_u64	data_in;
		__aligned_u64	data_out;
		__u32		repeat;
		__u32		duration;
		__u32		ctx_size_in;
		__u32		ctx_size_out;
		__aligned_u64	ctx_in;
		__aligned_u64	ctx_out;
		__u32		flags;		/* BPF_F_TEST_* */
		__u32		cpu;		/* with BPF_F_TEST_RUN_ON_CPU */
		__u32		batch_size;
	} test;

	struct {	/* BPF_*_GET_NEXT_ID, BPF_*_GET_FD_BY_ID */
		union {
			__u32	start_id;
			__u32	prog_id;
			__u32	map_id;
			__u32	btf_id;
			__u32	link_id;
		};
		__u32		next_id;
		__u32		open_flags;
		__s32		fd_by_id_token_fd;
	};

	struct {	/* BPF_OBJ_GET_INFO_BY_FD */
		__u32		bpf_fd;
		__u32		info_len;	/* in: room, out: kernel size */
		__aligned_u64	info;
	} info;

	struct {	/* BPF_PROG_QUERY */
		union {
			__u32	target_fd;
			__u32	target_ifindex;
		};
		__u32		attach_type;
		__u32		query_flags;
		__u32		attach_flags;
		__aligned_u64	prog_ids;
		union {
			__u32	prog_cnt;
			__u32	count;
		};
		__aligned_u64	prog_attach_flags;
		__aligned_u64	link_ids;
		__aligned_u64	link_attach_flags;
		__aligned_u64	revision;
	} query;

	struct {	/* BPF_RAW_TRACEPOINT_OPEN */
		__aligned_u64	name;
		__u32		prog_fd;
		__aligned_u64	cookie;
	} raw_tracepoint;

	struct {	/* BPF_BTF_LOAD */
		__aligned_u64	btf;
		__aligned_u64	btf_log_buf;
		__u32		btf_size;
		__u32		btf_log_size;
		__u32		btf_log_level;
		__u32		btf_log_true_size;
		__u32		btf_flags;	/* BPF_F_TOKEN_FD */
		__s32		btf_token_fd;
	};

	struct {	/* BPF_TASK_FD_QUERY */
		__u32		pid;
		__u32		fd;
		__u32		flags;
		__u32		buf_len;
		__aligned_u64	buf;
		__u32		prog_id;
		__u32		fd_type;
		__aligned_u64	probe_offset;
		__aligned_u64	probe_addr;
	} task_fd_query;

	struct {	/* BPF_LINK_CREATE */
		union {
			__u32	prog_fd;
			__u32	map_fd;
		};
		union {
			__u32	target_fd;
			__u32	target_ifindex;
		};
		__u32		attach_type;
		__u32		flags;
		union {
			__u32	target_btf_id;
			struct {
				__aligned_u64	iter_info;
				__u32		iter_info_len;
			};
			struct {
				__aligned_u64	bpf_cookie;
			} perf_event;
			struct {
				__u32		flags;
				__u32		cnt;
				__aligned_u64	syms;
				__aligned_u64	addrs;
				__aligned_u64	cookies;
			} kprobe_multi;
			struct {
				__u32		target_btf_id;
				__aligned_u64	cookie;
			} tracing;
			struct {
				__u32		pf;
				__u32		hooknum;
				__s32		priority;
				__u32		flags;
			} netfilter;
			struct {
				union {
					__u32	relative_fd;
					__u32	relative_id;
				};
				__aligned_u64	expected_revision;
			} tcx;
			struct {
				__aligned_u64	path;
				__aligned_u64	offsets;
				__aligned_u64	ref_ctr_offsets;
				__aligned_u64	cookies;
				__u32		cnt;
				__u32		flags;
				__u32		pid;
			} uprobe_multi;
			struct {
				union {
					__u32	relative_fd;
					__u32	relative_id;
				};
				__aligned_u64	expected_revision;
			} netkit;
			struct {
				union {
					__u32	relative_fd;
					__u32	relative_id;
				};
				__aligned_u64	expected_revision;
			} cgroup;
		};
	} link_create;

	struct {	/* BPF_LINK_UPDATE */
		__u32		link_fd;
		union {
			__u32	new_prog_fd;
			__u32	new_map_fd;
		};
		__u32		flags;
		union {
			__u32	old_prog_fd;
			__u32	old_map_fd;
		};
	} link_update;

	struct {	/* BPF_LINK_DETACH */
		__u32		link_fd;
	} link_detach;

	struct {	/* BPF_ENABLE_STATS */
		__u32		type;		/* enum bpf_stats_type */
	} enable_stats;

	struct {	/* BPF_ITER_CREATE */
		__u32		link_fd;
		__u32		flags;
	} iter_create;

	struct {	/* BPF_PROG_BIND_MAP */
		__u32		prog_fd;
		__u32		map_fd;
		__u32		flags;
	} prog_bind_map;

	struct {	/* BPF_TOKEN_CREATE */
		__u32		flags;
		__u32		bpffs_fd;
	} token_create;

	struct {	/* BPF_PROG_STREAM_READ_BY_FD */
		__aligned_u64	stream_buf;
		__u32		stream_buf_len;
		__u32		stream_id;	/* BPF_STREAM_STDOUT, ... */
		__u32		prog_fd;
	} prog_stream_read;
} __attribute__((aligned(8)));

/* ---- Helper function ids --------------------------------------------- */

/* imm of a BPF_JMP | BPF_CALL instruction with src_reg 0. */
enum bpf_func_id {
	BPF_FUNC_unspec				= 0,
	BPF_FUNC_map_lookup_elem		= 1,
	BPF_FUNC_map_update_elem		= 2,
	BPF_FUNC_map_delete_elem		= 3,
	BPF_FUNC_probe_read			= 4,
	BPF_FUNC_ktime_get_ns			= 5,
	BPF_FUNC_trace_printk			= 6,
	BPF_FUNC_get_prandom_u32		= 7,
	BPF_FUNC_get_smp_processor_id		= 8,
	BPF_FUNC_skb_store_bytes		= 9,
	BPF_FUNC_l3_csum_replace		= 10,
	BPF_FUNC_l4_csum_replace		= 11,
	BPF_FUNC_tail_call			= 12,
	BPF_FUNC_clone_redirect			= 13,
	BPF_FUNC_get_current_pid_tgid		= 14,
	BPF_FUNC_get_current_uid_gid		= 15,
	BPF_FUNC_get_current_comm		= 16,
	BPF_FUNC_get_cgroup_classid		= 17,
	BPF_FUNC_skb_vlan_push			= 18,
	BPF_FUNC_skb_vlan_pop			= 19,
	BPF_FUNC_skb_get_tunnel_key		= 20,
	BPF_FUNC_skb_set_tunnel_key		= 21,
	BPF_FUNC_perf_event_read		= 22,
	BPF_FUNC_redirect			= 23,
	BPF_FUNC_get_route_realm		= 24,
	BPF_FUNC_perf_event_output		= 25,
	BPF_FUNC_skb_load_bytes			= 26,
	BPF_FUNC_get_stackid			= 27,
	BPF_FUNC_csum_diff			= 28,
	BPF_FUNC_skb_get_tunnel_opt		= 29,
	BPF_FUNC_skb_set_tunnel_opt		= 30,
	BPF_FUNC_skb_change_proto		= 31,
	BPF_FUNC_skb_change_type		= 32,
	BPF_FUNC_skb_under_cgroup		= 33,
	BPF_FUNC_get_hash_recalc		= 34,
	BPF_FUNC_get_current_task		= 35,
	BPF_FUNC_probe_write_user		= 36,
	BPF_FUNC_current_task_under_cgroup	= 37,
	BPF_FUNC_skb_change_tail		= 38,
	BPF_FUNC_skb_pull_data			= 39,
	BPF_FUNC_csum_update			= 40,
	BPF_FUNC_set_hash_invalid		= 41,
	BPF_FUNC_get_numa_node_id		= 42,
	BPF_FUNC_skb_change_head		= 43,
	BPF_FUNC_xdp_adjust_head		= 44,
	BPF_FUNC_probe_read_str			= 45,
	BPF_FUNC_get_socket_cookie		= 46,
	BPF_FUNC_get_socket_uid			= 47,
	BPF_FUNC_set_hash			= 48,
	BPF_FUNC_setsockopt			= 49,
	BPF_FUNC_skb_adjust_room		= 50,
	BPF_FUNC_redirect_map			= 51,
	BPF_FUNC_sk_redirect_map		= 52,
	BPF_FUNC_sock_map_update		= 53,
	BPF_FUNC_xdp_adjust_meta		= 54,
	BPF_FUNC_perf_event_read_value		= 55,
	BPF_FUNC_perf_prog_read_value		= 56,
	BPF_FUNC_getsockopt			= 57,
	BPF_FUNC_override_return		= 58,
	BPF_FUNC_sock_ops_cb_flags_set		= 59,
	BPF_FUNC_msg_redirect_map		= 60,
	BPF_FUNC_msg_apply_bytes		= 61,
	BPF_FUNC_msg_cork_bytes			= 62,
	BPF_FUNC_msg_pull_data			= 63,
	BPF_FUNC_bind				= 64,
	BPF_FUNC_xdp_adjust_tail		= 65,
	BPF_FUNC_skb_get_xfrm_state		= 66,
	BPF_FUNC_get_stack			= 67,
	BPF_FUNC_skb_load_bytes_relative	= 68,
	BPF_FUNC_fib_lookup			= 69,
	BPF_FUNC_sock_hash_update		= 70,
	BPF_FUNC_msg_redirect_hash		= 71,
	BPF_FUNC_sk_redirect_hash		= 72,
	BPF_FUNC_lwt_push_encap			= 73,
	BPF_FUNC_lwt_seg6_store_bytes		= 74,
	BPF_FUNC_lwt_seg6_adjust_srh		= 75,
	BPF_FUNC_lwt_seg6_action		= 76,
	BPF_FUNC_rc_repeat			= 77,
	BPF_FUNC_rc_keydown			= 78,
	BPF_FUNC_skb_cgroup_id			= 79,
	BPF_FUNC_get_current_cgroup_id		= 80,
	BPF_FUNC_get_local_storage		= 81,
	BPF_FUNC_sk_select_reuseport		= 82,
	BPF_FUNC_skb_ancestor_cgroup_id		= 83,
	BPF_FUNC_sk_lookup_tcp			= 84,
	BPF_FUNC_sk_lookup_udp			= 85,
	BPF_FUNC_sk_release			= 86,
	BPF_FUNC_map_push_elem			= 87,
	BPF_FUNC_map_pop_elem			= 88,
	BPF_FUNC_map_peek_elem			= 89,
	BPF_FUNC_msg_push_data			= 90,
	BPF_FUNC_msg_pop_data			= 91,
	BPF_FUNC_rc_pointer_rel			= 92,
	BPF_FUNC_spin_lock			= 93,
	BPF_FUNC_spin_unlock			= 94,
	BPF_FUNC_sk_fullsock			= 95,
	BPF_FUNC_tcp_sock			= 96,
	BPF_FUNC_skb_ecn_set_ce			= 97,
	BPF_FUNC_get_listener_sock		= 98,
	BPF_FUNC_skc_lookup_tcp			= 99,
	BPF_FUNC_tcp_check_syncookie		= 100,
	BPF_FUNC_sysctl_get_name		= 101,
	BPF_FUNC_sysctl_get_current_value	= 102,
	BPF_FUNC_sysctl_get_new_value		= 103,
	BPF_FUNC_sysctl_set_new_value		= 104,
	BPF_FUNC_strtol				= 105,
	BPF_FUNC_strtoul			= 106,
	BPF_FUNC_sk_storage_get			= 107,
	BPF_FUNC_sk_storage_delete		= 108,
	BPF_FUNC_send_signal			= 109,
	BPF_FUNC_tcp_gen_syncookie		= 110,
	BPF_FUNC_skb_output			= 111,
	BPF_FUNC_probe_read_user		= 112,
	BPF_FUNC_probe_read_kernel		= 113,
	BPF_FUNC_probe_read_user_str		= 114,
	BPF_FUNC_probe_read_kernel_str		= 115,
	BPF_FUNC_tcp_send_ack			= 116,
	BPF_FUNC_send_signal_thread		= 117,
	BPF_FUNC_jiffies64			= 118,
	BPF_FUNC_read_branch_records		= 119,
	BPF_FUNC_get_ns_current_pid_tgid	= 120,
	BPF_FUNC_xdp_output			= 121,
	BPF_FUNC_get_netns_cookie		= 122,
	BPF_FUNC_get_current_ancestor_cgroup_id	= 123,
	BPF_FUNC_sk_assign			= 124,
	BPF_FUNC_ktime_get_boot_ns		= 125,
	BPF_FUNC_seq_printf			= 126,
	BPF_FUNC_seq_write			= 127,
	BPF_FUNC_sk_cgroup_id			= 128,
	BPF_FUNC_sk_ancestor_cgroup_id		= 129,
	BPF_FUNC_ringbuf_output			= 130,
	BPF_FUNC_ringbuf_reserve		= 131,
	BPF_FUNC_ringbuf_submit			= 132,
	BPF_FUNC_ringbuf_discard		= 133,
	BPF_FUNC_ringbuf_query			= 134,
	BPF_FUNC_csum_level			= 135,
	BPF_FUNC_skc_to_tcp6_sock		= 136,
	BPF_FUNC_skc_to_tcp_sock		= 137,
	BPF_FUNC_skc_to_tcp_timewait_sock	= 138,
	BPF_FUNC_skc_to_tcp_request_sock	= 139,
	BPF_FUNC_skc_to_udp6_sock		= 140,
	BPF_FUNC_get_task_stack			= 141,
	BPF_FUNC_load_hdr_opt			= 142,
	BPF_FUNC_store_hdr_opt			= 143,
	BPF_FUNC_reserve_hdr_opt		= 144,
	BPF_FUNC_inode_storage_get		= 145,
	BPF_FUNC_inode_storage_delete		= 146,
	BPF_FUNC_d_path				= 147,
	BPF_FUNC_copy_from_user			= 148,
	BPF_FUNC_snprintf_btf			= 149,
	BPF_FUNC_seq_printf_btf			= 150,
	BPF_FUNC_skb_cgroup_classid		= 151,
	BPF_FUNC_redirect_neigh			= 152,
	BPF_FUNC_per_cpu_ptr			= 153,
	BPF_FUNC_this_cpu_ptr			= 154,
	BPF_FUNC_redirect_peer			= 155,
	BPF_FUNC_task_storage_get		= 156,
	BPF_FUNC_task_storage_delete		= 157,
	BPF_FUNC_get_current_task_btf		= 158,
	BPF_FUNC_bprm_opts_set			= 159,
	BPF_FUNC_ktime_get_coarse_ns		= 160,
	BPF_FUNC_ima_inode_hash			= 161,
	BPF_FUNC_sock_from_file			= 162,
	BPF_FUNC_check_mtu			= 163,
	BPF_FUNC_for_each_map_elem		= 164,
	BPF_FUNC_snprintf			= 165,
	BPF_FUNC_sys_bpf			= 166,
	BPF_FUNC_btf_find_by_name_kind		= 167,
	BPF_FUNC_sys_close			= 168,
	BPF_FUNC_timer_init			= 169,
	BPF_FUNC_timer_set_callback		= 170,
	BPF_FUNC_timer_start			= 171,
	BPF_FUNC_timer_cancel			= 172,
	BPF_FUNC_get_func_ip			= 173,
	BPF_FUNC_get_attach_cookie		= 174,
	BPF_FUNC_task_pt_regs			= 175,
	BPF_FUNC_get_branch_snapshot		= 176,
	BPF_FUNC_trace_vprintk			= 177,
	BPF_FUNC_skc_to_unix_sock		= 178,
	BPF_FUNC_kallsyms_lookup_name		= 179,
	BPF_FUNC_find_vma			= 180,
	BPF_FUNC_loop				= 181,
	BPF_FUNC_strncmp			= 182,
	BPF_FUNC_get_func_arg			= 183,
	BPF_FUNC_get_func_ret			= 184,
	BPF_FUNC_get_func_arg_cnt		= 185,
	BPF_FUNC_get_retval			= 186,
	BPF_FUNC_set_retval			= 187,
	BPF_FUNC_xdp_get_buff_len		= 188,
	BPF_FUNC_xdp_load_bytes			= 189,
	BPF_FUNC_xdp_store_bytes		= 190,
	BPF_FUNC_copy_from_user_task		= 191,
	BPF_FUNC_skb_set_tstamp			= 192,
	BPF_FUNC_ima_file_hash			= 193,
	BPF_FUNC_kptr_xchg			= 194,
	BPF_FUNC_map_lookup_percpu_elem		= 195,
	BPF_FUNC_skc_to_mptcp_sock		= 196,
	BPF_FUNC_dynptr_from_mem		= 197,
	BPF_FUNC_ringbuf_reserve_dynptr		= 198,
	BPF_FUNC_ringbuf_submit_dynptr		= 199,
	BPF_FUNC_ringbuf_discard_dynptr		= 200,
	BPF_FUNC_dynptr_read			= 201,
	BPF_FUNC_dynptr_write			= 202,
	BPF_FUNC_dynptr_data			= 203,
	BPF_FUNC_tcp_raw_gen_syncookie_ipv4	= 204,
	BPF_FUNC_tcp_raw_gen_syncookie_ipv6	= 205,
	BPF_FUNC_tcp_raw_check_syncookie_ipv4	= 206,
	BPF_FUNC_tcp_raw_check_syncookie_ipv6	= 207,
	BPF_FUNC_ktime_get_tai_ns		= 208,
	BPF_FUNC_user_ringbuf_drain		= 209,
	BPF_FUNC_cgrp_storage_get		= 210,
	BPF_FUNC_cgrp_storage_delete		= 211,
	__BPF_FUNC_MAX_ID			= 212,
};

/* ---- BPF_OBJ_GET_INFO_BY_FD records ---------------------------------- */

/*
 * The kernel fills at most info_len bytes and reports its own size; a
 * shorter (older) structure works, the missing tail is simply not filled.
 * Array members are user pointers with a count the caller sets.
 */
struct bpf_prog_info {
	__u32		type;
	__u32		id;
	__u8		tag[BPF_TAG_SIZE];
	__u32		jited_prog_len;
	__u32		xlated_prog_len;
	__aligned_u64	jited_prog_insns;
	__aligned_u64	xlated_prog_insns;
	__aligned_u64	load_time;		/* ns since boot */
	__u32		created_by_uid;
	__u32		nr_map_ids;
	__aligned_u64	map_ids;
	char		name[BPF_OBJ_NAME_LEN];
	__u32		ifindex;
	__u32		gpl_compatible:1;
	__u32		:31;
	__aligned_u64	netns_dev;
	__aligned_u64	netns_ino;
	__u32		nr_jited_ksyms;
	__u32		nr_jited_func_lens;
	__aligned_u64	jited_ksyms;
	__aligned_u64	jited_func_lens;
	__u32		btf_id;
	__u32		func_info_rec_size;
	__aligned_u64	func_info;
	__u32		nr_func_info;
	__u32		nr_line_info;
	__aligned_u64	line_info;
	__aligned_u64	jited_line_info;
	__u32		nr_jited_line_info;
	__u32		line_info_rec_size;
	__u32		jited_line_info_rec_size;
	__u32		nr_prog_tags;
	__aligned_u64	prog_tags;
	__aligned_u64	run_time_ns;
	__aligned_u64	run_cnt;
	__aligned_u64	recursion_misses;
	__u32		verified_insns;
	__u32		attach_btf_obj_id;
	__u32		attach_btf_id;
} __attribute__((aligned(8)));

/* One record of a program's function information (prog_btf_fd's FUNC of each subprogram). */
struct bpf_func_info {
	__u32	insn_off;		/* first instruction of the function */
	__u32	type_id;		/* its BTF_KIND_FUNC */
};

struct bpf_map_info {
	__u32		type;
	__u32		id;
	__u32		key_size;
	__u32		value_size;
	__u32		max_entries;
	__u32		map_flags;
	char		name[BPF_OBJ_NAME_LEN];
	__u32		ifindex;
	__u32		btf_vmlinux_value_type_id;
	__aligned_u64	netns_dev;
	__aligned_u64	netns_ino;
	__u32		btf_id;
	__u32		btf_key_type_id;
	__u32		btf_value_type_id;
	__u32		btf_vmlinux_id;
	__aligned_u64	map_extra;
	__aligned_u64	hash;			/* user buffer for the digest */
	__u32		hash_size;
} __attribute__((aligned(8)));

struct bpf_btf_info {
	__aligned_u64	btf;			/* user buffer for raw BTF */
	__u32		btf_size;
	__u32		id;
	__aligned_u64	name;			/* user buffer for the name */
	__u32		name_len;
	__u32		kernel_btf;		/* 1 for vmlinux and modules */
} __attribute__((aligned(8)));

/* ---- Build-time proof of the load-bearing layout facts --------------- */

_Static_assert(sizeof(struct bpf_insn) == 8, "struct bpf_insn is 8 bytes");
_Static_assert(__alignof__(union bpf_attr) == 8, "union bpf_attr is 8-aligned");
_Static_assert(__builtin_offsetof(union bpf_attr, key) == 8, "bpf_attr.key at 8");
_Static_assert(__builtin_offsetof(union bpf_attr, map_extra) == 64,
	       "bpf_attr.map_extra at 64");
_Static_assert(__builtin_offsetof(union bpf_attr, info.info) == 8,
	       "bpf_attr.info.info at 8");
_Static_assert(__builtin_offsetof(struct bpf_map_info, netns_dev) == 48,
	       "bpf_map_info.netns_dev at 48");
_Static_assert(__builtin_offsetof(struct bpf_prog_info, netns_dev) == 88,
	       "bpf_prog_info.netns_dev at 88");

#endif /* BPFMAP_UAPI_LINUX_BPF_H */
