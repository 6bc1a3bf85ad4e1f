/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Layout and value checks of the hand-written kernel ABI in uapi/. */
/*
 * Expected numbers were read from the BTF of a running Linux 6.18 kernel
 * (/sys/kernel/btf/vmlinux) and confirmed there with real bpf(2) calls.
 */
#include <stddef.h>

#include <criterion/criterion.h>

#include <linux/bpf.h>
#include <linux/btf.h>
#include <linux/perf_event.h>

#define OFF(type, member)	((size_t)offsetof(type, member))

/* Bit number of the lowest set bit in the 8 bytes at p (little endian). */
static int lowest_bit_le64(const void *p)
{
	const unsigned char *b = p;
	int i;

	for (i = 0; i < 64; i++)
		if (b[i / 8] & (1u << (i % 8)))
			return i;
	return -1;
}

static int is_little_endian(void)
{
	const unsigned int one = 1;

	return *(const unsigned char *)&one == 1;
}

Test(uapi, bpf_attr_size_and_alignment)
{
	cr_assert_geq(sizeof(union bpf_attr), 72);
	cr_assert_eq(sizeof(union bpf_attr), 168);	/* 6.18: prog load ends last */
	cr_assert_eq(__alignof__(union bpf_attr), 8);
}

Test(uapi, bpf_attr_map_create)
{
	cr_assert_eq(OFF(union bpf_attr, map_type), 0);
	cr_assert_eq(OFF(union bpf_attr, key_size), 4);
	cr_assert_eq(OFF(union bpf_attr, value_size), 8);
	cr_assert_eq(OFF(union bpf_attr, max_entries), 12);
	cr_assert_eq(OFF(union bpf_attr, map_flags), 16);
	cr_assert_eq(OFF(union bpf_attr, inner_map_fd), 20);
	cr_assert_eq(OFF(union bpf_attr, numa_node), 24);
	cr_assert_eq(OFF(union bpf_attr, map_name), 28);
	cr_assert_eq(OFF(union bpf_attr, map_ifindex), 44);
	cr_assert_eq(OFF(union bpf_attr, btf_fd), 48);
	cr_assert_eq(OFF(union bpf_attr, btf_key_type_id), 52);
	cr_assert_eq(OFF(union bpf_attr, btf_value_type_id), 56);
	cr_assert_eq(OFF(union bpf_attr, btf_vmlinux_value_type_id), 60);
	cr_assert_eq(OFF(union bpf_attr, map_extra), 64);
	cr_assert_eq(OFF(union bpf_attr, value_type_btf_obj_fd), 72);
	cr_assert_eq(OFF(union bpf_attr, map_token_fd), 76);
	cr_assert_eq(OFF(union bpf_attr, excl_prog_hash), 80);
	cr_assert_eq(OFF(union bpf_attr, excl_prog_hash_size), 88);
}

Test(uapi, bpf_attr_elem_and_batch)
{
	cr_assert_eq(OFF(union bpf_attr, map_fd), 0);
	cr_assert_eq(OFF(union bpf_attr, key), 8);
	cr_assert_eq(OFF(union bpf_attr, value), 16);
	cr_assert_eq(OFF(union bpf_attr, next_key), 16);
	cr_assert_eq(OFF(union bpf_attr, flags), 24);

	cr_assert_eq(OFF(union bpf_attr, batch.in_batch), 0);
	cr_assert_eq(OFF(union bpf_attr, batch.out_batch), 8);
	cr_assert_eq(OFF(union bpf_attr, batch.keys), 16);
	cr_assert_eq(OFF(union bpf_attr, batch.values), 24);
	cr_assert_eq(OFF(union bpf_attr, batch.count), 32);
	cr_assert_eq(OFF(union bpf_attr, batch.map_fd), 36);
	cr_assert_eq(OFF(union bpf_attr, batch.elem_flags), 40);
	cr_assert_eq(OFF(union bpf_attr, batch.flags), 48);
}

