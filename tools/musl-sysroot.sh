#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
# A musl for a foreign architecture from Debian's own packages, for the Debian cross-gcc
# route (make CROSS=... CROSS_CC=...), without dpkg --add-architecture: apt runs with a
# private configuration and lists, downloads musl and musl-dev for ARCH, unpacks them into
# DIR and writes DIR/musl-gcc.specs pointing into DIR. Bookworm has musl-dev for arm64,
# armhf, armel, i386, mipsel, mips64el, ppc64el and s390x (not mips or riscv64).
# usage: tools/musl-sysroot.sh DEBIAN_ARCH DIR
#   e.g. tools/musl-sysroot.sh arm64 build/sysroot/arm64
#        make CROSS=aarch64 CROSS_CC="aarch64-linux-gnu-gcc -specs $PWD/build/sysroot/arm64/musl-gcc.specs"
set -eu
[ $# = 2 ] || { echo "usage: $0 DEBIAN_ARCH DIR" >&2; exit 2; }
arch=$1
mkdir -p "$2"
dir=$(cd "$2" && pwd)
apt=$dir/apt
mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$dir/deb"
cat >"$apt/apt.conf" <<CONF
APT::Architectures { "$(dpkg --print-architecture)"; "$arch"; };
Dir::State::Lists "$apt/lists";
Dir::Cache "$apt/cache";
CONF
export APT_CONFIG="$apt/apt.conf"
# A foreign index that is mid-sync on the mirror fails the update (exit 100) while the
# others are fine; what matters is whether the two packages can be downloaded.
apt-get -q update >"$apt/update.log" 2>&1 || echo "musl-sysroot: apt-get update had errors, see $apt/update.log" >&2
(cd "$dir/deb" && apt-get -q download "musl:$arch" "musl-dev:$arch")
for deb in "$dir"/deb/*.deb; do
	dpkg-deb -x "$deb" "$dir"
done
specs=$(find "$dir/usr/lib" -name musl-gcc.specs | head -n 1)
[ -n "$specs" ] || { echo "musl-sysroot: no musl-gcc.specs in musl-dev:$arch" >&2; exit 1; }
sed "s#/usr/#$dir/usr/#g" "$specs" >"$dir/musl-gcc.specs"
echo "$dir/musl-gcc.specs"
