#!/usr/bin/env bash
# Builds Tessera's image and starts Tessera inside it, offline: no image registry
# is needed. CI runs it after the tests (.ci/run).
#
#   1. a base image is assembled from this machine's own glibc and libstdc++ (what
#      `ldd` says Node and the native addons load), the smallest base Tessera runs on;
#   2. the application is built here as the Containerfile's build stage would
#      (the installed packages, `npm run build` if the package has it, `npm prune
#      --omit=dev`, deploy/image/assemble.sh) into a prebuilt context;
#   3. the Containerfile is built with APP_SOURCE=prebuilt and BASE_IMAGE=that base;
#   4. Tessera is started in the image (`buildah run`) with its secret as a mounted
#      file, /healthz is probed until it answers 200, /readyz must answer 200, and
#      SIGTERM must stop it cleanly, having written nothing outside its data directory;
#   5. the same on PostgreSQL and Redis (127.0.0.1, as the tests use them), their URLs
#      mounted files too: required under CI=true, said loudly and skipped elsewhere.
#
# Prints the image's size and the time from start to healthy. Needs root and buildah
# (apt-get install buildah). TESSERA_IMAGE_KEEP=1 keeps the image it built.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

for tool in buildah curl; do command -v "$tool" >/dev/null || { echo "check-image: $tool is not installed (apt-get install -y $tool)" >&2; exit 1; }; done
# overlay storage where the machine allows it, vfs (slower, always works) otherwise.
buildah_=(buildah)
if [ -n "${STORAGE_DRIVER:-}" ]; then buildah_+=(--storage-driver "$STORAGE_DRIVER")
elif ! buildah images >/dev/null 2>&1; then buildah_+=(--storage-driver vfs); fi

work=$(mktemp -d /tmp/tessera-image.XXXXXX)
ctr=""
pid=""
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null || true
	[ -n "${pg_db:-}" ] && psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $pg_db with (force)" >/dev/null 2>&1 || true
	[ -n "$ctr" ] && "${buildah_[@]}" rm "$ctr" >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT
step() { printf '== %s\n' "$*"; }
now_ms() { date +%s%3N; }

# --- 1. the application, built as the build stage builds it ---------------------
step "application: installed packages, build, production packages only"
t0=$(now_ms)
mkdir -p "$work/src"
git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$work/src"
cp -a "$(readlink -f node_modules)" "$work/src/node_modules"
(cd "$work/src" && npm run build --if-present >/dev/null && npm prune --omit=dev --no-audit --no-fund >/dev/null)
mkdir -p "$work/context"
sh deploy/image/assemble.sh "$work/src" "$work/context/prebuilt"
cp Containerfile "$work/context/"
app="$work/context/prebuilt/opt/tessera"
echo "   $(du -sm "$app" | cut -f1) MB in $(( ($(now_ms) - t0) / 1000 )) s"

# --- 2. a base from this machine's glibc and libstdc++ ----------------------------
step "base image: the shared libraries Node and the native addons load, sh and dirname"
# bin/tessera-server is a shell script: sh and dirname come too.
tools="$(readlink -f /bin/sh) $(command -v dirname)"
libs=$( { ldd "$app/node_modules/node/bin/node"; find "$app/node_modules" -name '*.node' -exec ldd {} \; ; for t in $tools; do ldd "$t"; done; } \
	| awk '/=> \// { print $3 } /^\s*\/[^ ]+ \(/ { print $1 }' | sort -u)
base_tag="localhost/tessera-base:host-$(printf '%s\n' $libs $tools | xargs sha256sum | sha256sum | cut -c1-12)"
if ! "${buildah_[@]}" inspect --type image "$base_tag" >/dev/null 2>&1; then
	rootfs="$work/base"
	mkdir -p "$rootfs/tmp" "$rootfs/etc"
	chmod 1777 "$rootfs/tmp"
	for lib in $libs; do
		mkdir -p "$rootfs$(dirname "$lib")"
		cp -L "$lib" "$rootfs$lib"
	done
	# Where the loader and libraries are also reached through /lib64 and /lib (usrmerge).
	[ -e /lib64/ld-linux-x86-64.so.2 ] && [ ! -e "$rootfs/lib64/ld-linux-x86-64.so.2" ] && {
		mkdir -p "$rootfs/lib64"; cp -L /lib64/ld-linux-x86-64.so.2 "$rootfs/lib64/"; }
	mkdir -p "$rootfs/bin" "$rootfs/usr/bin"
	cp -L "$(readlink -f /bin/sh)" "$rootfs/bin/sh"
	cp -L "$(command -v dirname)" "$rootfs/usr/bin/dirname"
	printf 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n' >"$rootfs/etc/passwd"
	printf 'root:x:0:\nnogroup:x:65534:\n' >"$rootfs/etc/group"
	base=$("${buildah_[@]}" from scratch)
	"${buildah_[@]}" copy "$base" "$rootfs/" / >/dev/null
	"${buildah_[@]}" config --label "org.opencontainers.image.description=glibc and libstdc++ from the build machine, for Tessera's image check" "$base"
	"${buildah_[@]}" commit --quiet --rm "$base" "$base_tag" >/dev/null
