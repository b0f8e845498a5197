using FleetPool.Core.Common;
using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Steering;

/// <summary>A stop to plan: a place from the register, or a position; an optional arrival window and minutes spent there.</summary>
public sealed record RoundStopInput(int? PlaceId, double? Latitude, double? Longitude, LocalTime? From = null, LocalTime? To = null, int? StopMinutes = null);

/// <summary>A round to plan from a pick-up site, optionally starting at a time (needed for arrival windows).</summary>
public sealed record RoundRequest(int? SiteId, IReadOnlyList<RoundStopInput>? Stops, LocalTime? Start = null);

/// <summary>One stop of the proposed round: its index in the request, the place's name (null for a position) and the arrival time.</summary>
public sealed record RoundLeg(int Stop, string? Place, LocalTime? Arrival);

/// <summary>The proposed order and its km against the order as typed; <see cref="Feasible"/> false when the windows cannot all be met.</summary>
public sealed record RoundProposal(IReadOnlyList<RoundLeg> Order, double Km, double TypedKm, double SavedKm, bool Feasible);

/// <summary>
/// Plans a multi-stop round for a member of staff (<see cref="RoundPlanner"/>). Invariants: every stop is checked and a
/// bad one is named by its index; a confidential place the caller may not locate is planned from the centre of its grid
/// cell (<see cref="ConfidentialPlaces"/>), so an order or a total never locates it better than any other answer does.
/// </summary>
public sealed class RoundPlanning(IDbContextFactory<FleetPoolDb> dbs, RoundPlanner planner)
{
    /// <summary>The proposal, or the problems with the request.</summary>
    public async Task<Outcome<RoundProposal>> PlanAsync(Actor actor, RoundRequest request, CancellationToken ct = default)
    {
        var stops = request.Stops ?? [];
        var errors = new FieldErrors().AddIf(request.SiteId is null, "siteId", Text.Get("Required"))
            .AddIf(stops.Count == 0, "stops", Text.Get("Required"))
            .AddIf(stops.Count > RoundPlanner.MaxStops, "stops", Text.Get("RoundTooManyStops", RoundPlanner.MaxStops));
        await using var db = await dbs.CreateDbContextAsync(ct);
        var site = request.SiteId is { } id ? await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) : null;
        errors.AddIf(request.SiteId is not null && site is null, "siteId", Text.Get("NoSite"));
        var ids = stops.Select(s => s.PlaceId).OfType<int>().Distinct().ToList();
        var places = await db.Places.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var planned = new List<(RoundStop Stop, string? Name)>();
        for (var i = 0; i < Math.Min(stops.Count, RoundPlanner.MaxStops); i++)
        {
            var s = stops[i];
            var field = $"stops[{i}]";
            errors.AddIf(s.From is { } f && s.To is { } t && f > t, $"{field}.to", Text.Get("After", "from"))
                .AddIf(s.StopMinutes is < 0 or > 480, $"{field}.stopMinutes", Text.Get("Between", 0, 480));
            if (s.PlaceId is { } placeId)
            {
                if (!places.TryGetValue(placeId, out var place))
                {
                    errors.Add($"{field}.placeId", Text.Get("NoPlace"));
                    continue;
                }
                var exact = new GeoPoint(place.Latitude, place.Longitude);
                var at = await ConfidentialPlaces.MayLocateAsync(db, actor, place, ct) ? exact : ConfidentialPlaces.CellCentre(exact);
                planned.Add((new RoundStop(at, s.From, s.To, s.StopMinutes ?? 0), place.Name));
            }
            else if (s.Latitude is { } lat and >= -90 and <= 90 && s.Longitude is { } lon and >= -180 and <= 180)
            {
                planned.Add((new RoundStop(new GeoPoint(lat, lon), s.From, s.To, s.StopMinutes ?? 0), null));
            }
            else
            {
                errors.Add($"{field}.placeId", Text.Get("RoundStopWhere"));
            }
        }
        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }
        var plan = planner.Plan(new GeoPoint(site!.Latitude, site.Longitude), planned.ConvertAll(p => p.Stop), request.Start);
        var legs = plan.Order.Select((stop, k) => new RoundLeg(stop, planned[stop].Name, k < plan.Arrivals.Count ? plan.Arrivals[k] : null)).ToList();
        return new RoundProposal(legs, plan.Km, plan.TypedKm, plan.SavedKm, plan.Feasible);
    }
}
