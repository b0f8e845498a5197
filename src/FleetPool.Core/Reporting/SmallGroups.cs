using System.ComponentModel.DataAnnotations;
using FleetPool.Core.Common;
using NodaTime;

namespace FleetPool.Core.Reporting;

/// <summary>Settings section <c>Reporting</c>: how small a group a department lead's figures may describe.</summary>
public sealed class DisclosureOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Reporting";

    /// <summary>A cell with fewer trips than this is shown as "fewer than N".</summary>
    [Range(1, 1000)] public int MinTripsPerCell { get; set; } = 5;

    /// <summary>A cell whose trips were made by fewer people than this is shown as "fewer than N" too.</summary>
    [Range(1, 1000)] public int MinPeoplePerCell { get; set; } = 3;

    /// <summary>A lead's report covers at least this many days.</summary>
    [Range(1, 366)] public int MinPeriodDays { get; set; } = 7;
}

/// <summary>One cell of a report before disclosure control: its trips and the distinct people who made them.</summary>
public readonly record struct GroupCell(int Trips, int People);

/// <summary>
/// Disclosure control for department leads' reports, so that no figure names a person. Invariants: a lead's period is at
/// least <see cref="DisclosureOptions.MinPeriodDays"/> days; a report whose whole group is small (but not empty) is refused; a cell
/// below the minimum trips or people is hidden, and when exactly one cell of a group would be hidden the next smallest is
/// hidden too, so the total cannot give it away. Fleet managers and admins, who see bookings anyway, are not limited.
/// </summary>
public static class SmallGroups
{
    /// <summary>True when the actor's reports are disclosure-controlled (department leads).</summary>
    public static bool Applies(Actor actor) => !actor.ManagesFleet;

    /// <summary>The problem with a lead's period, or null when it is long enough.</summary>
    public static Problem? CheckPeriod(LocalDate from, LocalDate to, DisclosureOptions o) =>
        Period.DaysBetween(from, to) + 1 < o.MinPeriodDays
            ? Problem.Refused("from", Text.Get("PeriodTooShortForGroup", o.MinPeriodDays)) : null;

    /// <summary>The problem with a lead's whole group, or null when it may be shown (no trips at all attribute nothing to anyone).</summary>
    public static Problem? CheckGroup(GroupCell whole, DisclosureOptions o) =>
        whole.Trips > 0 && IsSmall(whole, o) ? Problem.Refused("from", Text.Get("GroupTooSmall", o.MinTripsPerCell, o.MinPeoplePerCell)) : null;

    /// <summary>Which cells to hide: the small ones, and the next smallest when only one would be hidden.</summary>
    public static bool[] Hidden(IReadOnlyList<GroupCell> cells, DisclosureOptions o)
    {
        var hidden = cells.Select(c => IsSmall(c, o)).ToArray();
        if (hidden.Count(h => h) == 1 && cells.Count > 1)
        {
            var next = Enumerable.Range(0, cells.Count).Where(i => !hidden[i]).MinBy(i => cells[i].Trips);
            hidden[next] = true;
        }
        return hidden;
    }

    private static bool IsSmall(GroupCell c, DisclosureOptions o) => c.Trips < o.MinTripsPerCell || c.People < o.MinPeoplePerCell;
}
