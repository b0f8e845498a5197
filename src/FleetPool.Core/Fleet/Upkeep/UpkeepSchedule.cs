using NodaTime;

namespace FleetPool.Core.Fleet.Upkeep;

/// <summary>
/// The one definition of what upkeep is due (CONTEXT, "Vehicle upkeep (Sweden)"). Pure. A date item is due from
/// <c>leadDays</c> before its last day and overdue after it; a km item is due <c>leadKm</c> before its reading and overdue
/// at it; service is due at its date or km, whichever comes first. Cars and vans are inspected first within 36 months of
/// first registration, then within 24 months, then every 14 months. Winter tyres must be on by 30 November (required from
/// 1 December); studded tyres must be off by 15 April. Retired vehicles have nothing due.
/// </summary>
public static class UpkeepSchedule
{
    /// <summary>The inspection deadline, or null when the vehicle is not inspected or its registration date is unknown.</summary>
    public static LocalDate? InspectionDeadline(VehicleKind kind, VehicleUpkeep plan)
    {
        if (!kind.IsMotorVehicle())
        {
            return null;
        }
        if (plan.InspectionDueOn is { } set)
        {
            return set;
        }
        if (plan.FirstRegisteredOn is not { } registered)
        {
            return null;
        }
        var first = registered.PlusMonths(36);
        return plan.LastInspectedOn switch
        {
            null => first,
            { } last when last <= first => last.PlusMonths(24),
            { } last => last.PlusMonths(14),
        };
    }

    /// <summary>The last day of the seasonal tyre change now in play, or null when none is (off season, or no seasonal tyres).</summary>
    public static (UpkeepKind Kind, LocalDate LastDay)? TyreChange(TyreSet tyres, LocalDate today) => tyres switch
    {
        // Summer tyres matter from October to March: the change falls due on 30 November.
        TyreSet.Summer when today.Month >= 10 => (UpkeepKind.WinterTyres, new LocalDate(today.Year, 11, 30)),
        TyreSet.Summer when today.Month <= 3 => (UpkeepKind.WinterTyres, new LocalDate(today.Year - 1, 11, 30)),
        // Winter tyres matter from March to September: studs off by 15 April.
        TyreSet.Winter when today.Month is >= 3 and <= 9 => (UpkeepKind.SummerTyres, new LocalDate(today.Year, 4, 15)),
        _ => null,
    };

    /// <summary>What is due or overdue on <paramref name="today"/> at the vehicle's last odometer reading.</summary>
    public static IReadOnlyList<UpkeepItem> Items(Vehicle vehicle, VehicleUpkeep? plan, LocalDate today, int leadDays, int leadKm)
    {
        if (plan is null || vehicle.Status == VehicleStatus.Retired)
        {
            return [];
        }
        var items = new List<UpkeepItem>();
        var service = Worst(DateLevel(plan.NextServiceOn, today, leadDays), KmLevel(plan.NextServiceKm, vehicle.LastOdometerKm, leadKm));
        Add(items, UpkeepKind.Service, service, plan.NextServiceOn, plan.NextServiceKm);
        var inspection = InspectionDeadline(vehicle.Kind, plan);
        Add(items, UpkeepKind.Inspection, DateLevel(inspection, today, leadDays), inspection, null);
        if (vehicle.Kind.IsMotorVehicle() && TyreChange(plan.Tyres, today) is var (kind, lastDay))
        {
            Add(items, kind, DateLevel(lastDay, today, leadDays), lastDay, null);
        }
        Add(items, UpkeepKind.Insurance, DateLevel(plan.InsuranceEndsOn, today, leadDays), plan.InsuranceEndsOn, null);
        Add(items, UpkeepKind.Lease, DateLevel(plan.LeaseEndsOn, today, leadDays), plan.LeaseEndsOn, null);
        return items;
    }

    private static void Add(List<UpkeepItem> items, UpkeepKind kind, UpkeepLevel? level, LocalDate? on, int? km)
    {
        if (level is { } l)
        {
            items.Add(new UpkeepItem(kind, l, on, km));
        }
    }

    private static UpkeepLevel? DateLevel(LocalDate? lastDay, LocalDate today, int leadDays) => lastDay switch
    {
        null => null,
        { } d when today > d => UpkeepLevel.Overdue,
        { } d when today >= d.PlusDays(-leadDays) => UpkeepLevel.Due,
        _ => null,
    };

    private static UpkeepLevel? KmLevel(int? dueKm, int odometerKm, int leadKm) => dueKm switch
    {
        null => null,
        { } km when odometerKm >= km => UpkeepLevel.Overdue,
        { } km when odometerKm >= km - leadKm => UpkeepLevel.Due,
        _ => null,
    };

    private static UpkeepLevel? Worst(UpkeepLevel? a, UpkeepLevel? b) => a is null ? b : b is null ? a : (UpkeepLevel)Math.Max((int)a, (int)b);
}
