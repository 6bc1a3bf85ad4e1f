# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# libFuzzer targets for every parser of untrusted bytes (clang; also runnable under AFL++
# with afl-clang-fast -fsanitize=fuzzer). `make fuzz FUZZ_SECONDS=N` runs each for N seconds
# (the targets' own stdout/stderr are closed: -close_fd_mask=3)
# from the committed seeds; new inputs go to build/fuzz/corpus/, crashes to build/fuzz/.
FUZZ_CC      ?= clang
FUZZ_DIR     := build/fuzz
FUZZ_SECONDS ?= 10
FUZZ_FLAGS   := -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
FUZZ_TARGETS := $(patsubst tools/fuzz/%.c,%,$(wildcard tools/fuzz/fuzz_*.c))
FUZZ_LIB     := $(LIB_SRCS)
# the checker of the targets' JSON output is not under test: no coverage feedback from it
# (instrumented, its whitespace loop over pretty output was most of the run time)
FUZZ_JSONV   := $(FUZZ_DIR)/jsonv.o

$(FUZZ_JSONV): test/lib/jsonv.c test/lib/jsonv.h | $(FUZZ_DIR)/
	$(call say,FUZZCC,$@)
	$(Q)$(FUZZ_CC) -g -O1 -fsanitize=address,undefined -c -o $@ $<

$(FUZZ_DIR)/%: tools/fuzz/%.c tools/fuzz/fuzz_common.h $(FUZZ_LIB) $(FUZZ_JSONV) | $(FUZZ_DIR)/
	$(call say,FUZZCC,$@)
	$(Q)$(FUZZ_CC) $(CPPFLAGS) -Itest/lib -Itools/fuzz $(FUZZ_FLAGS) -o $@ $< $(FUZZ_LIB) \
		$(FUZZ_JSONV)

fuzz-build: $(FUZZ_TARGETS:%=$(FUZZ_DIR)/%)

# A run fails on the fuzzer's own exit status and on any artifact it leaves (crash-, leak-,
# timeout-, oom-...; slow-unit- files are only reports). FUZZ_RUNS=N stops each target after
# N executions instead (the long runs: FUZZ_RUNS=10000000 FUZZ_SECONDS=0).
FUZZ_RUNS ?= -1
fuzz: fuzz-build
	$(Q)for t in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_DIR)/corpus/$$t tools/fuzz/corpus/$$t; \
		echo "  FUZZ   $$t ($(FUZZ_SECONDS)s, $(FUZZ_RUNS) runs)"; \
		$(FUZZ_DIR)/$$t -max_total_time=$(FUZZ_SECONDS) -runs=$(FUZZ_RUNS) \
			-print_final_stats=1 -close_fd_mask=3 -timeout=10 \
			-artifact_prefix=$(FUZZ_DIR)/$$t- $(FUZZ_DIR)/corpus/$$t \
			tools/fuzz/corpus/$$t > $(FUZZ_DIR)/$$t.log 2>&1; rc=$$?; \
		grep -E 'stat::number_of_executed_units|ERROR|SUMMARY' $(FUZZ_DIR)/$$t.log; \
		[ $$rc = 0 ] || { echo "fuzz: $$t exited $$rc (log: $(FUZZ_DIR)/$$t.log)" >&2; \
			exit 1; }; \
		for f in $(FUZZ_DIR)/$$t-*; do \
			case $$f in *-slow-unit-*|*'-*') continue;; esac; \
			echo "fuzz: $$t found a problem: $$f" >&2; exit 1; \
		done; \
	done; true

.PHONY: fuzz fuzz-build

# The seeds of the structured targets are generated (BTF blobs need the test fixtures'
# builder); `make fuzz-seeds` rewrites them in tools/fuzz/corpus/.
$(FUZZ_DIR)/mkseeds: tools/fuzz/mkseeds.c test/lib/btfbuild.c test/lib/btfmaps.c $(LIB_SRCS) \
		| $(FUZZ_DIR)/
	$(call say,HOSTCC,$@)
	$(Q)$(HOSTCC) $(CPPFLAGS) -Itest/lib $(CRIT_CFLAGS) -g -o $@ $^ $(CRIT_LIBS)

fuzz-seeds: $(FUZZ_DIR)/mkseeds
	$(Q)$(FUZZ_DIR)/mkseeds

.PHONY: fuzz-seeds
