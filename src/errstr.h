/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* errno texts as glibc words them, returned by value: p_err("...: %s", errstr(err).s). */
#ifndef ERRSTR_H
#define ERRSTR_H

struct errtext {
	char s[64];
};

/* err may be positive or negative (-errno, as the sys layer returns it). */
struct errtext errstr(int err);

/*
 * A second line for an error whose errno text alone misleads, or NULL. ENOSYS from bpf(2)
 * ("Function not implemented") means the kernel offers no BPF at all, or something blocks it.
 */
const char *errstr_hint(int err);

#endif