fi
echo "   $base_tag: $("${buildah_[@]}" images --format '{{.Size}}' "$base_tag")"

# --- 3. the image ------------------------------------------------------------------
step "image: Containerfile, APP_SOURCE=prebuilt, BASE_IMAGE=$base_tag"
t0=$(now_ms)
image=localhost/tessera:check
# buildah keeps the working container and image of the stage APP_SOURCE names: the
# ones this build leaves are removed after it.
containers_before=$("${buildah_[@]}" containers -aq | sort)
dangling_before=$("${buildah_[@]}" images -q --filter dangling=true | sort)
"${buildah_[@]}" build --quiet --format docker --pull=never \
	--build-arg APP_SOURCE=prebuilt --build-arg BASE_IMAGE="$base_tag" \
	--build-arg REVISION="$(git rev-parse HEAD)" \
	-t "$image" "$work/context" >/dev/null
for id in $(comm -13 <(echo "$containers_before") <("${buildah_[@]}" containers -aq | sort)); do "${buildah_[@]}" rm "$id" >/dev/null; done
for id in $(comm -13 <(echo "$dangling_before") <("${buildah_[@]}" images -q --filter dangling=true | sort)); do "${buildah_[@]}" rmi "$id" >/dev/null 2>&1 || true; done
size_human=$("${buildah_[@]}" images --format '{{.Size}}' "$image")
echo "   built in $(( ($(now_ms) - t0) / 1000 )) s; size $size_human"
# The image's Docker config (user, healthcheck, entrypoint, command), as JSON.
config=$("${buildah_[@]}" inspect --type image "$image" | node -e 'let t="";process.stdin.on("data",(d)=>{t+=d}).on("end",()=>process.stdout.write(JSON.stringify(JSON.parse(t).Docker.config)))')
grep -q '"User":"10001:10001"' <<<"$config" || { echo "check-image: the image does not run as 10001:10001: $config" >&2; exit 1; }
grep -q '"Healthcheck":{"Test":\["CMD"' <<<"$config" || { echo "check-image: the image has no HEALTHCHECK: $config" >&2; exit 1; }

# --- 4. Tessera in the image ----------------------------------------------------------
step "run: Tessera in the image, its secret a mounted file"
mkdir -p "$work/secrets"
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$work/secrets/tessera_secret"
chmod 0444 "$work/secrets/tessera_secret"
port=$(( 20000 + RANDOM % 20000 ))
ctr=$("${buildah_[@]}" from --pull-never "$image")
cmd=$(node -e 'const c=JSON.parse(process.argv[1]);console.log([...(c.Entrypoint??[]),...(c.Cmd??[])].join(" "))' "$config")
mnt=$("${buildah_[@]}" mount "$ctr")
# What starting any process in the image costs here, apart from Tessera's own start.
t0=$(now_ms)
"${buildah_[@]}" run --isolation chroot --user 10001:10001 "$ctr" -- /opt/tessera/node_modules/node/bin/node -e 0
bare_ms=$(( $(now_ms) - t0 ))
touch "$work/marker"

# Starts the image's command as its user, with the mounted secrets and extra --env
# arguments (chroot isolation shares this machine's network: PORT moves so it meets
# nothing else here), and waits for /healthz. Sets pid and start_ms.
start_tessera() {
	local log=$1 t0 healthy=""
	shift
	port=$(( 20000 + RANDOM % 20000 ))
	t0=$(now_ms)
	"${buildah_[@]}" run --isolation chroot --user 10001:10001 --env PORT="$port" "$@" \
		--volume "$work/secrets:/run/secrets:ro" "$ctr" -- $cmd >"$log" 2>&1 &
	pid=$!
	while [ $(( $(now_ms) - t0 )) -lt 120000 ]; do
		if [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz" 2>/dev/null)" = 200 ]; then healthy=$(now_ms); break; fi
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.05
	done
	[ -n "$healthy" ] || { echo "check-image: Tessera never answered /healthz in the image:" >&2; cat "$log" >&2; exit 1; }
	start_ms=$(( healthy - t0 ))
	echo "   /healthz 200 after $start_ms ms"
	curl -s -o "$work/readyz.json" -w '%{http_code}' "http://127.0.0.1:$port/readyz" >"$work/readyz.code"
	[ "$(cat "$work/readyz.code")" = 200 ] || { echo "check-image: /readyz answered $(cat "$work/readyz.code")" >&2; cat "$log" >&2; exit 1; }
	echo "   /readyz 200: $(cat "$work/readyz.json")"
}

