using FleetPool.Core.Common;
using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace FleetPool.Core.Steering;

/// <summary>
/// A place as callers see it. A confidential place shows its address and position only to those who may locate it
/// (<see cref="ConfidentialPlaces.MayLocate"/>).
/// </summary>
public sealed record PlaceView(int Id, string Name, string? Address, double? Latitude, double? Longitude, bool Confidential, int? OwnerUnitId = null);

/// <summary>A new place as a fleet manager enters it; a confidential one names the department that owns it.</summary>
public sealed record PlaceInput(string? Name, string? Address, double? Latitude, double? Longitude, bool Confidential = false, int? OwnerUnitId = null)
{
    /// <summary>Field errors (400).</summary>
    public FieldErrors Validate() => new FieldErrors().RequireText(Name, "name", 200).OptionalText(Address, "address", 300)
        .AddIf(Latitude is null, "latitude", Text.Get("Required")).AddIf(Longitude is null, "longitude", Text.Get("Required"))
        .Range(Latitude, "latitude", -90, 90).Range(Longitude, "longitude", -180, 180)
        .AddIf(OwnerUnitId is <= 0, "ownerUnitId", Text.Get("PositiveId"));
}

/// <summary>
/// The registry of known destinations. Invariants: everyone signed in may search it; only fleet managers and admins add,
/// change or remove places; names are unique; removing or moving a place leaves booked trips their distance; a place made
/// confidential keeps no destination text in the bookings that went there.
/// </summary>
public sealed class PlaceRegistry(IDbContextFactory<FleetPoolDb> dbs)
{
    /// <summary>
    /// Places whose name matches <paramref name="search"/> (<see cref="PlaceMatcher"/>) or whose address contains it (all
    /// when empty), best match first, then by name, at most
    /// <paramref name="take"/>. Only an actor who manages the fleet sees where confidential places are.
    /// </summary>
    public async Task<IReadOnlyList<PlaceView>> SearchAsync(Actor actor, string? search, int take = 50, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var places = await db.Places.AsNoTracking().ToListAsync(ct);
        IReadOnlyList<int> units = actor.ManagesFleet || !places.Exists(p => p.Confidential) ? [] // nothing to decide: skip the reads
            : await Bookings.BookingParties.BookerUnitsAsync(db, actor.UserId, ct);
        var term = search?.Trim() ?? "";
        // Typed text matches as in PlaceMatcher (no å/ä/ö needed, a typo forgiven), or within a locatable address; best first.
        return places
            .Select(p => (Place: p, Locate: ConfidentialPlaces.MayLocate(actor, p, units)))
            .Select(x => (x.Place, x.Locate, Score: term.Length == 0 ? 0 : PlaceMatcher.Score(term, x.Place.Name, minPrefix: 1)
                ?? (x.Place.Name.Contains(term, StringComparison.CurrentCultureIgnoreCase) ? 50 : (int?)null)
                ?? (x.Locate && x.Place.Address?.Contains(term, StringComparison.CurrentCultureIgnoreCase) == true ? 100 : (int?)null)))
            .Where(x => x.Score is not null)
            .OrderBy(x => x.Score).ThenBy(x => x.Place.Name, StringComparer.CurrentCulture).Take(Math.Clamp(take, 1, 500)).Select(x => View(x.Place, x.Locate)).ToList();
    }

    /// <summary>Adds a place.</summary>
    public Task<Outcome<PlaceView>> CreateAsync(Actor actor, PlaceInput input, CancellationToken ct = default) => SaveAsync(actor, null, input, ct);

    /// <summary>
    /// Changes a place. Trips already booked keep their distance. A place made confidential takes its address out of the
    /// bookings that went there (their destination text), as if it had been confidential when they were made.
    /// </summary>
    public Task<Outcome<PlaceView>> UpdateAsync(Actor actor, int id, PlaceInput input, CancellationToken ct = default) => SaveAsync(actor, id, input, ct);

    private async Task<Outcome<PlaceView>> SaveAsync(Actor actor, int? id, PlaceInput input, CancellationToken ct)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        var errors = input.Validate();
        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var place = id is { } existing ? await db.Places.FindAsync([existing], ct) : new Place { Name = "" };
        if (place is null)
        {
            return Problem.NotFound("Place");
        }
        var name = input.Name!.Trim();
        if (await db.Places.AnyAsync(p => p.Name == name && p.Id != place.Id, ct))
        {
            return Problem.Invalid(new FieldErrors().Add("name", Text.Get("ImportNameTaken", name)));
        }
        if (input.OwnerUnitId is { } owner && !await db.OrgUnits.AnyAsync(u => u.Id == owner, ct))
        {
            return Problem.Invalid(new FieldErrors().Add("ownerUnitId", Text.Get("NoUnit")));
        }
        if (id is not null && input.Confidential && !place.Confidential)
        {
            foreach (var booking in await db.Bookings.Where(b => b.DestinationPlaceId == place.Id && b.Destination != null).ToListAsync(ct))
            {
                booking.Destination = null;
            }
        }
        (place.Name, place.Address) = (name, string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim());
        (place.Latitude, place.Longitude, place.Confidential, place.OwnerUnitId) = (input.Latitude!.Value, input.Longitude!.Value, input.Confidential, input.OwnerUnitId);
        if (id is null)
        {
            db.Places.Add(place);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return View(place, true);
    }

    /// <summary>Removes a place; bookings that went there keep their distance and lose the link.</summary>
    public async Task<Outcome<int>> DeleteAsync(Actor actor, int id, CancellationToken ct = default)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        if (await db.Places.FindAsync([id], ct) is not { } place)
        {
            return Problem.NotFound("Place");
        }
        foreach (var booking in await db.Bookings.Where(b => b.DestinationPlaceId == id).ToListAsync(ct))
        {
            booking.DestinationPlaceId = null;
        }
        db.Places.Remove(place);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return id;
    }

    private static PlaceView View(Place p, bool mayLocate) => mayLocate
        ? new(p.Id, p.Name, p.Address, p.Latitude, p.Longitude, p.Confidential, p.OwnerUnitId)
        : new(p.Id, p.Name, null, null, null, true, p.OwnerUnitId);
}
