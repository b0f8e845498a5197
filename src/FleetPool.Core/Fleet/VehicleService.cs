using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Fleet;

/// <summary>
/// The fleet register. Invariants: only fleet managers and admins write; registrations are unique; a vehicle's
/// site and department exist; a vehicle sent to the workshop (status Maintenance) has its coming bookings moved to an
/// equivalent vehicle or cancelled in the same transaction, each booker told.
/// </summary>
public sealed class VehicleService(IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time, Bookings.Waitlist.WaitlistService waitlist)
{
    /// <summary>Vehicles, optionally of one site and/or kind, by name.</summary>
    public async Task<IReadOnlyList<VehicleView>> ListAsync(int? siteId, VehicleKind? kind, CancellationToken ct = default) =>
        (await PageAsync(siteId, kind, 1, int.MaxValue, ct)).Items;

    /// <summary>The most rows <see cref="PageAsync"/> gives at once through the API.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>One page of the register by name (then id, so pages never overlap), with the total that matches.</summary>
    public async Task<Page<VehicleView>> PageAsync(int? siteId, VehicleKind? kind, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = db.Vehicles.AsNoTracking();
        query = siteId is { } s ? query.Where(v => v.SiteId == s) : query;
        query = kind is { } k ? query.Where(v => v.Kind == k) : query;
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(v => v.Name).ThenBy(v => v.Id).Skip(Paging.Offset(page, pageSize)).Take(pageSize).ToListAsync(ct);
        var open = await OpenDamageAsync(db, ct);
        return new Page<VehicleView>(rows.Select(v => VehicleView.From(v, open.GetValueOrDefault(v.Id))).ToList(), page, pageSize, total);
    }

    /// <summary>One vehicle, or not found.</summary>
    public async Task<Outcome<VehicleView>> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var v = await db.Vehicles.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return v is null ? Problem.NotFound("Vehicle")
            : VehicleView.From(v, await db.DamageReports.CountAsync(d => d.VehicleId == id && d.ResolvedAt == null, ct));
    }

    /// <summary>Adds a vehicle to the fleet; a new vehicle is offered to whoever waits for one.</summary>
    public async Task<Outcome<VehicleView>> CreateAsync(Actor actor, VehicleInput input, CancellationToken ct = default) =>
        await BookableAsync(await SaveAsync(actor, null, input, ct), ct);

    /// <summary>Replaces a vehicle's register entry; one back from maintenance is offered to whoever waits for one.</summary>
    public async Task<Outcome<VehicleView>> UpdateAsync(Actor actor, int id, VehicleInput input, CancellationToken ct = default) =>
        await BookableAsync(await SaveAsync(actor, id, input, ct), ct);

    private async Task<Outcome<VehicleView>> BookableAsync(Outcome<VehicleView> saved, CancellationToken ct)
    {
        if (saved.Value is { Status: VehicleStatus.Active })
        {
            await waitlist.OfferFreedAsync(ct);
        }
        return saved;
    }

    private async Task<Outcome<VehicleView>> SaveAsync(Actor actor, int? id, VehicleInput input, CancellationToken ct)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        var invalid = input.Validate();
        if (!invalid.IsEmpty)
        {
            return Problem.Invalid(invalid);
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var vehicle = id is { } existing ? await db.Vehicles.FindAsync([existing], ct) : new Vehicle { Name = "" };
        if (vehicle is null)
        {
            return Problem.NotFound("Vehicle");
        }
        var refs = new FieldErrors()
            .AddIf(!await db.Sites.AnyAsync(s => s.Id == input.SiteId, ct), "siteId", Text.Get("NoSite"))
            .AddIf(!await db.OrgUnits.AnyAsync(u => u.Id == input.DepartmentId, ct), "departmentId", Text.Get("NoDepartment"));
        if (!refs.IsEmpty)
        {
            return Problem.Invalid(refs);
        }
        var now = clock.GetCurrentInstant();
        var wasActive = vehicle.Id != 0 && vehicle.Status == VehicleStatus.Active;
        input.ApplyTo(vehicle, now, time.DateOf(now));
        var registration = vehicle.Registration;
        if (registration is not null && await db.Vehicles.AnyAsync(v => v.Registration == registration && v.Id != vehicle.Id, ct))
        {
            var message = Text.Get("DuplicateRegistration");
            return new Problem(ProblemKind.Conflict, message, new Dictionary<string, string[]> { ["registration"] = [message] });
        }
        if (vehicle.Id == 0)
        {
            db.Vehicles.Add(vehicle);
        }
        await db.SaveChangesAsync(ct);
        if (wasActive && vehicle.Status == VehicleStatus.Maintenance)
        {
            // To the workshop with no end date: its coming bookings move or are cancelled, and their bookers are told.
            await Maintenance.VehicleMoves.ClearComingAsync(db, vehicle, null, Text.Get("WorkshopWhy"), now, time, ct);
        }
        await tx.CommitAsync(ct);
        return VehicleView.From(vehicle, await db.DamageReports.CountAsync(d => d.VehicleId == vehicle.Id && d.ResolvedAt == null, ct));
    }

    private static Task<Dictionary<int, int>> OpenDamageAsync(FleetPoolDb db, CancellationToken ct) =>
        db.DamageReports.Where(d => d.ResolvedAt == null).GroupBy(d => d.VehicleId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
}
