using FleetPool.Core.Common;
using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace FleetPool.Core.Steering;

/// <summary>A place as callers see it. A confidential place shows no address, and its position only to fleet managers.</summary>
public sealed record PlaceView(int Id, string Name, string? Address, double? Latitude, double? Longitude, bool Confidential);

/// <summary>A new place as a fleet manager enters it.</summary>
public sealed record PlaceInput(string? Name, string? Address, double? Latitude, double? Longitude, bool Confidential = false)
{
    /// <summary>Field errors (400).</summary>
    public FieldErrors Validate() => new FieldErrors().RequireText(Name, "name", 200).OptionalText(Address, "address", 300)
        .AddIf(Latitude is null, "latitude", Text.Get("Required")).AddIf(Longitude is null, "longitude", Text.Get("Required"))
        .Range(Latitude, "latitude", -90, 90).Range(Longitude, "longitude", -180, 180);
}

/// <summary>
/// The registry of known destinations. Invariants: everyone signed in may search it; only fleet managers and admins add
/// or remove places; names are unique; removing a place leaves past bookings their distance.
/// </summary>
public sealed class PlaceRegistry(IDbContextFactory<FleetPoolDb> dbs)
{
    /// <summary>
    /// Places whose name or address contains <paramref name="search"/> (all when empty), by name, at most
    /// <paramref name="take"/>. Only an actor who manages the fleet sees where confidential places are.
    /// </summary>
    public async Task<IReadOnlyList<PlaceView>> SearchAsync(Actor actor, string? search, int take = 50, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var places = await db.Places.AsNoTracking().ToListAsync(ct);
        var term = search?.Trim() ?? "";
        return places
            .Where(p => term.Length == 0 || p.Name.Contains(term, StringComparison.CurrentCultureIgnoreCase)
                || (!p.Confidential && p.Address?.Contains(term, StringComparison.CurrentCultureIgnoreCase) == true))
            .OrderBy(p => p.Name, StringComparer.CurrentCulture).Take(Math.Clamp(take, 1, 500)).Select(p => View(p, actor.ManagesFleet)).ToList();
    }

    /// <summary>Adds a place.</summary>
    public async Task<Outcome<PlaceView>> CreateAsync(Actor actor, PlaceInput input, CancellationToken ct = default)
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
        var name = input.Name!.Trim();
        if (await db.Places.AnyAsync(p => p.Name == name, ct))
        {
            return Problem.Invalid(new FieldErrors().Add("name", Text.Get("ImportNameTaken", name)));
        }
        var place = new Place
        {
            Name = name, Address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim(),
            Latitude = input.Latitude!.Value, Longitude = input.Longitude!.Value, Confidential = input.Confidential,
        };
        db.Places.Add(place);
        await db.SaveChangesAsync(ct);
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

    private static PlaceView View(Place p, bool showPosition) => p.Confidential
        ? new(p.Id, p.Name, null, showPosition ? p.Latitude : null, showPosition ? p.Longitude : null, true)
        : new(p.Id, p.Name, p.Address, p.Latitude, p.Longitude, false);
}
