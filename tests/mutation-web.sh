#!/usr/bin/env bash
# The mutation score of the services only the web tests reach, with the web tests written for them as the killers.
#   bash tests/mutation-web.sh phase-out|availability|steering|booking [output folder]
# Stryker's per-test coverage (MTP runner) works only when xunit runs one test at a time: with parallel collections every
# test waits ~15 s for a coverage acknowledgement and is marked dubious. So a copy of the repository is made whose web
# test project holds only the chosen test files and runs them in sequence, on SQLite (the PostgreSQL twins skip).
set -euo pipefail
set_name=${1:?"phase-out, availability, steering or booking"}
out=${2:-/tmp/stryker-web-$set_name}
case "$set_name" in
  phase-out) tests=(FossilShareTests.cs); mutate='"**/Reporting/PhaseOutPlanner.cs"' ;;
  availability) tests=(AvailabilityRankingTests.cs FreeVehiclesTests.cs BookingApiTests.cs SteeringApiTests.cs); mutate='"**/Bookings/AvailabilityService.cs"' ;;
  steering) tests=(SteeringApiTests.cs ConfidentialPlaceTests.cs AvailabilityRankingTests.cs); mutate='"**/Steering/TripSteering.cs"' ;;
  booking) tests=(BookingApiTests.cs BookingLifecycleTests.cs BookingPartiesTests.cs NoticesTests.cs ApprovalTests.cs BookingStopsTests.cs); mutate='"**/Bookings/BookingService.cs"' ;;
  *) echo "unknown set: $set_name (phase-out, availability, steering or booking)" >&2; exit 2 ;;
esac
root=$(cd "$(dirname "$0")/.." && pwd)
copy=$(mktemp -d /tmp/fleetpool-mutation-web.XXXXXX)
trap 'rm -rf "$copy"' EXIT
git clone -q "$root" "$copy"
web="$copy/tests/FleetPool.Web.Tests"
find "$web" -maxdepth 1 -name '*.cs' -delete
rm -rf "$web/Components"
for t in "${tests[@]}"; do cp "$root/tests/FleetPool.Web.Tests/$t" "$web/"; done
echo '{ "parallelizeTestCollections": false, "parallelizeAssembly": false }' > "$web/xunit.runner.json"
sed -i 's|</Project>|  <ItemGroup><Content Include="xunit.runner.json" CopyToOutputDirectory="PreserveNewest" /></ItemGroup>\n</Project>|' "$web/FleetPool.Web.Tests.csproj"
cat > "$web/stryker-config.json" <<JSON
{
  "stryker-config": {
    "project": "FleetPool.Core.csproj",
    "test-runner": "mtp",
    "coverage-analysis": "perTest",
    "mutate": [ $mutate ],
    "reporters": [ "progress", "json", "markdown" ],
    "thresholds": { "high": 90, "low": 75, "break": 0 },
    "concurrency": 1
  }
}
JSON
cd "$copy" && dotnet tool restore > /dev/null
cd "$web" && env -u FLEETPOOL_TEST_POSTGRES dotnet dotnet-stryker -O "$out"
