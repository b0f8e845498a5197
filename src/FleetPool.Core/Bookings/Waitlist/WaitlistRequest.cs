using System.ComponentModel.DataAnnotations;
using FleetPool.Core.Common;
using FleetPool.Core.Fleet;
using NodaTime;

namespace FleetPool.Core.Bookings.Waitlist;

/// <summary>
/// A request to wait for a vehicle: the slot at a site, the kind, and the trip (distance or place, passengers, purpose,
/// cost centre). A fossil car will do only with <see cref="AcceptFossil"/> and a <see cref="FossilReason"/>.
/// </summary>
public sealed record WaitlistRequest(
    int? SiteId, VehicleKind? Kind, Instant? Start, Instant? End, string? Purpose, string? CostCenter,
    double? DistanceKm = null, int? PlaceId = null, int? Passengers = null, bool AcceptFossil = false,
    string? CarReason = null, string? FossilReason = null)
{
    /// <summary>Field errors in the request itself (400).</summary>
    public FieldErrors Validate()
    {
        var e = new FieldErrors();
        e.AddIf(SiteId is null, "siteId", Text.Get("Required")).AddIf(SiteId is <= 0, "siteId", Text.Get("PositiveId"));
        e.AddIf(Kind is null, "kind", Text.Get("Required"));
        BookingTimes.Validate(e, Start, End);
        e.RequireText(Purpose, "purpose", 500).RequireText(CostCenter, "costCenter", 30);
        e.AddIf(DistanceKm is null && PlaceId is null, "distanceKm", Text.Get("DistanceOrDestination"));
        e.AddIf(DistanceKm is { } d && (double.IsNaN(d) || d <= 0 || d > BookingRequest.MaxDistanceKm), "distanceKm", Text.Get("DistanceRange", BookingRequest.MaxDistanceKm));
        e.AddIf(PlaceId is <= 0, "placeId", Text.Get("PositiveId"));
        e.Range(Passengers, "passengers", 1, 60);
        e.OptionalText(CarReason, "carReason", 500).OptionalText(FossilReason, "fossilReason", 500);
        e.AddIf(AcceptFossil && string.IsNullOrWhiteSpace(FossilReason), "fossilReason", Text.Get("FossilReasonRequired"));
        return e;
    }
}

/// <summary>What a person sees of their place in line; <see cref="Position"/> counts those ahead for an overlapping slot, plus one.</summary>
public sealed record WaitlistView(
    int Id, int SiteId, string SiteName, VehicleKind Kind, Instant Start, Instant End, WaitlistStatus Status, int Position,
    int? OfferBookingId, string? OfferVehicleName, Instant? OfferExpiresAt, Instant CreatedAt);

/// <summary>The waitlist's settings (section <c>Waitlist</c>).</summary>
public sealed class WaitlistOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Waitlist";

    /// <summary>How long a freed vehicle is held for the first in line, minutes (never past the slot's start).</summary>
    [Range(5, 24 * 60)] public int HoldMinutes { get; set; } = 30;
}
