using FleetPool.Core.Common;
using FleetPool.Core.Data;
using Site = FleetPool.Core.Organisation.Site;

namespace FleetPool.Core.Steering;

/// <summary>
/// Who may locate a confidential place (a protected address, a care recipient's home), and what everyone else is told.
/// Invariants: fleet managers, admins and members of the owning department (or a unit below it) see the address and
/// position and get exact distances; everyone else sees the name only, and every distance they are given is computed
/// from the centre of the <see cref="CellKm"/> × <see cref="CellKm"/> km grid cell the place lies in, so that any
/// number of answers, from any sites, locates the place no better than its cell (about ±1 km).
/// </summary>
public static class ConfidentialPlaces
{
    /// <summary>The side of the grid cell that hides a confidential place from those who may not see it, km.</summary>
    public const double CellKm = 2;

    private const double KmPerDegreeLatitude = Math.PI * HaversineDistance.EarthRadiusKm / 180;

    /// <summary>True when the actor may see where the place is; <paramref name="actorUnits"/> is their department and the units above it.</summary>
    public static bool MayLocate(Actor actor, Place place, IEnumerable<int> actorUnits) =>
        !place.Confidential || actor.ManagesFleet || place.OwnerUnitId is { } owner && actorUnits.Contains(owner);

    /// <summary>The one-way road distance from the site to the place as this caller may know it, km.</summary>
    public static double DistanceKm(IDistanceEstimator distances, Site site, Place place, bool mayLocate)
    {
        var from = new GeoPoint(site.Latitude, site.Longitude);
        var exact = new GeoPoint(place.Latitude, place.Longitude);
        // Whole km: the cell already makes the answer no finer than that.
        return mayLocate ? Math.Round(distances.RoadKm(from, exact), 2) : Math.Max(1, Math.Round(distances.RoadKm(from, CellCentre(exact))));
    }

    /// <summary>The centre of the grid cell a position lies in: rows of <see cref="CellKm"/> of latitude, each split into cells <see cref="CellKm"/> wide.</summary>
    public static GeoPoint CellCentre(GeoPoint p)
    {
        var rowDegrees = CellKm / KmPerDegreeLatitude;
        var row = Math.Floor(p.Latitude / rowDegrees);
        var latitude = (row + 0.5) * rowDegrees;
        var columnDegrees = CellKm / (KmPerDegreeLatitude * Math.Cos(latitude * Math.PI / 180));
        return new GeoPoint(latitude, (Math.Floor(p.Longitude / columnDegrees) + 0.5) * columnDegrees);
    }

    /// <summary>Whether the actor may locate the place, asking the database for their units only when it matters.</summary>
    internal static async Task<bool> MayLocateAsync(FleetPoolDb db, Actor actor, Place place, CancellationToken ct) =>
        !place.Confidential || actor.ManagesFleet
        || MayLocate(actor, place, await Bookings.BookingParties.BookerUnitsAsync(db, actor.UserId, ct));
}
