// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The bpf(2) system call, one small function per command. Each zeroes union bpf_attr only up
 * to the last field it sets and passes that size, so an older kernel never sees a field it
 * does not know (libbpf does the same); each returns fd/0 or -errno. Nothing else calls bpf(2).
 */
#include <errno.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sys_bpf.h"
#include "util.h"

#define ATTR_SIZE(field) offsetofend(union bpf_attr, field)

static int sys_bpf_once(int cmd, union bpf_attr *attr, size_t size)
{
	long r = syscall(SYS_bpf, cmd, attr, (unsigned int)size);

	return r < 0 ? -errno : (int)r;
}

/* A call a signal interrupted is made again, unchanged. */
static int sys_bpf(int cmd, union bpf_attr *attr, size_t size)
{
	int r;

	do
		r = sys_bpf_once(cmd, attr, size);
	while (r == -EINTR);
	return r;
}

/* A kernel with bpf(2) answers an unknown command with EINVAL (or EPERM), never ENOSYS. */
bool bpf_syscall_missing(void)
{
	return syscall(SYS_bpf, -1, NULL, 0) < 0 && errno == ENOSYS;
}

int bpf_map_create(const struct map_create_opts *o)
{
	union bpf_attr attr;

	memset(&attr, 0, ATTR_SIZE(map_extra));
	attr.map_type = o->map_type;
	attr.key_size = o->key_size;
	attr.value_size = o->value_size;
	attr.max_entries = o->max_entries;
	attr.map_flags = o->map_flags;
	attr.inner_map_fd = o->inner_map_fd;
	if (o->name)
		strncpy(attr.map_name, o->name, sizeof(attr.map_name) - 1);
	attr.map_ifindex = o->map_ifindex;
	attr.btf_fd = o->btf_fd;
	attr.btf_key_type_id = o->btf_key_type_id;
	attr.btf_value_type_id = o->btf_value_type_id;
	attr.btf_vmlinux_value_type_id = o->btf_vmlinux_value_type_id;
	attr.map_extra = o->map_extra;
	return sys_bpf(BPF_MAP_CREATE, &attr, ATTR_SIZE(map_extra));
}

static int elem_op(int cmd, int fd, const void *key, const void *value, __u64 flags)
{
	union bpf_attr attr;

	memset(&attr, 0, ATTR_SIZE(flags));
	attr.map_fd = (__u32)fd;
	attr.key = ptr_to_u64(key);
	attr.value = ptr_to_u64(value);
	attr.flags = flags;
	return sys_bpf(cmd, &attr, ATTR_SIZE(flags));
}

int bpf_map_lookup_elem(int fd, const void *key, void *value, __u64 flags)
{
	return elem_op(BPF_MAP_LOOKUP_ELEM, fd, key, value, flags);
}

int bpf_map_update_elem(int fd, const void *key, const void *value, __u64 flags)
{
	return elem_op(BPF_MAP_UPDATE_ELEM, fd, key, value, flags);
}

int bpf_map_delete_elem(int fd, const void *key)
{
	return elem_op(BPF_MAP_DELETE_ELEM, fd, key, NULL, 0);
}

int bpf_map_lookup_and_delete_elem(int fd, const void *key, void *value)
{
	return elem_op(BPF_MAP_LOOKUP_AND_DELETE_ELEM, fd, key, value, 0);
}

int bpf_map_get_next_key(int fd, const void *key, void *next_key)
{
	union bpf_attr attr;

	memset(&attr, 0, ATTR_SIZE(next_key));
	attr.map_fd = (__u32)fd;
	attr.key = ptr_to_u64(key);
	attr.next_key = ptr_to_u64(next_key);
	return sys_bpf(BPF_MAP_GET_NEXT_KEY, &attr, ATTR_SIZE(next_key));
}

int bpf_map_freeze(int fd)
{
	union bpf_attr attr;

	memset(&attr, 0, ATTR_SIZE(map_fd));
	attr.map_fd = (__u32)fd;
	return sys_bpf(BPF_MAP_FREEZE, &attr, ATTR_SIZE(map_fd));
}

