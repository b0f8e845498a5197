using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Energy;

/// <summary>A charging session to record: kWh, start, optional end and charger.</summary>
public sealed record ChargingInput(double? Kwh, Instant? Start, Instant? End, string? Charger);

/// <summary>Records kept without a vehicle, per registration or card: how many, from when to when, and from which source.</summary>
public sealed record UnmatchedEnergy(string Identifier, EnergySource Source, int Records, Instant First, Instant Last);

/// <summary>
/// Charging sessions recorded in the app, the saved column mappings and the records no vehicle matches. Invariants:
/// fleet managers and admins only; a session is on a vehicle that can be charged, positive, no more than its battery
/// holds, not in the future, and ends after it starts; a mapping has a unique name and maps date, vehicle and amount.
/// </summary>
public sealed class EnergyRecords(IDbContextFactory<FleetPoolDb> dbs, IClock clock)
{
    /// <summary>Records a charging session (depot charging the app cannot see otherwise).</summary>
    public async Task<Outcome<int>> RecordChargingAsync(Actor actor, int vehicleId, ChargingInput input, CancellationToken ct = default)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var vehicle = await db.Vehicles.AsNoTracking().SingleOrDefaultAsync(v => v.Id == vehicleId, ct);
        if (vehicle is null)
        {
            return Problem.NotFound("Vehicle");
        }
        var now = clock.GetCurrentInstant();
        var errors = new FieldErrors()
            .AddIf(input.Kwh is not > 0, "kwh", Text.Get("EnergyAmount", input.Kwh?.ToString(System.Globalization.CultureInfo.CurrentCulture) ?? "–"))
            .AddIf(input.Kwh is { } k && k > EnergyProducts.MaxPerFill(vehicle, FuelType.Electric), "kwh",
                Text.Get("EnergyImplausible", input.Kwh ?? 0, "kWh", Math.Floor(EnergyProducts.MaxPerFill(vehicle, FuelType.Electric))))
            .AddIf(input.Start is null, "start", Text.Get("Required"))
            .AddIf(input.Start > now, "start", Text.Get("EnergyInFuture", input.Start))
            .AddIf(input.End is { } e && input.Start is { } s && e <= s, "end", Text.Get("After", "start"))
            .OptionalText(input.Charger, "charger", 200);
        if (!EnergyProducts.Fits(vehicle, FuelType.Electric))
        {
            return Problem.Refused("vehicleId", Text.Get("EnergyDoesNotFit", vehicle.Registration ?? vehicle.Name, "El"));
        }
        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }
        db.ActorId = actor.UserId;
        var session = new EnergyPurchase
        {
            VehicleId = vehicle.Id, Identifier = EnergyFile.Normalise(vehicle.Registration ?? vehicle.Name), At = input.Start!.Value, EndedAt = input.End,
            Fuel = FuelType.Electric, Amount = input.Kwh!.Value, Place = input.Charger?.Trim(), Source = EnergySource.Charging, RecordedAt = now,
            RecordedById = actor.UserId,
        };
        db.EnergyPurchases.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>The saved mappings, by name.</summary>
    public async Task<Outcome<IReadOnlyList<EnergyMapping>>> MappingsAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.EnergyMappings.AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct);
    }

    /// <summary>Saves a mapping (a new one when its id is 0).</summary>
    public async Task<Outcome<int>> SaveMappingAsync(Actor actor, EnergyMapping input, CancellationToken ct = default)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        var errors = new FieldErrors().RequireText(input.Name, "name", 100).RequireText(input.DateColumn, "dateColumn", 100)
            .RequireText(input.VehicleColumn, "vehicleColumn", 100).RequireText(input.AmountColumn, "amountColumn", 100);
        if (input.Source != EnergySource.ChargePoint)
        {
            errors.RequireText(input.ProductColumn, "productColumn", 100);
        }
        foreach (var (field, value) in new[] { ("timeColumn", input.TimeColumn), ("endColumn", input.EndColumn), ("unitColumn", input.UnitColumn),
            ("priceColumn", input.PriceColumn), ("transactionColumn", input.TransactionColumn), ("placeColumn", input.PlaceColumn) })
        {
            errors.OptionalText(value, field, 100);
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        errors.AddIf(await db.EnergyMappings.AnyAsync(m => m.Name == input.Name.Trim() && m.Id != input.Id, ct), "name", Text.Get("EnergyMappingTaken"));
        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }
        db.ActorId = actor.UserId;
        var mapping = input.Id == 0 ? db.EnergyMappings.Add(new EnergyMapping { Name = "" }).Entity : await db.EnergyMappings.SingleOrDefaultAsync(m => m.Id == input.Id, ct);
        if (mapping is null)
        {
            return Problem.NotFound("EnergyMapping");
        }
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        (mapping.Name, mapping.Source, mapping.DateColumn, mapping.TimeColumn, mapping.EndColumn, mapping.VehicleColumn, mapping.ProductColumn) =
            (input.Name.Trim(), input.Source, input.DateColumn.Trim(), Clean(input.TimeColumn), Clean(input.EndColumn), input.VehicleColumn.Trim(), Clean(input.ProductColumn));
        (mapping.AmountColumn, mapping.UnitColumn, mapping.PriceColumn, mapping.TransactionColumn, mapping.PlaceColumn) =
            (input.AmountColumn.Trim(), Clean(input.UnitColumn), Clean(input.PriceColumn), Clean(input.TransactionColumn), Clean(input.PlaceColumn));
        await db.SaveChangesAsync(ct);
        return mapping.Id;
    }

    /// <summary>Registrations and cards with records but no vehicle, most records first.</summary>
    public async Task<Outcome<IReadOnlyList<UnmatchedEnergy>>> UnmatchedAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.EnergyPurchases.AsNoTracking().Where(p => p.VehicleId == null)
            .Select(p => new { p.Identifier, p.Source, p.At }).ToListAsync(ct);
        return rows.GroupBy(r => (r.Identifier, r.Source))
            .Select(g => new UnmatchedEnergy(g.Key.Identifier, g.Key.Source, g.Count(), g.Min(r => r.At), g.Max(r => r.At)))
            .OrderByDescending(u => u.Records).ThenBy(u => u.Identifier, StringComparer.Ordinal).ToList();
    }
}