Test(uapi, bpf_attr_prog_load)
{
	cr_assert_eq(OFF(union bpf_attr, prog_type), 0);
	cr_assert_eq(OFF(union bpf_attr, insn_cnt), 4);
	cr_assert_eq(OFF(union bpf_attr, insns), 8);
	cr_assert_eq(OFF(union bpf_attr, license), 16);
	cr_assert_eq(OFF(union bpf_attr, log_level), 24);
	cr_assert_eq(OFF(union bpf_attr, log_size), 28);
	cr_assert_eq(OFF(union bpf_attr, log_buf), 32);
	cr_assert_eq(OFF(union bpf_attr, prog_name), 48);
	cr_assert_eq(OFF(union bpf_attr, attach_btf_id), 108);
	cr_assert_eq(OFF(union bpf_attr, log_true_size), 140);
	cr_assert_eq(OFF(union bpf_attr, prog_token_fd), 144);
	cr_assert_eq(OFF(union bpf_attr, fd_array_cnt), 148);
	cr_assert_eq(OFF(union bpf_attr, keyring_id), 164);
}

Test(uapi, bpf_attr_obj_id_info_btf)
{
	cr_assert_eq(OFF(union bpf_attr, pathname), 0);
	cr_assert_eq(OFF(union bpf_attr, bpf_fd), 8);
	cr_assert_eq(OFF(union bpf_attr, file_flags), 12);
	cr_assert_eq(OFF(union bpf_attr, path_fd), 16);

	cr_assert_eq(OFF(union bpf_attr, start_id), 0);
	cr_assert_eq(OFF(union bpf_attr, map_id), 0);
	cr_assert_eq(OFF(union bpf_attr, next_id), 4);
	cr_assert_eq(OFF(union bpf_attr, open_flags), 8);
	cr_assert_eq(OFF(union bpf_attr, fd_by_id_token_fd), 12);

	cr_assert_eq(OFF(union bpf_attr, info.bpf_fd), 0);
	cr_assert_eq(OFF(union bpf_attr, info.info_len), 4);
	cr_assert_eq(OFF(union bpf_attr, info.info), 8);

	cr_assert_eq(OFF(union bpf_attr, btf), 0);
	cr_assert_eq(OFF(union bpf_attr, btf_log_buf), 8);
	cr_assert_eq(OFF(union bpf_attr, btf_size), 16);
	cr_assert_eq(OFF(union bpf_attr, btf_log_true_size), 28);
	cr_assert_eq(OFF(union bpf_attr, btf_token_fd), 36);
}

Test(uapi, bpf_attr_test_run)
{
	cr_assert_eq(OFF(union bpf_attr, test.prog_fd), 0);
	cr_assert_eq(OFF(union bpf_attr, test.retval), 4);
	cr_assert_eq(OFF(union bpf_attr, test.data_size_in), 8);
	cr_assert_eq(OFF(union bpf_attr, test.data_in), 16);
	cr_assert_eq(OFF(union bpf_attr, test.repeat), 32);
	cr_assert_eq(OFF(union bpf_attr, test.ctx_in), 48);
	cr_assert_eq(OFF(union bpf_attr, test.flags), 64);
	cr_assert_eq(OFF(union bpf_attr, test.cpu), 68);
	cr_assert_eq(OFF(union bpf_attr, test.batch_size), 72);
}

Test(uapi, bpf_map_info)
{
	cr_assert_eq(sizeof(struct bpf_map_info), 104);
	cr_assert_eq(__alignof__(struct bpf_map_info), 8);
	cr_assert_eq(OFF(struct bpf_map_info, max_entries), 16);
	cr_assert_eq(OFF(struct bpf_map_info, name), 24);
	cr_assert_eq(OFF(struct bpf_map_info, netns_dev), 48);
	cr_assert_eq(OFF(struct bpf_map_info, btf_id), 64);
	cr_assert_eq(OFF(struct bpf_map_info, btf_vmlinux_id), 76);
	cr_assert_eq(OFF(struct bpf_map_info, map_extra), 80);
	cr_assert_eq(OFF(struct bpf_map_info, hash), 88);
	cr_assert_eq(OFF(struct bpf_map_info, hash_size), 96);
}

