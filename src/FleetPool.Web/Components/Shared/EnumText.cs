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

    /// <summary>"Fordonsansvarig" / "Fleet manager" for a role name.</summary>
    public static string Role(this IStringLocalizer<SharedResource> l, string role) => l[$"Role.{role}"];
}
