using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Notifications;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FleetPool.Core.Fleet.Upkeep;

/// <summary>
/// Service, inspection, tyre, insurance and lease upkeep. What is due is <see cref="UpkeepSchedule"/>'s answer for today
/// (Stockholm) and the odometer recorded at check-in. Invariants: only fleet managers and admins write; the daily
/// <see cref="RemindAsync"/> raises each due and each overdue item once (a <see cref="UpkeepReminder"/> row per vehicle,
/// item, due point and level) and tells every fleet manager, in the inbox and by e-mail.
/// </summary>
public sealed class UpkeepService(IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time, IOptions<OperationsOptions> options)
{
    /// <summary>A vehicle's plan and what is due on it.</summary>
    public async Task<Outcome<UpkeepView>> GetAsync(int vehicleId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Vehicles.AsNoTracking().SingleOrDefaultAsync(v => v.Id == vehicleId, ct) is not { } vehicle)
        {
            return Problem.NotFound("Vehicle");
        }
        return View(vehicle, await db.VehicleUpkeep.AsNoTracking().SingleOrDefaultAsync(u => u.VehicleId == vehicleId, ct));
    }

    /// <summary>Replaces a vehicle's plan.</summary>
    public Task<Outcome<UpkeepView>> SaveAsync(Actor actor, int vehicleId, UpkeepInput input, CancellationToken ct = default) =>
        WriteAsync(actor, vehicleId, input.Validate(Today), (_, plan) => { input.ApplyTo(plan); return null; }, ct);

    /// <summary>Records an item as done: a service moves the next one on by its intervals, an inspection clears a set
    /// deadline (the next is derived), a tyre change records the tyres now on. Insurance and lease take a new end date instead.</summary>
    public Task<Outcome<UpkeepView>> RecordDoneAsync(Actor actor, int vehicleId, UpkeepDone done, CancellationToken ct = default)
    {
        var today = Today;
        var on = done.On ?? today;
        var errors = new FieldErrors()
            .AddIf(on > today, "on", Text.Get("UpkeepNotInFuture"))
            .AddIf(UpkeepItem.IsRenewedByDate(done.Kind) || !Enum.IsDefined(done.Kind), "kind", Text.Get("UpkeepSetNewDate"))
            .Range(done.Km, "km", 0, 2_000_000);
        return WriteAsync(actor, vehicleId, errors, (vehicle, plan) =>
        {
            switch (done.Kind)
            {
                case UpkeepKind.Service:
                    var km = done.Km ?? vehicle.LastOdometerKm;
                    plan.LastServiceOn = on;
                    plan.NextServiceOn = plan.ServiceIntervalMonths is { } months ? on.PlusMonths(months) : null;
                    plan.NextServiceKm = plan.ServiceIntervalKm is { } interval ? km + interval : null;
                    break;
                case UpkeepKind.Inspection when !vehicle.Kind.IsMotorVehicle():
                    return Problem.Refused("kind", Text.Get("UpkeepNotInspected"));
                case UpkeepKind.Inspection:
                    (plan.LastInspectedOn, plan.InspectionDueOn) = (on, null);
                    break;
                case UpkeepKind.WinterTyres:
                    plan.Tyres = TyreSet.Winter;
                    break;
                case UpkeepKind.SummerTyres:
                    plan.Tyres = TyreSet.Summer;
                    break;
            }
            return null;
        }, ct);
    }

    /// <summary>Everything due or overdue across the fleet (fleet managers), overdue first, then by due date.</summary>
    public async Task<Outcome<IReadOnlyList<VehicleUpkeepItem>>> DueAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        return Ordered(await DueNowAsync(db, ct)).ToList();
    }

    /// <summary>The daily job: raises each newly due or overdue item once and tells the fleet managers; returns how many.</summary>
    public async Task<int> RemindAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var due = await DueNowAsync(db, ct);
        if (due.Count == 0)
        {
            return 0;
        }
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var vehicles = due.Select(d => d.VehicleId).Distinct().ToList();
        var raised = (await db.UpkeepReminders.Where(r => vehicles.Contains(r.VehicleId)).Select(r => new { r.VehicleId, r.Kind, r.DueKey, r.Level }).ToListAsync(ct))
            .Select(r => (r.VehicleId, r.Kind, r.DueKey, r.Level)).ToHashSet();
        var fresh = Ordered(due).Where(d => raised.Add((d.VehicleId, d.Item.Kind, d.Item.Key, d.Item.Level))).ToList();
        var now = clock.GetCurrentInstant();
        var managers = fresh.Count == 0 ? [] : await Notices.FleetManagersAsync(db, ct);
        foreach (var d in fresh)
        {
            db.UpkeepReminders.Add(new UpkeepReminder { VehicleId = d.VehicleId, Kind = d.Item.Kind, DueKey = d.Item.Key, Level = d.Item.Level, RaisedAt = now });
            var kind = d.Item.Level == UpkeepLevel.Overdue ? "upkeepOverdue" : "upkeepDue";
            foreach (var manager in managers)
            {
                await Notices.TellAsync(db, manager, null, kind, now, [d.VehicleName, NoticeText.Key($"Upkeep.{d.Item.Kind}"), Describe(d.Item)], ct);
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return fresh.Count;
    }

    /// <summary>Where an item falls due, as the notice says it: "2026-11-30", "15000 km" or both.</summary>
    public static string Describe(UpkeepItem item) =>
        string.Join(" / ", new[] { item.DueOn?.ToString("yyyy-MM-dd", null), item.DueKm is { } km ? $"{km} km" : null }.OfType<string>());

    private LocalDate Today => time.DateOf(clock.GetCurrentInstant());

    private UpkeepView View(Vehicle vehicle, VehicleUpkeep? plan) =>
        new(vehicle.Id, UpkeepInput.From(plan), plan is null ? null : UpkeepSchedule.InspectionDeadline(vehicle.Kind, plan), vehicle.LastOdometerKm,
            UpkeepSchedule.Items(vehicle, plan, Today, options.Value.UpkeepLeadDays, options.Value.UpkeepLeadKm));

    private async Task<List<VehicleUpkeepItem>> DueNowAsync(FleetPoolDb db, CancellationToken ct)
    {
        var rows = await db.VehicleUpkeep.AsNoTracking().Join(db.Vehicles.AsNoTracking().Where(v => v.Status != VehicleStatus.Retired),
            u => u.VehicleId, v => v.Id, (u, v) => new { Plan = u, Vehicle = v }).ToListAsync(ct);
        return rows.SelectMany(r => View(r.Vehicle, r.Plan).Items.Select(i => new VehicleUpkeepItem(r.Vehicle.Id, r.Vehicle.Name, r.Vehicle.SiteId, i))).ToList();
    }

    private static IEnumerable<VehicleUpkeepItem> Ordered(IEnumerable<VehicleUpkeepItem> items) =>
        items.OrderByDescending(i => i.Item.Level).ThenBy(i => i.Item.DueOn ?? LocalDate.MaxIsoValue).ThenBy(i => i.VehicleName, StringComparer.CurrentCulture);

    private async Task<Outcome<UpkeepView>> WriteAsync(Actor actor, int vehicleId, FieldErrors errors, Func<Vehicle, VehicleUpkeep, Problem?> change, CancellationToken ct)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        if (await db.Vehicles.AsNoTracking().SingleOrDefaultAsync(v => v.Id == vehicleId, ct) is not { } vehicle)
        {
            return Problem.NotFound("Vehicle");
        }
        var plan = await db.VehicleUpkeep.SingleOrDefaultAsync(u => u.VehicleId == vehicleId, ct);
        if (plan is null)
        {
            plan = new VehicleUpkeep { VehicleId = vehicleId };
            db.VehicleUpkeep.Add(plan);
        }
        if (change(vehicle, plan) is { } refused)
        {
            return refused;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return View(vehicle, plan);
    }
}