/*
 * The batch commands write attr.batch.count back, so an EINTR is not retried: the kernel
 * (the generic batch before 6.x, on a key that vanished under it) means by it that it gave
 * up there, and the call made again would start from a count it changed.
 */
static int batch_op(int cmd, int fd, void *in_batch, void *out_batch, const void *keys,
		    const void *values, __u32 *count, __u64 elem_flags)
{
	union bpf_attr attr;
	int r;

	memset(&attr, 0, ATTR_SIZE(batch.flags));
	attr.batch.in_batch = ptr_to_u64(in_batch);
	attr.batch.out_batch = ptr_to_u64(out_batch);
	attr.batch.keys = ptr_to_u64(keys);
	attr.batch.values = ptr_to_u64(values);
	attr.batch.count = *count;
	attr.batch.map_fd = (__u32)fd;
	attr.batch.elem_flags = elem_flags;
	r = sys_bpf_once(cmd, &attr, ATTR_SIZE(batch.flags));
	*count = attr.batch.count;
	return r;
}

/*
 * The kernel reports the entries it copied when it succeeds or reaches the end (ENOENT). A
 * call it refuses before starting (EINVAL before 5.6, ENOTSUPP for a type without batches,
 * EPERM, ...) leaves count as we set it, which is no count of anything; and what came before
 * an EINTR is read again by the caller's fallback. So on any other error: none.
 */
int bpf_map_lookup_batch(int fd, void *in_batch, void *out_batch, void *keys, void *values,
			 __u32 *count, __u64 elem_flags)
{
	int r = batch_op(BPF_MAP_LOOKUP_BATCH, fd, in_batch, out_batch, keys, values, count,
			 elem_flags);

	if (r && r != -ENOENT)
		*count = 0;
	return r;
}

int bpf_map_update_batch(int fd, const void *keys, const void *values, __u32 *count,
			 __u64 elem_flags)
{
	return batch_op(BPF_MAP_UPDATE_BATCH, fd, NULL, NULL, keys, values, count, elem_flags);
}

int bpf_obj_pin(int fd, const char *path)
{
	union bpf_attr attr;

	memset(&attr, 0, ATTR_SIZE(file_flags));
	attr.pathname = ptr_to_u64(path);
	attr.bpf_fd = (__u32)fd;
	return sys_bpf(BPF_OBJ_PIN, &attr, ATTR_SIZE(file_flags));
}

int bpf_obj_get(const char *path, __u32 file_flags)
{
	union bpf_attr attr;

	memset(&attr, 0, ATTR_SIZE(file_flags));
	attr.pathname = ptr_to_u64(path);
	attr.file_flags = file_flags;
	return sys_bpf(BPF_OBJ_GET, &attr, ATTR_SIZE(file_flags));
}

static int get_next_id(int cmd, __u32 start, __u32 *next)
{
	union bpf_attr attr;
	int r;

	memset(&attr, 0, ATTR_SIZE(next_id));
	attr.start_id = start;
	r = sys_bpf(cmd, &attr, ATTR_SIZE(next_id));
	if (!r)
		*next = attr.next_id;
	return r;
}

int bpf_map_get_next_id(__u32 start, __u32 *next)
{
	return get_next_id(BPF_MAP_GET_NEXT_ID, start, next);
}

int bpf_prog_get_next_id(__u32 start, __u32 *next)
{
	return get_next_id(BPF_PROG_GET_NEXT_ID, start, next);
}

int bpf_btf_get_next_id(__u32 start, __u32 *next)
{
	return get_next_id(BPF_BTF_GET_NEXT_ID, start, next);
}

static int get_fd_by_id(int cmd, __u32 id, __u32 open_flags)
{
	union bpf_attr attr;

	memset(&attr, 0, ATTR_SIZE(open_flags));
	attr.map_id = id;	/* shares its place with prog_id and btf_id */
	attr.open_flags = open_flags;
	return sys_bpf(cmd, &attr, ATTR_SIZE(open_flags));
}

