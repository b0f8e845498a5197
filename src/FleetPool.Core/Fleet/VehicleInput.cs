using FleetPool.Core.Common;
using NodaTime;

namespace FleetPool.Core.Fleet;

/// <summary>A vehicle as a fleet manager enters it; every field nullable so a missing one is reported by name.</summary>
public sealed record VehicleInput(
    VehicleKind? Kind, string? Name, string? Registration, int? SiteId, int? DepartmentId, FuelType? Fuel,
    List<FuelType>? ApprovedFuels = null, int? RangeKm = null, int? Seats = null, VehicleStatus? Status = null,
    LocalDate? AcquiredOn = null, LocalDate? RetiredOn = null, LocalDate? PlannedRetirementOn = null, FuelType? ReplacementFuel = null)
{
    /// <summary>Field errors in the input itself (400).</summary>
    public FieldErrors Validate()
    {
        var e = new FieldErrors();
        e.AddIf(Kind is null, "kind", Text.Get("KindRequired"));
        e.RequireText(Name, "name", 200);
        e.AddIf(SiteId is null or <= 0, "siteId", Text.Get("SiteRequired"));
        e.AddIf(DepartmentId is null or <= 0, "departmentId", Text.Get("DepartmentRequired"));
        e.Range(RangeKm, "rangeKm", 1, 2000).Range(Seats, "seats", 1, 60);
        if (Kind is { } kind && kind.IsMotorVehicle())
        {
            e.AddIf(Fuel is null, "fuel", Text.Get("CarNeedsFuel"));
            e.RequireText(Registration, "registration", 20);
        }
        else if (Kind is not null)
        {
            e.AddIf(Fuel is not (null or FuelType.Electric), "fuel", Text.Get("BikeFuel"));
            e.OptionalText(Registration, "registration", 20);
        }
        e.AddIf(Status == VehicleStatus.Retired && RetiredOn is null, "retiredOn", Text.Get("RetiredOnRequired"));
        e.AddIf(Status is not null and not VehicleStatus.Retired && RetiredOn is not null, "retiredOn", Text.Get("OnlyRetiredHasDate"));
        e.AddIf(RetiredOn is { } r && AcquiredOn is { } a && r < a, "retiredOn", Text.Get("RetiredBeforeAcquired"));
        return e;
    }

    /// <summary>Copies the input onto a vehicle (new or existing); call only after <see cref="Validate"/> passed.</summary>
    public void ApplyTo(Vehicle v, Instant now, LocalDate today)
    {
        var status = Status ?? v.Status;
        if (status != v.Status || v.StatusChangedAt is null)
        {
            v.StatusChangedAt = now;
        }
        (v.Kind, v.Name, v.Registration) = (Kind!.Value, Name!.Trim(), string.IsNullOrWhiteSpace(Registration) ? null : Registration.Trim().ToUpperInvariant());
        (v.SiteId, v.DepartmentId, v.Fuel, v.ApprovedFuels) = (SiteId!.Value, DepartmentId!.Value, Fuel, ApprovedFuels ?? []);
        (v.RangeKm, v.Seats, v.Status) = (RangeKm, Seats ?? (Kind.Value.IsMotorVehicle() ? 5 : 1), status);
        (v.AcquiredOn, v.RetiredOn) = (AcquiredOn ?? (v.Id == 0 ? today : v.AcquiredOn), RetiredOn);
        (v.PlannedRetirementOn, v.ReplacementFuel) = (PlannedRetirementOn, ReplacementFuel);
    }
}
