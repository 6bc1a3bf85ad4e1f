/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* One small function per bpf(2) command the tool uses. Each returns fd/0 or -errno. */
#ifndef SYS_BPF_H
#define SYS_BPF_H

#include <stdbool.h>
#include <stddef.h>

#include <linux/bpf.h>

struct map_create_opts {
	__u32 map_type;
	__u32 key_size;
	__u32 value_size;
	__u32 max_entries;
	__u32 map_flags;
	__u32 inner_map_fd;
	const char *name;	/* copied, truncated to BPF_OBJ_NAME_LEN - 1 */
	__u32 map_ifindex;
	__u32 btf_fd;
	__u32 btf_key_type_id;
	__u32 btf_value_type_id;
	__u32 btf_vmlinux_value_type_id;
	__u64 map_extra;
};

struct prog_load_opts {
	__u32 prog_type;
	const struct bpf_insn *insns;
	__u32 insn_cnt;
	const char *license;
	const char *name;
	__u32 expected_attach_type;
	char *log_buf;		/* verifier log, optional */
	__u32 log_size;
	__u32 prog_btf_fd;	/* BTF with the FUNC records func_info points at, optional */
	const struct bpf_func_info *func_info;
	__u32 func_info_cnt;
};

struct prog_test_run_opts {
	const void *data_in;
	__u32 data_size_in;
	void *data_out;
	__u32 data_size_out;	/* in: room; out: bytes written */
	__u32 repeat;
	__u32 flags;		/* BPF_F_TEST_RUN_ON_CPU, ... */
	__u32 cpu;
	__u32 retval;		/* out */
	__u32 duration;		/* out */
	const void *ctx_in;
	__u32 ctx_size_in;
};

/* true when bpf(2) itself is absent or blocked (ENOSYS for any command) */
bool bpf_syscall_missing(void);

int bpf_map_create(const struct map_create_opts *o);
int bpf_map_lookup_elem(int fd, const void *key, void *value, __u64 flags);
int bpf_map_update_elem(int fd, const void *key, const void *value, __u64 flags);
int bpf_map_delete_elem(int fd, const void *key);
int bpf_map_get_next_key(int fd, const void *key, void *next_key);
int bpf_map_lookup_and_delete_elem(int fd, const void *key, void *value);
int bpf_map_freeze(int fd);
/*
 * in_batch NULL starts at the beginning; *count is in: room, out: entries returned (0 on any
 * error but ENOENT, the end). EINTR is returned, not retried: the batch gave up there.
 */
int bpf_map_lookup_batch(int fd, void *in_batch, void *out_batch, void *keys, void *values,
			 __u32 *count, __u64 elem_flags);
int bpf_map_update_batch(int fd, const void *keys, const void *values, __u32 *count,
			 __u64 elem_flags);

int bpf_obj_pin(int fd, const char *path);
int bpf_obj_get(const char *path, __u32 file_flags);

int bpf_map_get_next_id(__u32 start, __u32 *next);
int bpf_prog_get_next_id(__u32 start, __u32 *next);
int bpf_btf_get_next_id(__u32 start, __u32 *next);
int bpf_map_get_fd_by_id(__u32 id, __u32 open_flags);
int bpf_prog_get_fd_by_id(__u32 id);
int bpf_btf_get_fd_by_id(__u32 id);
/* *len is in: size of info (zeroed by the caller); out: what the kernel filled. */
int bpf_obj_get_info_by_fd(int fd, void *info, __u32 *len);

int bpf_prog_load(const struct prog_load_opts *o);
int bpf_prog_test_run(int prog_fd, struct prog_test_run_opts *o);
int bpf_btf_load(const void *data, __u32 size, char *log_buf, __u32 log_size);
/* Turns on run-time statistics (BPF_STATS_RUN_TIME) while the returned fd stays open. */
int bpf_enable_stats(__u32 type);

#endif
