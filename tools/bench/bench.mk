# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# Benchmark against the floor and against the distribution's bpftool (tools/bench/README.md).
#   make bench [BENCH_ARGS=--quick]   setup maps, check outputs, timed rounds, results table
#   make bench-check                  build, then only the byte-equality checks on small maps
# The floors and helpers are static musl binaries, -Os like the product, in build/bench/.
BENCH_DIR   := build/bench
BENCH_ARGS  ?=
BENCH_BINS  := floor-dump floor-lookup floor-show bench-setup runone
BENCH_FLAGS := -std=gnu11 -Os -static -s

$(BENCH_DIR)/floor-dump: tools/bench/floor_dump.c src/sys_bpf.c
$(BENCH_DIR)/floor-lookup: tools/bench/floor_lookup.c src/sys_bpf.c
$(BENCH_DIR)/floor-show: tools/bench/floor_show.c src/sys_bpf.c src/names.c
$(BENCH_DIR)/bench-setup: tools/bench/setup.c src/sys_bpf.c
$(BENCH_DIR)/runone: tools/bench/runone.c tools/bench/memtrace.h

$(BENCH_BINS:%=$(BENCH_DIR)/%): tools/bench/floor.h | $(BENCH_DIR)/
	$(call say,CC,$@)
	$(Q)$(MUSL_CC) $(CPPFLAGS) $(WARN) $(BENCH_FLAGS) -o $@ $(filter %.c,$^)

bench-build: $(PROG) $(BENCH_BINS:%=$(BENCH_DIR)/%)

bench: bench-build
	$(Q)tools/bench/bench.sh $(BENCH_ARGS)

bench-check: bench-build
	$(Q)tools/bench/bench.sh --check $(BENCH_ARGS)

.PHONY: bench bench-build bench-check

# issue 10: `batch file` with 100,000 updates against one process per update (2,000, scaled)
bench-batch: $(PROG)
	$(Q)tools/bench/batch.sh $(BATCH_ARGS)

.PHONY: bench-batch
