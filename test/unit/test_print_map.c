// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* `map show` renderers over hand-made map_desc values: every conditional field, both modes. */
#include <string.h>

#include "print_map.h"
#include "tlib.h"

static struct sink s;
static struct json j;

static void setup(void)
{
	sink_init_mem(&s);
}

static void teardown(void)
{
	sink_free(&s);
}

static const char *text(void)
{
	*sink_reserve(&s, 1) = 0;
	return s.buf;
}

static const char *plain(const struct map_desc *d)
{
	s.len = 0;
	map_show_plain(&s, d);
	return text();
}

static const char *json(const struct map_desc *d, bool pretty)
{
	s.len = 0;
	json_init(&j, &s, pretty);
	map_show_json(&j, d);
	json_finish(&j);
	return text();
}

static struct map_desc hash_desc(void)
{
	struct map_desc d;

	memset(&d, 0, sizeof(d));
	d.info.id = 30;
	d.info.type = BPF_MAP_TYPE_HASH;
	strcpy(d.info.name, "h1");
	d.info.key_size = 4;
	d.info.value_size = 8;
	d.info.max_entries = 16;
	d.fd.read = d.fd.has_memlock = d.fd.has_frozen = true;
	d.fd.memlock = 2320;
	return d;
}

/* observed from upstream: the first two examples of reference 2.2 */
Test(print_map, plain_basic, .init = setup, .fini = teardown)
{
	struct map_desc d = hash_desc();

	cr_assert_str_eq(plain(&d), "30: hash  name h1  flags 0x0\n"
				    "\tkey 4B  value 8B  max_entries 16  memlock 2320B\n");
	cr_assert_str_eq(json(&d, false),
		"{\"id\":30,\"type\":\"hash\",\"name\":\"h1\",\"flags\":0,\"bytes_key\":4,"
		"\"bytes_value\":8,\"max_entries\":16,\"bytes_memlock\":2320,\"frozen\":0}\n");
	cr_assert_str_eq(json(&d, true), "{\n"
					 "    \"id\": 30,\n"
					 "    \"type\": \"hash\",\n"
					 "    \"name\": \"h1\",\n"
					 "    \"flags\": 0,\n"
					 "    \"bytes_key\": 4,\n"
					 "    \"bytes_value\": 8,\n"
					 "    \"max_entries\": 16,\n"
					 "    \"bytes_memlock\": 2320,\n"
					 "    \"frozen\": 0\n"
					 "}\n");
}

Test(print_map, prog_array_owner, .init = setup, .fini = teardown)
{
	struct map_desc d = hash_desc();
	static const struct bpffs_pin pin = { 71, (char *)"/sys/fs/bpf/demo/objmaps/jmp_table" };

	d.info.id = 71;
	d.info.type = BPF_MAP_TYPE_PROG_ARRAY;
	strcpy(d.info.name, "jmp_table");
	d.info.value_size = 4;
	d.info.max_entries = 4;
	d.fd.memlock = 344;
	d.fd.has_owner_type = d.fd.has_owner_jited = d.fd.owner_jited = true;
	d.fd.owner_prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	cr_assert_str_eq(plain(&d), "71: prog_array  name jmp_table  flags 0x0\n"
				    "\tkey 4B  value 4B  max_entries 4  memlock 344B\n"
				    "\towner_prog_type socket_filter  owner jited\n");
	cr_assert_str_eq(json(&d, false),
			 "{\"id\":71,\"type\":\"prog_array\",\"name\":\"jmp_table\",\"flags\":0,"
		"\"bytes_key\":4,\"bytes_value\":4,\"max_entries\":4,\"bytes_memlock\":344,"
		"\"owner_prog_type\":\"socket_filter\",\"owner_jited\":true,\"frozen\":0}\n");
	/* observed: the pinned line comes after the owner */
	d.show_pinned = true;
	d.pins = &pin;
	d.n_pins = 1;
	cr_assert_str_eq(plain(&d), "71: prog_array  name jmp_table  flags 0x0\n"
				    "\tkey 4B  value 4B  max_entries 4  memlock 344B\n"
				    "\towner_prog_type socket_filter  owner jited\n"
				    "\tpinned /sys/fs/bpf/demo/objmaps/jmp_table\n");
	/* an owner type without a name, not jited */
	d.n_pins = 0;
	d.fd.owner_prog_type = 99;
	d.fd.owner_jited = false;
	cr_assert_str_eq(plain(&d), "71: prog_array  name jmp_table  flags 0x0\n"
				    "\tkey 4B  value 4B  max_entries 4  memlock 344B\n"
				    "\towner_prog_type 99  owner not jited\n");
	cr_assert(strstr(json(&d, false), ",\"owner_prog_type\":99,\"owner_jited\":false,"
				      "\"frozen\":0,\"pinned\":[]}"), "%s", text());
}