Test(uapi, bpf_prog_and_btf_info)
{
	cr_assert_eq(sizeof(struct bpf_prog_info), 232);
	cr_assert_eq(__alignof__(struct bpf_prog_info), 8);
	cr_assert_eq(OFF(struct bpf_prog_info, tag), 8);
	cr_assert_eq(OFF(struct bpf_prog_info, load_time), 40);
	cr_assert_eq(OFF(struct bpf_prog_info, name), 64);
	cr_assert_eq(OFF(struct bpf_prog_info, netns_dev), 88);
	cr_assert_eq(OFF(struct bpf_prog_info, btf_id), 128);
	cr_assert_eq(OFF(struct bpf_prog_info, prog_tags), 184);
	cr_assert_eq(OFF(struct bpf_prog_info, run_time_ns), 192);
	cr_assert_eq(OFF(struct bpf_prog_info, run_cnt), 200);
	cr_assert_eq(OFF(struct bpf_prog_info, recursion_misses), 208);
	cr_assert_eq(OFF(struct bpf_prog_info, verified_insns), 216);
	cr_assert_eq(OFF(struct bpf_prog_info, attach_btf_obj_id), 220);
	cr_assert_eq(OFF(struct bpf_prog_info, attach_btf_id), 224);

	cr_assert_eq(sizeof(struct bpf_btf_info), 32);
	cr_assert_eq(OFF(struct bpf_btf_info, btf_size), 8);
	cr_assert_eq(OFF(struct bpf_btf_info, name), 16);
	cr_assert_eq(OFF(struct bpf_btf_info, kernel_btf), 28);
}

Test(uapi, bpf_insn_encoding)
{
	struct bpf_insn insn = { 0 };
	const unsigned char *b = (const unsigned char *)&insn;

	cr_assert_eq(sizeof(struct bpf_insn), 8);
	cr_assert_eq(OFF(struct bpf_insn, off), 2);
	cr_assert_eq(OFF(struct bpf_insn, imm), 4);
	insn.dst_reg = 1;
	insn.src_reg = 2;
	if (is_little_endian())
		cr_assert_eq(b[1], 0x21);	/* dst in the low nibble */
	else
		cr_assert_eq(b[1], 0x12);
	cr_assert_eq(BPF_ALU64 | BPF_MOV | BPF_K, 0xb7);
	cr_assert_eq(BPF_LD | BPF_IMM | BPF_DW, 0x18);
	cr_assert_eq(BPF_JMP | BPF_CALL, 0x85);
	cr_assert_eq(BPF_JMP | BPF_EXIT, 0x95);
	cr_assert_eq(BPF_STX | BPF_MEM | BPF_W, 0x63);
	cr_assert_eq(BPF_PSEUDO_MAP_FD, 1);
	cr_assert_eq(BPF_PSEUDO_MAP_VALUE, 2);
	cr_assert_eq(BPF_PSEUDO_BTF_ID, 3);
	cr_assert_eq(BPF_PSEUDO_FUNC, 4);
	cr_assert_eq(BPF_PSEUDO_CALL, 1);
	cr_assert_eq(BPF_PSEUDO_KFUNC_CALL, 2);
}

Test(uapi, bpf_enum_values)
{
	cr_assert_eq(BPF_MAP_LOOKUP_ELEM, 1);
	cr_assert_eq(BPF_OBJ_GET_INFO_BY_FD, 15);
	cr_assert_eq(BPF_BTF_GET_FD_BY_ID, 19);
	cr_assert_eq(BPF_MAP_LOOKUP_BATCH, 24);
	cr_assert_eq(BPF_MAP_DELETE_BATCH, 27);
	cr_assert_eq(BPF_PROG_BIND_MAP, 35);
	cr_assert_eq(BPF_PROG_STREAM_READ_BY_FD, 37);
	cr_assert_eq(__MAX_BPF_CMD, 38);
	cr_assert_eq(BPF_PROG_RUN, BPF_PROG_TEST_RUN);

	cr_assert_eq(BPF_MAP_TYPE_PERF_EVENT_ARRAY, 4);
	cr_assert_eq(BPF_MAP_TYPE_CGROUP_STORAGE, 19);
	cr_assert_eq(BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE, 21);
	cr_assert_eq(BPF_MAP_TYPE_RINGBUF, 27);
	cr_assert_eq(BPF_MAP_TYPE_ARENA, 33);
	cr_assert_eq(__MAX_BPF_MAP_TYPE, 34);

	cr_assert_eq(BPF_PROG_TYPE_SCHED_CLS, 3);
	cr_assert_eq(BPF_PROG_TYPE_XDP, 6);
	cr_assert_eq(BPF_PROG_TYPE_NETFILTER, 32);
	cr_assert_eq(__MAX_BPF_PROG_TYPE, 33);
	cr_assert_eq(BPF_TRACE_UPROBE_SESSION, 57);
	cr_assert_eq(__MAX_BPF_ATTACH_TYPE, 58);

	cr_assert_eq(BPF_FUNC_map_lookup_elem, 1);
	cr_assert_eq(BPF_FUNC_map_update_elem, 2);
	cr_assert_eq(BPF_FUNC_map_delete_elem, 3);
	cr_assert_eq(BPF_FUNC_ktime_get_ns, 5);
	cr_assert_eq(BPF_FUNC_trace_printk, 6);
	cr_assert_eq(BPF_FUNC_get_smp_processor_id, 8);
	cr_assert_eq(BPF_FUNC_tail_call, 12);
	cr_assert_eq(BPF_FUNC_perf_event_output, 25);
	cr_assert_eq(BPF_FUNC_ringbuf_output, 130);
	cr_assert_eq(BPF_FUNC_ringbuf_reserve, 131);
	cr_assert_eq(BPF_FUNC_ringbuf_submit, 132);
	cr_assert_eq(BPF_FUNC_ringbuf_discard, 133);
	cr_assert_eq(__BPF_FUNC_MAX_ID, 212);
}

