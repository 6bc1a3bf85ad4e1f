/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Program renderers for `prog show`, plain and JSON side by side. No syscalls here. */
#ifndef PRINT_PROG_H
#define PRINT_PROG_H

#include "json.h"
#include "progdesc.h"
#include "sink.h"

void prog_show_plain(struct sink *s, const struct prog_desc *d);
void prog_show_json(struct json *j, const struct prog_desc *d);

#endif