/* observed: reference 2.2's refobj.rodata example (btf_id and frozen share a line) */
Test(print_map, btf_frozen_pinned, .init = setup, .fini = teardown)
{
	struct map_desc d = hash_desc();
	static const struct bpffs_pin pin = {
		76, (char *)"/sys/fs/bpf/demo/objmaps/refobj_rodata",
	};

	d.info.id = 76;
	d.info.type = BPF_MAP_TYPE_ARRAY;
	strcpy(d.info.name, "refobj.rodata");
	d.info.map_flags = 0x480;
	d.info.value_size = 4;
	d.info.max_entries = 1;
	d.info.btf_id = 31;
	d.fd.memlock = 8192;
	d.fd.frozen = true;
	d.show_pinned = true;
	d.pins = &pin;
	d.n_pins = 1;
	cr_assert_str_eq(plain(&d), "76: array  name refobj.rodata  flags 0x480\n"
				    "\tkey 4B  value 4B  max_entries 1  memlock 8192B\n"
				    "\tpinned /sys/fs/bpf/demo/objmaps/refobj_rodata\n"
				    "\tbtf_id 31  frozen\n");
	cr_assert_str_eq(json(&d, false),
			 "{\"id\":76,\"type\":\"array\",\"name\":\"refobj.rodata\",\"flags\":1152,"
		"\"bytes_key\":4,\"bytes_value\":4,\"max_entries\":1,\"bytes_memlock\":8192,"
			 "\"frozen\":1,\"btf_id\":31,"
			 "\"pinned\":[\"/sys/fs/bpf/demo/objmaps/refobj_rodata\"]}\n");
	d.fd.frozen = false;
	cr_assert(strstr(plain(&d), "\n\tbtf_id 31\n"), "%s", text());
	d.info.btf_id = 0;
	d.fd.frozen = true;
	cr_assert(strstr(plain(&d), "refobj_rodata\n\tfrozen\n"), "%s", text());
}

/* observed: an unnamed map, and a type the tables do not know */
Test(print_map, unnamed_and_unknown_type, .init = setup, .fini = teardown)
{
	struct map_desc d = hash_desc();

	d.info.id = 1137;
	d.info.name[0] = 0;
	d.info.value_size = 4;
	d.info.max_entries = 4;
	d.fd.memlock = 1360;
	cr_assert_str_eq(plain(&d), "1137: hash  flags 0x0\n"
				    "\tkey 4B  value 4B  max_entries 4  memlock 1360B\n");
	d.info.type = 77;
	strcpy(d.info.name, "future");
	cr_assert_str_eq(plain(&d), "1137: type 77  name future  flags 0x0\n"
				    "\tkey 4B  value 4B  max_entries 4  memlock 1360B\n");
	cr_assert_str_eq(json(&d, false),
		"{\"id\":1137,\"type\":77,\"name\":\"future\",\"flags\":0,\"bytes_key\":4,"
		"\"bytes_value\":4,\"max_entries\":4,\"bytes_memlock\":1360,\"frozen\":0}\n");
}

