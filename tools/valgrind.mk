# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# `make valgrind`: tools/valgrind-check over the product and over the glibc build.
#  - build/valgrind/bpftool: ./bpftool's own objects linked without -s. Stripped it is byte
#    for byte ./bpftool (checked), so valgrind runs the product's code, with symbols for its
#    reports and suppressions. Static: valgrind cannot replace its malloc, so the heap is not
#    tracked there; stack and static buffers are, and every access outside mapped memory.
#  - build/test/bpftool (glibc, -O1 -g): heap, leaks and uninitialised bytes as well.
VG_BIN := build/valgrind/$(PROG)

$(VG_BIN): $(PROG) | build/valgrind/
	$(call say,LINK,$@)
	$(Q)$(BCC) $(filter-out -s,$(LDOPT)) -o $@ $(SRCS:src/%.c=$(BDIR)/%.o)

valgrind: $(VG_BIN) $(TDIR)/bpftool
	$(if $(SAN),$(error make valgrind runs the plain glibc build: no SAN=1))
	$(Q)strip -o $(VG_BIN).stripped $(VG_BIN) && cmp $(VG_BIN).stripped $(PROG)
	$(Q)tools/valgrind-check $(VG_BIN)
	$(Q)tools/valgrind-check $(TDIR)/bpftool heap

.PHONY: valgrind
