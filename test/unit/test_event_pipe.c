// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/* event_pipe's pure parts: which `cpu N` can carry a ring (offline CPUs cannot be made here). */
#include "event_pipe.h"
#include "tlib.h"

Test(event_pipe_cpu, absent_offline_unknown)
{
	bool online[4] = { true, false, true, true };

	cr_expect_eq(ep_cpu_state(0, 4, online), EP_CPU_OK);
	cr_expect_eq(ep_cpu_state(1, 4, online), EP_CPU_OFFLINE);
	cr_expect_eq(ep_cpu_state(3, 4, online), EP_CPU_OK);
	cr_expect_eq(ep_cpu_state(4, 4, online), EP_CPU_ABSENT);
	cr_expect_eq(ep_cpu_state(99999, 4, online), EP_CPU_ABSENT);
	/* no online list: only the possible count tells */
	cr_expect_eq(ep_cpu_state(1, 4, NULL), EP_CPU_OK);
	cr_expect_eq(ep_cpu_state(5, 4, NULL), EP_CPU_ABSENT);
	/* no /sys at all: the kernel decides */
	cr_expect_eq(ep_cpu_state(5, -2, NULL), EP_CPU_UNKNOWN);
}