Test(uapi, bpf_flag_values)
{
	cr_assert_eq(BPF_ANY, 0);
	cr_assert_eq(BPF_NOEXIST, 1);
	cr_assert_eq(BPF_EXIST, 2);
	cr_assert_eq(BPF_F_LOCK, 4);
	cr_assert_eq(BPF_F_NO_PREALLOC, 1);
	cr_assert_eq(BPF_F_RDONLY, 8);
	cr_assert_eq(BPF_F_WRONLY, 16);
	cr_assert_eq(BPF_F_RDONLY_PROG, 0x80);
	cr_assert_eq(BPF_F_MMAPABLE, 0x400);
	cr_assert_eq(BPF_F_PATH_FD, 0x4000);
	cr_assert_eq(BPF_F_TOKEN_FD, 0x10000);
	cr_assert_eq(BPF_F_NO_USER_CONV, 0x40000);
	cr_assert_eq(BPF_F_CURRENT_CPU, 0xffffffffULL);
	cr_assert_eq(BPF_F_TEST_RUN_ON_CPU, 1);
	cr_assert_eq(BPF_OBJ_NAME_LEN, 16);
	cr_assert_eq(BPF_TAG_SIZE, 8);
	cr_assert_eq(BPF_FS_MAGIC, 0xcafe4a11);
	cr_assert_eq(BPF_RINGBUF_BUSY_BIT, 1U << 31);
	cr_assert_eq(BPF_RINGBUF_DISCARD_BIT, 1U << 30);
	cr_assert_eq(BPF_RINGBUF_HDR_SZ, 8);
	cr_assert_eq(XDP_PASS, 2);
	cr_assert_eq(XDP_REDIRECT, 4);
}

Test(uapi, btf_layout)
{
	cr_assert_eq(sizeof(struct btf_header), 24);
	cr_assert_eq(OFF(struct btf_header, hdr_len), 4);
	cr_assert_eq(OFF(struct btf_header, str_len), 20);
	cr_assert_eq(sizeof(struct btf_type), 12);
	cr_assert_eq(sizeof(struct btf_enum), 8);
	cr_assert_eq(sizeof(struct btf_enum64), 12);
	cr_assert_eq(sizeof(struct btf_array), 12);
	cr_assert_eq(sizeof(struct btf_member), 12);
	cr_assert_eq(sizeof(struct btf_param), 8);
	cr_assert_eq(sizeof(struct btf_var_secinfo), 12);
	cr_assert_eq(BTF_MAGIC, 0xeb9f);
	cr_assert_eq(BTF_KIND_ENUM64, 19);
	cr_assert_eq(NR_BTF_KINDS, 20);
	cr_assert_eq(BTF_KIND_MAX, 19);
	cr_assert_eq(BTF_INFO_KIND(0x84000002U), BTF_KIND_STRUCT);
	cr_assert_eq(BTF_INFO_VLEN(0x84000002U), 2);
	cr_assert_eq(BTF_INFO_KFLAG(0x84000002U), 1);
	cr_assert_eq(BTF_INT_BITS(0x01000020U), 32);
	cr_assert_eq(BTF_INT_ENCODING(0x01000020U), BTF_INT_SIGNED);
	cr_assert_eq(BTF_MEMBER_BITFIELD_SIZE(0x03000010U), 3);
	cr_assert_eq(BTF_MEMBER_BIT_OFFSET(0x03000010U), 16);
}

