#!/bin/sh
# Creates the secrets deploy/compose.yaml mounts, as files in deploy/secrets/:
# random values, made once (an existing file is kept). The folder is readable by
# its owner only; the files inside are readable by the containers' own users
# (Tessera runs as 10001, PostgreSQL as 999), which the folder already hides.
set -eu
cd "$(dirname "$0")"
mkdir -p secrets
chmod 0700 secrets
hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }
put() {
	if [ -s "secrets/$1" ]; then echo "kept secrets/$1"; return; fi
	printf '%s\n' "$2" >"secrets/$1"
	chmod 0444 "secrets/$1"
	echo "made secrets/$1"
}
put postgres_password "$(hex 24)"
put redis_password "$(hex 24)"
pg=$(tr -d '\n' <secrets/postgres_password)
redis=$(tr -d '\n' <secrets/redis_password)
put database_url "postgres://tessera:${pg}@postgres:5432/tessera"
put redis_url "redis://tessera:${redis}@redis:6379"
redis_hash=$(printf '%s' "$redis" | sha256sum | cut -d' ' -f1)
put redis_acl "user default on nopass -@all +ping
user tessera on #${redis_hash} ~* &* +@all"
put tessera_secret "$(hex 32)"
put metrics_token "$(hex 24)"
echo "Back up deploy/secrets/tessera_secret: without it, authenticator keys and backup codes cannot be checked."
