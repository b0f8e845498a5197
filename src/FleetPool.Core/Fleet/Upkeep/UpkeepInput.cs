using FleetPool.Core.Common;
using NodaTime;

namespace FleetPool.Core.Fleet.Upkeep;

/// <summary>A vehicle's upkeep plan as entered by a fleet manager; every field may be left empty.</summary>
public sealed record UpkeepInput(LocalDate? NextServiceOn = null, int? NextServiceKm = null, int? ServiceIntervalMonths = null, int? ServiceIntervalKm = null,
    LocalDate? FirstRegisteredOn = null, LocalDate? LastInspectedOn = null, LocalDate? InspectionDueOn = null, TyreSet Tyres = TyreSet.None,
    LocalDate? InsuranceEndsOn = null, LocalDate? LeaseEndsOn = null)
{
    private static readonly LocalDate Earliest = new(1950, 1, 1);

    /// <summary>Field errors (400): plausible dates and km; nothing registered or inspected in the future.</summary>
    public FieldErrors Validate(LocalDate today)
    {
        var e = new FieldErrors()
            .Range(NextServiceKm, "nextServiceKm", 0, 2_000_000)
            .Range(ServiceIntervalMonths, "serviceIntervalMonths", 1, 60)
            .Range(ServiceIntervalKm, "serviceIntervalKm", 500, 100_000)
            .AddIf(!Enum.IsDefined(Tyres), "tyres", Text.Get("UnknownValue"));
        foreach (var (value, field) in new[] { (NextServiceOn, "nextServiceOn"), (InspectionDueOn, "inspectionDueOn"), (InsuranceEndsOn, "insuranceEndsOn"), (LeaseEndsOn, "leaseEndsOn") })
        {
            e.AddIf(value is { } d && (d < Earliest || d > today.PlusYears(30)), field, Text.Get("UpkeepDateOutOfRange"));
        }
        e.AddIf(FirstRegisteredOn is { } r && (r < Earliest || r > today), "firstRegisteredOn", Text.Get("UpkeepNotInFuture"));
        e.AddIf(LastInspectedOn is { } i && (i < Earliest || i > today), "lastInspectedOn", Text.Get("UpkeepNotInFuture"));
        return e.AddIf(LastInspectedOn < FirstRegisteredOn, "lastInspectedOn", Text.Get("InspectedBeforeRegistered"));
    }

    /// <summary>Writes the input onto a stored plan.</summary>
    public void ApplyTo(VehicleUpkeep plan) =>
        (plan.NextServiceOn, plan.NextServiceKm, plan.ServiceIntervalMonths, plan.ServiceIntervalKm, plan.FirstRegisteredOn, plan.LastInspectedOn,
            plan.InspectionDueOn, plan.Tyres, plan.InsuranceEndsOn, plan.LeaseEndsOn) =
        (NextServiceOn, NextServiceKm, ServiceIntervalMonths, ServiceIntervalKm, FirstRegisteredOn, LastInspectedOn, InspectionDueOn, Tyres, InsuranceEndsOn, LeaseEndsOn);

    /// <summary>A stored plan as input (empty when there is none).</summary>
    public static UpkeepInput From(VehicleUpkeep? p) => p is null ? new UpkeepInput()
        : new(p.NextServiceOn, p.NextServiceKm, p.ServiceIntervalMonths, p.ServiceIntervalKm, p.FirstRegisteredOn, p.LastInspectedOn, p.InspectionDueOn,
            p.Tyres, p.InsuranceEndsOn, p.LeaseEndsOn);
}

/// <summary>That an item was done: on a date (default today) and, for a service, at an odometer reading (default the last).</summary>
public sealed record UpkeepDone(UpkeepKind Kind, LocalDate? On = null, int? Km = null);

/// <summary>A vehicle's plan, its inspection deadline as derived, and what is due now.</summary>
public sealed record UpkeepView(int VehicleId, UpkeepInput Plan, LocalDate? InspectionDeadline, int OdometerKm, IReadOnlyList<UpkeepItem> Items);
