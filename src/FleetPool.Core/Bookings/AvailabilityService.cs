using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using FleetPool.Core.Steering;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>
/// Answers "what can I take?". Free vehicles come first; for a trip a bike can do, bikes and e-bikes lead; among
/// cars, fossil-independent ones whose range covers the round trip lead, electric first.
/// </summary>
public sealed class AvailabilityService(IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time,
    IOptions<BookingRuleDefaults> defaults, IOptions<SteeringOptions> steering)
{
    /// <summary>The ranked vehicles of the site for the slot.</summary>
    public async Task<Outcome<AvailabilityResult>> FindAsync(AvailabilityQuery q, CancellationToken ct = default)
    {
        var invalid = q.Validate();
        if (!invalid.IsEmpty)
        {
            return Problem.Invalid(invalid);
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var site = await db.Sites.AsNoTracking().Include(s => s.OpeningHours).SingleOrDefaultAsync(s => s.Id == q.SiteId, ct);
        if (site is null)
        {
            return Problem.Invalid(new FieldErrors().Add("site", Text.Get("NoSite")));
        }
        var (from, to) = (q.From!.Value, q.To!.Value);
        var blockedUntil = to + BookingRuleSet.For(site, defaults.Value).Buffer;
        var vehicles = await db.Vehicles.AsNoTracking()
            .Where(v => v.SiteId == site.Id && (q.Kind == null || v.Kind == q.Kind)).ToListAsync(ct);
        var ids = vehicles.Select(v => v.Id).ToList();
        var booked = (await db.Bookings.AsNoTracking()
            .Where(b => ids.Contains(b.VehicleId) && BookingStatuses.HoldingSlot.Contains(b.Status)
                && b.Start < blockedUntil && from < b.BlockedUntil)
            .Select(b => b.VehicleId).Distinct().ToListAsync(ct)).ToHashSet();
        var damaged = await db.DamageReports.AsNoTracking().Where(d => ids.Contains(d.VehicleId) && d.ResolvedAt == null)
            .GroupBy(d => d.VehicleId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var advice = TripAdvice.For(q.DistanceKm, steering.Value);
        var ranked = vehicles
            .Select(v => (Vehicle: v, Reason: ReasonUnavailable(v, booked, q)))
            .OrderBy(x => x.Reason is null ? 0 : 1)
            .ThenBy(x => Preference(x.Vehicle, advice))
            .ThenBy(x => x.Vehicle.Name, StringComparer.CurrentCulture)
            .Select((x, i) => new VehicleAvailability(VehicleView.From(x.Vehicle, damaged.GetValueOrDefault(x.Vehicle.Id)), i + 1, x.Reason))
            .ToList();
        return new AvailabilityResult(advice, SlotProblems(site, from, to), ranked);
    }

    private List<string> SlotProblems(Organisation.Site site, Instant from, Instant to)
    {
        var problems = new List<string>();
        if (BookingRules.StartsInPast(from, clock.GetCurrentInstant()))
        {
            problems.Add(Text.Get("StartInPast"));
        }
        problems.AddRange(new[] { from, to }.Select(i => BookingRules.ClosedReason(site, i, time)).OfType<string>().Distinct());
        return problems;
    }

    private static string? ReasonUnavailable(Vehicle v, HashSet<int> booked, AvailabilityQuery q) =>
        v.Status == VehicleStatus.Retired ? "retired"
        : v.Status == VehicleStatus.Maintenance ? "maintenance"
        : booked.Contains(v.Id) ? "booked"
        : q.Passengers > v.Seats ? "tooFewSeats"
        : q.DistanceKm is { } d && v.RangeKm is { } r && r < 2 * d ? "rangeTooShort"
        : null;

    // Lower is better: bikes for bikeable trips, then fossil-free before fossil, electric first among them.
    private static int Preference(Vehicle v, TripAdvice advice)
    {
        var bike = !v.Kind.IsMotorVehicle();
        var bikeOrder = advice.FavoursBike() ? (bike ? 0 : 10) : (bike ? 20 : 0);
        var fuelOrder = bike ? 0 : v.Fuel == FuelType.Electric ? 1 : v.IsFossilIndependent ? 2 : 5;
        return bikeOrder + fuelOrder;
    }
}
