using System.ComponentModel.DataAnnotations;
using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>
/// How much of the pool one person may hold (settings section <c>HoldingLimits</c>): hours a week, in all and on one
/// vehicle, before a fleet manager's yes is needed; running series; and places in waitlists. A pool is shared: a
/// weekday 08–16 series on one car for a year is a car of one's own.
/// </summary>
public sealed class HoldingLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "HoldingLimits";

    /// <summary>Hours a person may hold in one week (Monday–Sunday, by the trips' starts) before a booking needs a fleet manager's yes.</summary>
    [Range(1, 1_000_000)] public int HoursPerWeek { get; set; } = 40;
    /// <summary>Hours a person may hold on one vehicle in one week before a booking needs a fleet manager's yes.</summary>
    [Range(1, 1_000_000)] public int HoursPerWeekOnOneVehicle { get; set; } = 20;
    /// <summary>Running series a person may have, in all.</summary>
    [Range(0, 100)] public int OpenSeries { get; set; } = 3;
    /// <summary>Running series a person may have on one vehicle.</summary>
    [Range(0, 100)] public int OpenSeriesOnOneVehicle { get; set; } = 1;
    /// <summary>Places in waitlists a person may hold at once (waiting or offered).</summary>
    [Range(0, 100)] public int WaitlistEntries { get; set; } = 3;
}

/// <summary>
/// The holding limits as pure functions. Invariant: a booking that takes a person past an hours limit is not refused but
/// needs a fleet manager's yes (the codes below join the approval rules' in <see cref="Approvals.ApprovalRequest.Rules"/>);
/// series and waitlist places past their limit are refused, naming what to end first.
/// </summary>
public static class HoldingLimits
{
    /// <summary>The approval code of the limit on hours a week in all.</summary>
    public const string HoursPerWeekCode = "HoursPerWeek";
    /// <summary>The approval code of the limit on hours a week on one vehicle.</summary>
    public const string HoursOnVehicleCode = "HoursOnVehicle";

    /// <summary>
    /// The codes ("HoursPerWeek:40", "HoursOnVehicle:20") of the hours limits that a booking of <paramref name="vehicleId"/> takes the person
    /// past, given the other bookings they hold that week as (vehicle, start, end); empty when within both.
    /// </summary>
    public static IReadOnlyList<string> HoursExceeded(int vehicleId, Instant start, Instant end, IEnumerable<(int VehicleId, Instant Start, Instant End)> others,
        HoldingLimitOptions limits)
    {
        var held = others.ToList();
        var hours = (end - start).TotalHours;
        var all = held.Sum(b => (b.End - b.Start).TotalHours) + hours;
        var onVehicle = held.Where(b => b.VehicleId == vehicleId).Sum(b => (b.End - b.Start).TotalHours) + hours;
        var codes = new List<string>();
        if (all > limits.HoursPerWeek)
        {
            codes.Add($"{HoursPerWeekCode}:{limits.HoursPerWeek}");
        }
        if (onVehicle > limits.HoursPerWeekOnOneVehicle)
        {
            codes.Add($"{HoursOnVehicleCode}:{limits.HoursPerWeekOnOneVehicle}");
        }
        return codes;
    }
}
