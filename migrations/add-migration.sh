#!/usr/bin/env bash
# Adds one migration, named $1, to both providers' migrations projects, so the schemas never drift apart.
set -euo pipefail
name=${1:?usage: migrations/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project "migrations/FleetPool.Migrations.$provider" \
    --startup-project "migrations/FleetPool.Migrations.$provider" \
    --output-dir Migrations
done
