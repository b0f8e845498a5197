using FleetPool.Core.Bookings;
using FleetPool.Core.Fleet;
using FleetPool.Web.Localization;
using Microsoft.Extensions.Localization;

namespace FleetPool.Web.Components.Shared;

/// <summary>Localised names of the domain's enum values.</summary>
public static class EnumText
{
    /// <summary>"Elcykel" / "E-bike".</summary>
    public static string Of(this IStringLocalizer<SharedResource> l, VehicleKind kind) => l[$"Kind.{kind}"];

    /// <summary>"El" / "Electric"; a bike without assist has no fuel.</summary>
    public static string Of(this IStringLocalizer<SharedResource> l, FuelType? fuel) => l[$"Fuel.{fuel?.ToString() ?? "None"}"];

    /// <summary>"Utlämnad" / "Checked out".</summary>
    public static string Of(this IStringLocalizer<SharedResource> l, BookingStatus status) => l[$"Status.{status}"];

    /// <summary>
    /// A text with a count in it, in the singular when the count is one: the key with ".One" when that text exists
    /// ("1 trip", "1 resa"), else the key ("3 trips"). The count is the first argument.
    /// </summary>
    public static string Count(this IStringLocalizer<SharedResource> l, string key, int count, params object[] rest)
    {
        object[] args = [count, .. rest];
        return count == 1 && l[$"{key}.One", args] is { ResourceNotFound: false } one ? one : l[key, args];
    }

    /// <summary>"Service senast 2026-12-12 / 23911 km", or "försenad" when overdue; without the item's name when the context names it.</summary>
    public static string Upkeep(this IStringLocalizer<SharedResource> l, Core.Fleet.Upkeep.UpkeepItem item, bool named = true) =>
        l[item.Level == Core.Fleet.Upkeep.UpkeepLevel.Overdue ? "Todo.UpkeepOverdue" : "Todo.UpkeepDue",
            named ? l[$"Upkeep.{item.Kind}"] : "", Core.Fleet.Upkeep.UpkeepService.Describe(item)].Value.Trim();

    /// <summary>"Fordonsansvarig" / "Fleet manager" for a role name.</summary>
    public static string Role(this IStringLocalizer<SharedResource> l, string role) => l[$"Role.{role}"];
}