Test(uapi, perf_event_attr_layout)
{
	struct perf_event_attr attr = { 0 };
	const unsigned char *flags = (const unsigned char *)&attr + 40;

	cr_assert_eq(sizeof(struct perf_event_attr), PERF_ATTR_SIZE_VER8);
	cr_assert_eq(PERF_ATTR_SIZE_VER8, 136);
	cr_assert_eq(OFF(struct perf_event_attr, config), 8);
	cr_assert_eq(OFF(struct perf_event_attr, sample_period), 16);
	cr_assert_eq(OFF(struct perf_event_attr, sample_type), 24);
	cr_assert_eq(OFF(struct perf_event_attr, wakeup_events), 48);
	cr_assert_eq(OFF(struct perf_event_attr, bp_type), 52);
	cr_assert_eq(OFF(struct perf_event_attr, config1), 56);
	cr_assert_eq(OFF(struct perf_event_attr, config2), 64);
	cr_assert_eq(OFF(struct perf_event_attr, sample_regs_intr), 96);
	cr_assert_eq(OFF(struct perf_event_attr, aux_action), 116);
	cr_assert_eq(OFF(struct perf_event_attr, sig_data), 120);
	cr_assert_eq(OFF(struct perf_event_attr, config3), 128);

	if (!is_little_endian())
		return;
	attr.disabled = 1;
	cr_assert_eq(lowest_bit_le64(flags), 0);
	attr.disabled = 0;
	attr.watermark = 1;
	cr_assert_eq(lowest_bit_le64(flags), 14);
	attr.watermark = 0;
	attr.sigtrap = 1;
	cr_assert_eq(lowest_bit_le64(flags), 37);
}

Test(uapi, perf_mmap_page_and_records)
{
	cr_assert_eq(sizeof(struct perf_event_mmap_page), 1088);
	cr_assert_eq(OFF(struct perf_event_mmap_page, capabilities), 40);
	cr_assert_eq(OFF(struct perf_event_mmap_page, time_mask), 88);
	cr_assert_eq(OFF(struct perf_event_mmap_page, data_head), 1024);
	cr_assert_eq(OFF(struct perf_event_mmap_page, data_tail), 1032);
	cr_assert_eq(OFF(struct perf_event_mmap_page, data_offset), 1040);
	cr_assert_eq(OFF(struct perf_event_mmap_page, data_size), 1048);
	cr_assert_eq(OFF(struct perf_event_mmap_page, aux_size), 1080);
	cr_assert_eq(sizeof(struct perf_event_header), 8);
	cr_assert_eq(OFF(struct perf_event_header, misc), 4);
	cr_assert_eq(OFF(struct perf_event_header, size), 6);

	cr_assert_eq(PERF_TYPE_SOFTWARE, 1);
	cr_assert_eq(PERF_TYPE_BREAKPOINT, 5);
	cr_assert_eq(PERF_COUNT_SW_BPF_OUTPUT, 10);
	cr_assert_eq(PERF_COUNT_SW_CGROUP_SWITCHES, 11);
	cr_assert_eq(PERF_SAMPLE_RAW, 1U << 10);
	cr_assert_eq(PERF_RECORD_LOST, 2);
	cr_assert_eq(PERF_RECORD_SAMPLE, 9);
	cr_assert_eq(PERF_RECORD_AUX_OUTPUT_HW_ID, 21);
	cr_assert_eq(PERF_FLAG_FD_CLOEXEC, 8);
}

Test(uapi, perf_ioctl_numbers)
{
	/* Built by the libc macros; the numbers below are the x86_64 ones. */
#if defined(__x86_64__)
	cr_assert_eq(PERF_EVENT_IOC_ENABLE, 0x2400);
	cr_assert_eq(PERF_EVENT_IOC_DISABLE, 0x2401);
	cr_assert_eq(PERF_EVENT_IOC_SET_BPF, 0x40042408);
	cr_assert_eq(PERF_EVENT_IOC_ID, 0x80082407);
#else
	cr_assert_neq(PERF_EVENT_IOC_ENABLE, PERF_EVENT_IOC_DISABLE);
#endif
}
