using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NodaTime;

namespace FleetPool.Core.Fleet;

/// <summary>
/// The attributes a published figure depends on — owning department, fuel, approved fuels — as they were from
/// <see cref="ValidFrom"/> until the vehicle's next entry. Invariants: written by the database context on every save
/// that adds a vehicle or changes one of them (whatever page, import or API did it), never edited; the first entry of a
/// vehicle has no <see cref="ValidFrom"/> (true since it was acquired); a past date is computed from the entry in force
/// at its end, so a change today never rewrites an earlier figure.
/// </summary>
public sealed class VehicleHistoryEntry
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The vehicle.</summary>
    public int VehicleId { get; set; }
    /// <summary>When these values took effect; null for the values it was added with.</summary>
    public Instant? ValidFrom { get; set; }
    /// <summary>The owning department from then.</summary>
    public int DepartmentId { get; set; }
    /// <summary>The recorded fuel from then.</summary>
    public FuelType? Fuel { get; set; }
    /// <summary>The approved fuels from then.</summary>
    public List<FuelType> ApprovedFuels { get; set; } = [];

    /// <summary>The vehicle as it was at <paramref name="at"/>: a copy with the attributes of the entry in force then.</summary>
    public static Vehicle AsOf(Vehicle vehicle, IEnumerable<VehicleHistoryEntry> entries, Instant at)
    {
        var entry = entries.Where(e => e.ValidFrom is not { } from || from < at).OrderBy(e => e.ValidFrom ?? Instant.MinValue).ThenBy(e => e.Id).LastOrDefault();
        return entry is null ? vehicle : new Vehicle
        {
            Id = vehicle.Id, Kind = vehicle.Kind, Name = vehicle.Name, Registration = vehicle.Registration, SiteId = vehicle.SiteId,
            DepartmentId = entry.DepartmentId, Fuel = entry.Fuel, ApprovedFuels = [.. entry.ApprovedFuels], RangeKm = vehicle.RangeKm,
            Seats = vehicle.Seats, Status = vehicle.Status, AcquiredOn = vehicle.AcquiredOn, RetiredOn = vehicle.RetiredOn,
            PlannedRetirementOn = vehicle.PlannedRetirementOn, ReplacementFuel = vehicle.ReplacementFuel, LastOdometerKm = vehicle.LastOdometerKm,
        };
    }
}

/// <summary>Finds the vehicles a save adds or changes in a dated attribute, and writes their history entries after it.</summary>
internal sealed class VehicleHistoryCapture
{
    private static readonly string[] Dated = [nameof(Vehicle.DepartmentId), nameof(Vehicle.Fuel), nameof(Vehicle.ApprovedFuels)];
    private readonly List<(Vehicle Vehicle, bool Added)> _pending = [];

    public bool IsEmpty => _pending.Count == 0;

    public static VehicleHistoryCapture From(ChangeTracker tracker)
    {
        var capture = new VehicleHistoryCapture();
        foreach (var e in tracker.Entries<Vehicle>())
        {
            if (e.State == EntityState.Added
                || e.State == EntityState.Modified && Dated.Any(p => e.Property(p) is { IsModified: true } prop && !Equivalent(prop.OriginalValue, prop.CurrentValue)))
            {
                capture._pending.Add((e.Entity, e.State == EntityState.Added));
            }
        }
        return capture;
    }

    /// <summary>The entries to append, once the save has given new vehicles their ids.</summary>
    public IEnumerable<VehicleHistoryEntry> ToEntries(Instant now) => _pending.Select(p => new VehicleHistoryEntry
    {
        VehicleId = p.Vehicle.Id, ValidFrom = p.Added ? null : now, DepartmentId = p.Vehicle.DepartmentId, Fuel = p.Vehicle.Fuel,
        ApprovedFuels = [.. p.Vehicle.ApprovedFuels],
    });

    private static bool Equivalent(object? a, object? b) =>
        a is IEnumerable<FuelType> x && b is IEnumerable<FuelType> y ? x.SequenceEqual(y) : Equals(a, b);
}
