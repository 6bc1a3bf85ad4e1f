/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Test helpers: run the built binary, validate JSON, make kernel fixtures, loud skips. */
#ifndef TLIB_H
#define TLIB_H

#include <stdbool.h>
#include <stddef.h>

#include <criterion/criterion.h>

struct run {
	char *out;	/* stdout, NUL-terminated */
	size_t out_len;
	char *err;	/* stderr, NUL-terminated */
	size_t err_len;
	int status;	/* exit status, or 128 + signal */
};

/* Path of the binary under test: $BPFTOOL, else ./bpftool. */
const char *t_bpftool(void);
/* Runs bpftool with the given words (NULL-terminated); stdin is /dev/null. */
struct run t_runv(const char *const *argv);
/* The same, calling setup(arg) in the child just before exec (namespaces, limits...). */
struct run t_runv_in(const char *const *argv, void (*setup)(void *), void *arg);
/* Runs bpftool with words split on spaces from a printf format (no quoting). */
struct run t_run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void t_run_free(struct run *r);

/* Expects the status and (unless NULL) exactly these stdout and stderr bytes; frees r. */
void t_expect(struct run r, int status, const char *out, const char *err);
/* JSON mode: the status, one valid document, exactly out (unless NULL), no stderr; frees r. */
void t_expect_json(struct run r, int status, const char *out);

#include "jsonv.h"

/*
 * A kernel test that cannot run skips with the reason; under CI=true a skip is a failure,
 * so CI can never pass by skipping the kernel.
 */
#define t_skip_or_fail(...)                                                  \
	do {                                                                 \
		if (t_in_ci())                                               \
			cr_assert_fail("skipped under CI=true: " __VA_ARGS__);     \
		cr_skip_test(__VA_ARGS__);                                   \
	} while (0)
bool t_in_ci(void);

/* Skips (or fails under CI) when bpf(2) is unusable here: no privilege or no BPF. */
void t_require_bpf(void);

/*
 * A private bpffs directory for one test: /sys/fs/bpf/bpftool-test-<pid>-<tag>, created
 * fresh; t_dir_cleanup() removes it with everything pinned inside.
 */
const char *t_dir(const char *tag);
void t_dir_cleanup(void);

#endif