int bpf_map_get_fd_by_id(__u32 id, __u32 open_flags)
{
	return get_fd_by_id(BPF_MAP_GET_FD_BY_ID, id, open_flags);
}

int bpf_prog_get_fd_by_id(__u32 id)
{
	return get_fd_by_id(BPF_PROG_GET_FD_BY_ID, id, 0);
}

int bpf_btf_get_fd_by_id(__u32 id)
{
	return get_fd_by_id(BPF_BTF_GET_FD_BY_ID, id, 0);
}

int bpf_obj_get_info_by_fd(int fd, void *info, __u32 *len)
{
	union bpf_attr attr;
	int r;

	memset(&attr, 0, ATTR_SIZE(info));
	attr.info.bpf_fd = (__u32)fd;
	attr.info.info_len = *len;
	attr.info.info = ptr_to_u64(info);
	r = sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &attr, ATTR_SIZE(info));
	if (!r)
		*len = attr.info.info_len;
	return r;
}

int bpf_prog_load(const struct prog_load_opts *o)
{
	union bpf_attr attr;

	memset(&attr, 0, ATTR_SIZE(func_info_cnt));
	attr.prog_type = o->prog_type;
	attr.insn_cnt = o->insn_cnt;
	attr.insns = ptr_to_u64(o->insns);
	attr.license = ptr_to_u64(o->license ? o->license : "GPL");
	if (o->log_buf && o->log_size) {
		attr.log_level = 1;
		attr.log_buf = ptr_to_u64(o->log_buf);
		attr.log_size = o->log_size;
	}
	if (o->name)
		strncpy(attr.prog_name, o->name, sizeof(attr.prog_name) - 1);
	attr.expected_attach_type = o->expected_attach_type;
	if (o->func_info_cnt) {
		attr.prog_btf_fd = o->prog_btf_fd;
		attr.func_info_rec_size = sizeof(struct bpf_func_info);
		attr.func_info = ptr_to_u64(o->func_info);
		attr.func_info_cnt = o->func_info_cnt;
	}
	return sys_bpf(BPF_PROG_LOAD, &attr, ATTR_SIZE(func_info_cnt));
}

int bpf_prog_test_run(int prog_fd, struct prog_test_run_opts *o)
{
	union bpf_attr attr;
	int r;

	memset(&attr, 0, ATTR_SIZE(test.cpu));
	attr.test.prog_fd = (__u32)prog_fd;
	attr.test.data_in = ptr_to_u64(o->data_in);
	attr.test.data_size_in = o->data_size_in;
	attr.test.data_out = ptr_to_u64(o->data_out);
	attr.test.data_size_out = o->data_size_out;
	attr.test.repeat = o->repeat;
	attr.test.ctx_in = ptr_to_u64(o->ctx_in);
	attr.test.ctx_size_in = o->ctx_size_in;
	attr.test.flags = o->flags;
	attr.test.cpu = o->cpu;
	r = sys_bpf(BPF_PROG_TEST_RUN, &attr, ATTR_SIZE(test.cpu));
	o->retval = attr.test.retval;
	o->duration = attr.test.duration;
	o->data_size_out = attr.test.data_size_out;
	return r;
}

int bpf_enable_stats(__u32 type)
{
	union bpf_attr attr;

	memset(&attr, 0, ATTR_SIZE(enable_stats));
	attr.enable_stats.type = type;
	return sys_bpf(BPF_ENABLE_STATS, &attr, ATTR_SIZE(enable_stats));
}

int bpf_btf_load(const void *data, __u32 size, char *log_buf, __u32 log_size)
{
	union bpf_attr attr;

	memset(&attr, 0, ATTR_SIZE(btf_log_level));
	attr.btf = ptr_to_u64(data);
	attr.btf_size = size;
	if (log_buf && log_size) {
		attr.btf_log_buf = ptr_to_u64(log_buf);
		attr.btf_log_size = log_size;
		attr.btf_log_level = 1;
	}
	return sys_bpf(BPF_BTF_LOAD, &attr, ATTR_SIZE(btf_log_level));
}
