using NodaTime;

namespace FleetPool.Core.Fleet;

/// <summary>What callers see of a vehicle, with its derived fossil independence and open damage reports.</summary>
public sealed record VehicleView(
    int Id, VehicleKind Kind, string Name, string? Registration, int SiteId, int DepartmentId, FuelType? Fuel,
    IReadOnlyList<FuelType> ApprovedFuels, bool FossilIndependent, int? RangeKm, int Seats, VehicleStatus Status,
    LocalDate AcquiredOn, LocalDate? RetiredOn, LocalDate? PlannedRetirementOn, FuelType? ReplacementFuel,
    int LastOdometerKm, int OpenDamageReports)
{
    /// <summary>Projects a vehicle.</summary>
    public static VehicleView From(Vehicle v, int openDamageReports) => new(
        v.Id, v.Kind, v.Name, v.Registration, v.SiteId, v.DepartmentId, v.Fuel, v.ApprovedFuels, v.IsFossilIndependent,
        v.RangeKm, v.Seats, v.Status, v.AcquiredOn, v.RetiredOn, v.PlannedRetirementOn, v.ReplacementFuel,
        v.LastOdometerKm, openDamageReports);
}