Test(print_map, pinned_paths_and_pids, .init = setup, .fini = teardown)
{
	struct map_desc d = hash_desc();
	static const struct bpffs_pin pins[] = {
		{ 30, (char *)"/sys/fs/bpf/a" }, { 30, (char *)"/sys/fs/bpf/b c" },
	};
	static const struct pid_ref refs[] = {
		{ 30, 10, "holder", 0 }, { 30, 11, "x\"y", 1 },
	};

	d.show_pinned = true;
	d.pins = pins;
	d.n_pins = 2;
	d.pids = refs;
	d.n_pids = 2;
	d.fd.frozen = true;
	cr_assert_str_eq(plain(&d), "30: hash  name h1  flags 0x0\n"
				    "\tkey 4B  value 8B  max_entries 16  memlock 2320B\n"
				    "\tpinned /sys/fs/bpf/a\n"
				    "\tpinned /sys/fs/bpf/b c\n"
				    "\tfrozen\n"
				    "\tpids holder(10), x\"y(11)\n");
	cr_assert_str_eq(json(&d, false),
		"{\"id\":30,\"type\":\"hash\",\"name\":\"h1\",\"flags\":0,\"bytes_key\":4,"
		"\"bytes_value\":8,\"max_entries\":16,\"bytes_memlock\":2320,\"frozen\":1,"
			 "\"pinned\":[\"/sys/fs/bpf/a\",\"/sys/fs/bpf/b c\"],"
		"\"pids\":[{\"pid\":10,\"comm\":\"holder\"},{\"pid\":11,\"comm\":\"x\\\"y\"}]}\n");
	cr_assert_str_eq(json(&d, true), "{\n"
					 "    \"id\": 30,\n"
					 "    \"type\": \"hash\",\n"
					 "    \"name\": \"h1\",\n"
					 "    \"flags\": 0,\n"
					 "    \"bytes_key\": 4,\n"
					 "    \"bytes_value\": 8,\n"
					 "    \"max_entries\": 16,\n"
					 "    \"bytes_memlock\": 2320,\n"
					 "    \"frozen\": 1,\n"
					 "    \"pinned\": [\"/sys/fs/bpf/a\",\"/sys/fs/bpf/b c\"\n"
					 "    ],\n"
					 "    \"pids\": [{\n"
					 "            \"pid\": 10,\n"
					 "            \"comm\": \"holder\"\n"
					 "        },{\n"
					 "            \"pid\": 11,\n"
					 "            \"comm\": \"x\\\"y\"\n"
					 "        }\n"
					 "    ]\n"
					 "}\n");
	/* -f with nothing pinned here but something elsewhere: an empty array */
	d.n_pins = 0;
	d.n_pids = 0;
	cr_assert(strstr(json(&d, true), "    \"frozen\": 1,\n    \"pinned\": []\n}\n"), "%s",
		  text());
}

/* Without /proc: no memlock, owner or frozen, in either mode */
Test(print_map, no_fdinfo, .init = setup, .fini = teardown)
{
	struct map_desc d = hash_desc();

	memset(&d.fd, 0, sizeof(d.fd));
	d.info.type = BPF_MAP_TYPE_PROG_ARRAY;
	cr_assert_str_eq(plain(&d), "30: prog_array  name h1  flags 0x0\n"
				    "\tkey 4B  value 8B  max_entries 16\n");
	cr_assert_str_eq(json(&d, false),
			 "{\"id\":30,\"type\":\"prog_array\",\"name\":\"h1\",\"flags\":0,"
			 "\"bytes_key\":4,\"bytes_value\":8,\"max_entries\":16}\n");
	/* fdinfo without a frozen line (kernels before 5.2): upstream's "frozen":0 */
	d.fd.read = true;
	cr_assert(strstr(json(&d, false), "\"max_entries\":16,\"frozen\":0}"), "%s", text());
}

Test(print_map, offloaded, .init = setup, .fini = teardown)
{
	struct map_desc d = hash_desc();

	d.info.ifindex = 3;
	d.info.netns_dev = 4;
	d.info.netns_ino = 4026531840ULL;
	cr_assert(!strncmp(plain(&d), "30: hash  name h1  flags 0x0  offloaded_to ifindex 3 "
			   "ns_dev 4 ns_ino 4026531840\n", 78), "%s", text());
	strcpy(d.ifname, "eth7");
	cr_assert(!strncmp(plain(&d), "30: hash  name h1  flags 0x0  offloaded_to eth7\n", 48),
		  "%s", text());
	cr_assert(strstr(json(&d, false), "\"flags\":0,\"dev\":{\"ifindex\":3,\"ns_dev\":4,"
		"\"ns_inode\":4026531840,\"ifname\":\"eth7\"},\"bytes_key\":4,"), "%s", text());
}
