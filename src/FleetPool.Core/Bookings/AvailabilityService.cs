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
/// Answers "what can I take?". Free vehicles come first (a car whose range does not cover the round trip is not free);
/// for a trip within the e-bike threshold, e-bikes then bikes lead; cars follow in <see cref="SteeringOptions.FossilFreeOrder"/>,
/// fossil cars last. The advice compares each suggested mode with the best free car.
/// </summary>
public sealed class AvailabilityService(IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time,
    IOptions<BookingRuleDefaults> defaults, IOptions<SteeringOptions> steering, IDistanceEstimator distances)
{
    /// <summary>The ranked vehicles of the site for the slot.</summary>
    public async Task<Outcome<AvailabilityResult>> FindAsync(Actor actor, AvailabilityQuery q, CancellationToken ct = default)
    {
        var invalid = q.Validate();
        if (!invalid.IsEmpty)
        {
            return Problem.Invalid(invalid);
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        // Stryker disable once Statement : without it EF opens and closes the connection per query: slower, same answer.
        await db.Database.OpenConnectionAsync(ct); // once for all the queries: an EF open costs more than the site query
        var site = await HotQueries.For(db).SiteWithHours(db, q.SiteId!.Value, ct);
        if (site is null)
        {
            return Problem.Invalid(new FieldErrors().Add("site", Text.Get("NoSite")));
        }
        var (from, to) = (q.From!.Value, q.To!.Value);
        var distance = q.DistanceKm;
        if (q.PlaceId is { } placeId)
        {
            if (await db.Places.AsNoTracking().SingleOrDefaultAsync(p => p.Id == placeId, ct) is not { } place)
            {
                return Problem.Invalid(new FieldErrors().Add("placeId", Text.Get("NoPlace")));
            }
            distance ??= ConfidentialPlaces.DistanceKm(distances, site, place, await ConfidentialPlaces.MayLocateAsync(db, actor, place, ct));
        }
        var blockedUntil = to + BookingRuleSet.For(site, defaults.Value).Buffer;
        // Every kind is read: the reasons a car needs depend on the bikes that are free, whatever kind was asked for.
        var all = await FreeVehicles.AtSiteAsync(db, site.Id, null, from, blockedUntil, q.IgnoreBookingId, ct);
        var vehicles = all.Where(v => v.Vehicle.Status != VehicleStatus.Retired && (q.Kind is null || v.Vehicle.Kind == q.Kind)).ToList(); // retired: not worth a line
        var o = steering.Value;
        var alternatives = FreeAlternatives.Of(all.Where(v => v.IsFree).Select(v => v.Vehicle), q.Passengers ?? 1, distance);
        var mode = TripAdvice.For(distance, o);
        var ordered = vehicles
            .Select(v => (v.Vehicle, v.OpenDamageReports, Reason: ReasonUnavailable(v, q.Passengers, distance)))
            .OrderBy(x => x.Reason is null ? 0 : 1)
            .ThenBy(x => Preference(x.Vehicle, mode, o))
            .ThenBy(x => x.Vehicle.Name, StringComparer.CurrentCulture)
            .ToList();
        // The car the booker would otherwise get: the best free car or van; the comparison in the advice uses its fuel.
        var car = ordered.FirstOrDefault(x => x.Reason is null && x.Vehicle.Kind.IsMotorVehicle()).Vehicle;
        var advice = TripAdvice.For(distance, o, car?.Fuel);
        var ranked = ordered
            .Select((x, i) => new VehicleAvailability(VehicleView.From(x.Vehicle, x.OpenDamageReports), i + 1, x.Reason,
                x.Reason is null ? CarReasons.Needed(x.Vehicle, distance, alternatives, o) : default))
            .ToList();
        var problems = SlotProblems(site, from, to);
        if (problems.Count == 0)
        {
            return new AvailabilityResult(advice, problems, ranked);
        }
        // The ways out of a closed slot: the same site's next opening, or another site open for the same times.
        var others = await db.Sites.AsNoTracking().Include(s => s.OpeningHours).Where(s => s.Id != site.Id).OrderBy(s => s.Name).ToListAsync(ct);
        var open = others.Where(s => BookingRules.ClosedReason(s, from, time) is null && BookingRules.ClosedReason(s, to, time) is null)
            .Select(s => new OpenSite(s.Id, s.Name)).ToList();
        return new AvailabilityResult(advice, problems, ranked, BookingRules.NextOpening(site, from, to - from, clock.GetCurrentInstant(), time), open);
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

    private static string? ReasonUnavailable(SiteVehicle s, int? passengers, double? distance) =>
        s.Vehicle.Status == VehicleStatus.Maintenance ? "maintenance"
        : s.Booked ? "booked"
        : TripFit.Unfit(s.Vehicle, passengers, distance);

    // Lower is better: for a bikeable trip the suggested kind of bike first (a plain bike for a bike distance, an e-bike
    // beyond), then the other bikes, then cars in the configured fuel order; for longer trips cars first, bikes last.
    private static int Preference(Vehicle v, TripAdvice advice, SteeringOptions o)
    {
        var bike = !v.Kind.IsMotorVehicle();
        var kindOrder = bike ? (advice.FavoursBike() ? 0 : 2000) : 1000;
        var bikeOrder = (v.Kind, advice.SuggestedMode) switch
        {
            (VehicleKind.EBike, "eBike") or (VehicleKind.Bike, "walk" or "bike") => 0,
            (VehicleKind.EBike or VehicleKind.Bike, _) => 1,
            _ => 2,
        };
        return kindOrder + (bike ? bikeOrder : o.FuelRank(v.Fuel));
    }
}