# buildah run kills its command rather than passing signals on: SIGTERM goes to
# Tessera's own process, as a container runtime's stop sends it. Sets stop_ms.
stop_tessera() {
	local log=$1 node_pid="" queue=$pid next p child t1 code=0
	while [ -n "$queue" ] && [ -z "$node_pid" ]; do
		next=""
		for p in $queue; do
			for child in $(pgrep -P "$p" || true); do
				case "$(readlink "/proc/$child/exe" 2>/dev/null)" in */node_modules/node/bin/node) node_pid=$child ;; esac
				next="$next $child"
			done
		done
		queue=$next
	done
	[ -n "$node_pid" ] || { echo "check-image: Tessera's process was not found under buildah run ($pid)" >&2; exit 1; }
	t1=$(now_ms)
	kill -TERM "$node_pid"
	wait "$pid" || code=$?
	pid=""
	stop_ms=$(( $(now_ms) - t1 ))
	grep -q 'shutting down' "$log" || { echo "check-image: no graceful shutdown (exit $code):" >&2; cat "$log" >&2; exit 1; }
	[ "$code" = 0 ] || { echo "check-image: Tessera exited $code on SIGTERM" >&2; cat "$log" >&2; exit 1; }
	echo "   SIGTERM: exited 0 after $stop_ms ms"
}

start_tessera "$work/run.log" --env TESSERA_SECRET_FILE=/run/secrets/tessera_secret
grep -q '"secret":"TESSERA_SECRET"' "$work/run.log" || { echo "check-image: the secret was not read from its file" >&2; cat "$work/run.log" >&2; exit 1; }
sqlite_start_ms=$start_ms
stop_tessera "$work/run.log"
written=$(cd "$mnt" && find . -xdev -newer "$work/marker" ! -type d ! -path './var/lib/tessera*' ! -path './tmp*' \
	! -path './run*' ! -path './dev*' ! -path './proc*' ! -path './sys*' ! -path './etc/hosts' ! -path './etc/resolv.conf' ! -path './etc/hostname' -print)
[ -z "$written" ] || { echo "check-image: Tessera wrote outside its data directory (a read-only root would refuse):" >&2; echo "$written" >&2; exit 1; }
# What the data volume holds: the database, written by 10001, and no key file.
volume=$("${buildah_[@]}" run --isolation chroot --user 10001:10001 "$ctr" -- /opt/tessera/node_modules/node/bin/node -e \
	'const fs=require("node:fs");console.log(fs.readdirSync("/var/lib/tessera").sort().map((f)=>f+":"+fs.statSync("/var/lib/tessera/"+f).uid).join(" "))')
case " $volume " in *" tessera.db:10001 "*) ;; *) echo "check-image: no database of 10001's in the data volume: $volume" >&2; exit 1 ;; esac
case " $volume " in *" secret.key:"*) echo "check-image: a key file was written though TESSERA_SECRET_FILE was set" >&2; exit 1 ;; esac
echo "   nothing written outside /var/lib/tessera, which holds: $volume"

# --- 5. on PostgreSQL and Redis, every secret a file -----------------------------------
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
	step "run: on PostgreSQL and Redis, DATABASE_URL_FILE and REDIS_URL_FILE"
	pg_db="tessera_image_check_$$"
	psql -q -h 127.0.0.1 -U postgres -d postgres -c "create database $pg_db" >/dev/null
	printf 'postgres://postgres@127.0.0.1:5432/%s\n' "$pg_db" >"$work/secrets/database_url"
	printf 'redis://127.0.0.1:6379/15\n' >"$work/secrets/redis_url"
	chmod 0444 "$work/secrets/database_url" "$work/secrets/redis_url"
	start_tessera "$work/run-pg.log" --env TESSERA_SECRET_FILE=/run/secrets/tessera_secret \
		--env DATABASE_URL_FILE=/run/secrets/database_url --env REDIS_URL_FILE=/run/secrets/redis_url
	grep -q '"database":"postgres"' "$work/run-pg.log" || { echo "check-image: not on PostgreSQL" >&2; cat "$work/run-pg.log" >&2; exit 1; }
	grep -q '"redis":{"ok":true' "$work/readyz.json" || { echo "check-image: /readyz did not ask Redis" >&2; exit 1; }
	postgres_start_ms=$start_ms
	stop_tessera "$work/run-pg.log"
	psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database $pg_db with (force)" >/dev/null
else
	[ "${CI:-}" != true ] || { echo "check-image: PostgreSQL and Redis on 127.0.0.1 are required under CI=true" >&2; exit 1; }
	echo "*** PostgreSQL or Redis is not on 127.0.0.1: the image is NOT started on them here ***" >&2
	postgres_start_ms="not measured"
fi
"${buildah_[@]}" umount "$ctr" >/dev/null

echo "image: $image $size_human; start to /healthz 200: $sqlite_start_ms ms on SQLite, $postgres_start_ms ms on PostgreSQL (starting any process with buildah run: $bare_ms ms); stop on SIGTERM: $stop_ms ms"
"${buildah_[@]}" rm "$ctr" >/dev/null
ctr=""
if [ "${TESSERA_IMAGE_KEEP:-}" != 1 ]; then "${buildah_[@]}" rmi "$image" >/dev/null; fi
