/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/* Fixed-width integer types used by the Linux kernel's user-space ABI. */
#ifndef BPFMAP_UAPI_LINUX_TYPES_H
#define BPFMAP_UAPI_LINUX_TYPES_H

/*
 * Every Linux architecture's user-space headers spell the 64-bit types as
 * "long long" (asm-generic/int-ll64.h), so the same definitions serve all
 * targets.  Should a host header also pull in the kernel's own asm/types.h,
 * the repeated typedefs are identical and therefore legal in C11.
 */
typedef signed char		__s8;
typedef unsigned char		__u8;
typedef signed short		__s16;
typedef unsigned short		__u16;
typedef signed int		__s32;
typedef unsigned int		__u32;
__extension__ typedef signed long long		__s64;
__extension__ typedef unsigned long long	__u64;

/* The sparse checker gives this attribute a meaning; compilers ignore it. */
#ifndef __bitwise
#ifdef __CHECKER__
#define __bitwise	__attribute__((bitwise))
#else
#define __bitwise
#endif
#endif
#ifndef __bitwise__
#define __bitwise__	__bitwise
#endif

/* Byte-order tagged integers: plain integers of the stated width. */
typedef __u16 __bitwise	__le16;
typedef __u16 __bitwise	__be16;
typedef __u32 __bitwise	__le32;
typedef __u32 __bitwise	__be32;
typedef __u64 __bitwise	__le64;
typedef __u64 __bitwise	__be64;

/* Internet checksum values (folded 16-bit and 32-bit partial sums). */
typedef __u16 __bitwise	__sum16;
typedef __u32 __bitwise	__wsum;

/* Event mask returned by poll handlers. */
typedef unsigned int __bitwise	__poll_t;

/*
 * 64-bit members of kernel ABI structures that must sit on an 8-byte
 * boundary even where the C ABI would only give them 4 (i386, for one).
 * Without this, a 32-bit program would lay such a structure out
 * differently from the kernel and get EFAULT or EINVAL back.
 */
#define __aligned_u64	__u64 __attribute__((aligned(8)))
#define __aligned_s64	__s64 __attribute__((aligned(8)))
#define __aligned_be64	__be64 __attribute__((aligned(8)))
#define __aligned_le64	__le64 __attribute__((aligned(8)))

_Static_assert(sizeof(__u64) == 8 && sizeof(__u32) == 4 && sizeof(__u16) == 2,
	       "kernel ABI integer widths");

#endif /* BPFMAP_UAPI_LINUX_TYPES_H */
