using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FleetPool.Core.Steering;

/// <summary>What a new booking stores about its trip after steering: the distance, what may be kept of the destination,
/// the reasons (a car reason possibly set by the system) and the CO2e estimate.</summary>
public sealed record TripFacts(double DistanceKm, string? Destination, int? PlaceId, string? CarReason, string? FossilReason, double EstimatedCo2eGrams,
    bool FossilWhileFossilFreeFree = false);

/// <summary>
/// Applies the steering rules to a booking being made (inside its write transaction, so "free" means free now).
/// Invariants: the distance is the booker's or estimated from the site to the place; a vehicle that does not
/// <see cref="TripFit"/> (seats, range for the round trip) is refused on <c>passengers</c> or <c>distanceKm</c>; a confidential place or booking
/// keeps no destination; a car within the e-bike threshold has a car reason (the system's
/// <see cref="CarReasons.NoBikeAvailable"/> when no bike is free, else the booker's, else 422 on <c>carReason</c>); a
/// fossil car while a suitable fossil-free car is free has a fossil reason (else 422 on <c>fossilReason</c>).
/// </summary>
public sealed class TripSteering(IOptions<SteeringOptions> options, IDistanceEstimator distances)
{
    /// <summary>The trip's facts, or the problem that stops the booking.</summary>
    internal async Task<Outcome<TripFacts>> CheckAsync(FleetPoolDb db, Actor actor, BookingRequest r, Vehicle vehicle, Site site, Instant blockedUntil, CancellationToken ct,
        int? changingBookingId = null)
    {
        var o = options.Value;
        Place? place = null;
        if (r.PlaceId is { } placeId && (place = await db.Places.AsNoTracking().SingleOrDefaultAsync(p => p.Id == placeId, ct)) is null)
        {
            return Problem.Invalid(new FieldErrors().Add("placeId", Text.Get("NoPlace")));
        }
        var distance = r.DistanceKm ?? ConfidentialPlaces.DistanceKm(distances, site, place!, await ConfidentialPlaces.MayLocateAsync(db, actor, place!, ct));
        if (TripFit.Check(vehicle, r.Passengers, distance) is { IsEmpty: false } unfit)
        {
            return Problem.Refused(unfit);
        }
        var confidential = r.ConfidentialDestination || place?.Confidential == true;
        var destination = confidential ? null : r.Destination?.Trim() is { Length: > 0 } text ? text : place?.Name;
        var carReason = TextValues.TrimmedOrNull(r.CarReason);
        var fossilReason = TextValues.TrimmedOrNull(r.FossilReason);
        var needsCarReason = CarReasons.Required(vehicle.Kind, distance, o) && carReason is null;
        // Stryker disable once Logical : with || a fossil-free car is looked at too, and CarReasons.Needed asks it for no fossil reason: same answer, one query more.
        var fossilCar = vehicle.Kind.IsMotorVehicle() && !vehicle.IsFossilIndependent;
        var (needsFossilReason, fossilWhileFree) = (false, false);
        // A fossil car is looked at even with a reason given: approval rules ask whether a fossil-free one was free.
        if (needsCarReason || fossilCar)
        {
            var free = (await FreeVehicles.AtSiteAsync(db, site.Id, null, r.Start!.Value, blockedUntil, changingBookingId, ct)).Where(v => v.IsFree).Select(v => v.Vehicle);
            var needed = CarReasons.Needed(vehicle, distance, FreeAlternatives.Of(free, r.Passengers ?? 1, distance), o);
            if (needsCarReason && !needed.CarReason)
            {
                (carReason, needsCarReason) = (CarReasons.NoBikeAvailable, false);
            }
            fossilWhileFree = needed.FossilReason;
            needsFossilReason = fossilWhileFree && fossilReason is null;
        }
        var missing = new FieldErrors()
            .AddIf(needsCarReason, "carReason", Text.Get("CarReasonRequired", distance.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture)))
            .AddIf(needsFossilReason, "fossilReason", Text.Get("FossilReasonRequired"));
        if (!missing.IsEmpty)
        {
            return Problem.Refused(missing);
        }
        return new TripFacts(distance, destination, confidential ? null : place?.Id, carReason, fossilReason, EstimateGrams(vehicle, distance), fossilWhileFree);
    }

    /// <summary>The CO2e a booking expects, grams: the round trip (2 × one way) times the vehicle's g/km.</summary>
    public static double EstimateGrams(Vehicle vehicle, double oneWayKm) =>
        Math.Round(2 * oneWayKm * FuelCatalog.For(vehicle.Kind, vehicle.Fuel).GramsCo2ePerKm);

    /// <summary>The km and CO2e of a returned trip: odometer km (bikes: the round trip), times the g/km of the fuel tanked on it, else of the vehicle's fuel.</summary>
    public static (double? Km, double? Co2eGrams) Actual(Vehicle vehicle, Booking b, FuelType? refuelled)
    {
        var km = b.DrivenKm is { } driven ? driven : b.DistanceKm is { } d && !vehicle.Kind.IsMotorVehicle() ? 2 * d : (double?)null;
        var facts = refuelled is { } f && vehicle.Kind.IsMotorVehicle() ? FuelCatalog.Of(f) : FuelCatalog.For(vehicle.Kind, vehicle.Fuel);
        return (km, km is { } k ? Math.Round(k * facts.GramsCo2ePerKm) : null);
    }

}
