using FleetPool.Core.Fleet;
using NodaTime;

namespace FleetPool.Core.Sustainability;

/// <summary>What the planner suggests for a fossil vehicle.</summary>
public enum PhaseOutAdvice
{
    /// <summary>Little used: retire without replacement; its few trips fit the rest of the pool.</summary>
    Remove,
    /// <summary>A diesel approved for HVO100: switch fuel, no purchase (seed 000's diversification towards HVO100).</summary>
    SwitchToHvo100,
    /// <summary>Well used: replace with an electric car (seed 000: buy electric).</summary>
    ReplaceWithElectric,
}

/// <summary>
/// One fossil vehicle in the plan: its use over the last 12 months, the share after removing or replacing it, the CO2e a
/// replacement saves, the advice, and the plan set by a fleet manager.
/// </summary>
public sealed record PhaseOutCandidate(int VehicleId, string Name, string? Registration, string Department, FuelType Fuel,
    int Trips, double Km, double Utilisation, double ShareIfRemoved, double ShareIfReplaced, double Co2eSavedKgIfReplaced,
    PhaseOutAdvice Advice, LocalDate? PlannedRetirementOn, FuelType? ReplacementFuel);

/// <summary>The share at the end of a month if the plan is carried out.</summary>
public sealed record ProjectedShare(LocalDate Month, int Vehicles, int FossilIndependent, double Share);

/// <summary>
/// The phase-out arithmetic, on plain data. Removing a fossil car out of V with F fossil-independent gives F/(V−1);
/// replacing it gives (F+1)/V. A replacement saves the car's 12-month km × (its g/km − the new fuel's g/km). Below the
/// low-utilisation threshold (<see cref="Reporting.FleetShareOptions.LowUtilisation"/>) the advice is to remove; a diesel approved
/// for HVO100 switches fuel; otherwise electric.
/// The projection walks month ends to the target date: a planned retirement leaves the count on its date, and its
/// replacement (when set) joins the same day.
/// </summary>
public static class PhaseOut
{
    /// <summary>The advice for a fossil vehicle with this use (share of working hours, 0..1).</summary>
    public static PhaseOutAdvice Advise(Vehicle v, double utilisation, double lowUtilisation = 0.15) =>
        utilisation < lowUtilisation ? PhaseOutAdvice.Remove
        : v.Fuel == FuelType.Diesel && v.ApprovedFuels.Contains(FuelType.Hvo100) ? PhaseOutAdvice.SwitchToHvo100
        : PhaseOutAdvice.ReplaceWithElectric;

    /// <summary>Working hours in the 90 days utilisation looks back over: five days a week, ten hours a day.</summary>
    public const double WorkingHoursIn90Days = 90 * 5 / 7.0 * 10;

    /// <summary>
    /// Share of the working hours in the 90 days from <paramref name="windowStart"/> that a vehicle was out: each returned
    /// trip's hours from its start (or the window's start, when it began before) to its return, over
    /// <see cref="WorkingHoursIn90Days"/>, at most 1 (trips over evenings and weekends can exceed the working hours).
    /// </summary>
    public static double Utilisation(IEnumerable<(Instant Start, Instant ReturnedAt)> trips, Instant windowStart) =>
        Math.Min(1, trips.Sum(t => (t.ReturnedAt - Instant.Max(t.Start, windowStart)).TotalHours) / WorkingHoursIn90Days);

    /// <summary>
    /// The share if this fossil vehicle left without replacement, out of <paramref name="vehicles"/> with
    /// <paramref name="fossilFree"/> counted fossil-free: F/(V−1), less the vehicle itself when it counted already (an
    /// HVO100-approved diesel under the official definition); 1 for the fleet's only vehicle (no fossil vehicle left).
    /// </summary>
    public static double ShareIfRemoved(int vehicles, int fossilFree, bool counted) =>
        vehicles > 1 ? (double)(fossilFree - (counted ? 1 : 0)) / (vehicles - 1) : 1;

    /// <summary>The share if this fossil vehicle were replaced by a fossil-independent one: (F+1)/V, or F/V when it counted already.</summary>
    public static double ShareIfReplaced(int vehicles, int fossilFree, bool counted) =>
        (double)(fossilFree + (counted ? 0 : 1)) / vehicles;

    /// <summary>The fuel a replacement would have under the advice (null when removed).</summary>
    public static FuelType? ReplacementFor(PhaseOutAdvice advice) => advice switch
    {
        PhaseOutAdvice.SwitchToHvo100 => FuelType.Hvo100,
        PhaseOutAdvice.ReplaceWithElectric => FuelType.Electric,
        _ => null,
    };

    /// <summary>CO2e a year's <paramref name="km"/> would save if driven on <paramref name="replacement"/> instead, kg (km × the g/km difference).</summary>
    public static double SavedKg(Vehicle v, double km, FuelType replacement) =>
        km * (FuelCatalog.For(v.Kind, v.Fuel).GramsCo2ePerKm - FuelCatalog.Of(replacement).GramsCo2ePerKm) / 1000;

    /// <summary>Month-end shares by <paramref name="definition"/> from <paramref name="from"/> to <paramref name="until"/> for cars and vans in the fleet.</summary>
    public static List<ProjectedShare> Project(IReadOnlyList<Vehicle> cars, LocalDate from, LocalDate until, ShareDefinition definition = ShareDefinition.Official)
    {
        var months = new List<ProjectedShare>();
        for (var end = EndOfMonth(from); end <= EndOfMonth(until); end = EndOfMonth(end.PlusDays(1)))
        {
            int vehicles = 0, fossilFree = 0;
            foreach (var v in cars.Where(c => c.RetiredOn is not { } r || r > end))
            {
                var leaves = v.PlannedRetirementOn is { } planned && planned <= end;
                if (leaves && v.ReplacementFuel is not { } replacement)
                {
                    continue;
                }
                vehicles++;
                fossilFree += (leaves ? FuelCatalog.IsFossilIndependent(v.ReplacementFuel!.Value) : FossilIndependence.Counts(v, definition)) ? 1 : 0;
            }
            months.Add(new ProjectedShare(end, vehicles, fossilFree, vehicles == 0 ? 0 : (double)fossilFree / vehicles));
        }
        return months;
    }

    private static LocalDate EndOfMonth(LocalDate d) => new LocalDate(d.Year, d.Month, 1).PlusMonths(1).PlusDays(-1);
}
