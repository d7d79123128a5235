#!/bin/sh
# Lays out what the image runs, from a checkout where `npm ci`, `npm run build`
# (when the package has it) and `npm prune --omit=dev` have run:
#   OUT/opt/tessera    the application (compiled to dist/ when the package builds, its
#                      source otherwise), its production node_modules and Node 24
#   OUT/var/lib/tessera the (empty) data directory
# The image build runs it in its build stage; deploy/check-image.sh runs it on the
# host for a prebuilt context. Both therefore ship exactly the same files.
set -eu
src=${1:?usage: assemble.sh SOURCE OUT}
out=${2:?usage: assemble.sh SOURCE OUT}
app="$out/opt/tessera"
mkdir -p "$app" "$out/var/lib/tessera"
cp -p "$src/package.json" "$app/"
cp -Rp "$src/assets" "$app/"
if [ -d "$src/dist" ]; then cp -Rp "$src/dist" "$app/"; else cp -Rp "$src/src" "$app/"; fi
if [ -d "$src/bin" ]; then cp -Rp "$src/bin" "$app/"; fi
cp -Rp "$src/node_modules" "$app/"
# The `node` package keeps a second link to the same 120 MB binary, plus C headers
# for compiling addons, under node_modules/node/node_modules: nothing reads them at
# run time. node_modules/node/bin/node stays, as a file of its own.
node_bin="$app/node_modules/node/bin/node"
cp -p "$node_bin" "$node_bin.own" && mv -f "$node_bin.own" "$node_bin"
rm -rf "$app/node_modules/node/node_modules"
"$node_bin" --version >/dev/null
