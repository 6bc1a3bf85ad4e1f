/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* RLIMIT_MEMLOCK: raised before creating a map, only on kernels that still charge it (< 5.11). */
#ifndef MEMLOCK_H
#define MEMLOCK_H

#include <stdbool.h>

/*
 * upstream's known_to_need_rlimit(): with the soft RLIMIT_MEMLOCK at 0, load a two-insn
 * program; EPERM means the kernel charges BPF memory to the rlimit (before 5.11's memcg
 * accounting, commit 97306be45fbe). The limit is restored before returning.
 */
bool memlock_rlimit_needed(void);

/*
 * Raises RLIMIT_MEMLOCK to infinity when needed() says so (the test seam: pass
 * memlock_rlimit_needed, or a stub); without the privilege for that, the soft limit to the
 * hard one. Returns 0, or -errno from setrlimit (then the create that follows reports the
 * kernel's refusal).
 */
int memlock_raise(bool (*needed)(void));

#endif
