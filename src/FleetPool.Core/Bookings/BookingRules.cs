using FleetPool.Core.Common;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using FleetPool.Core.Time;
using NodaTime;
using NodaTime.Text;

namespace FleetPool.Core.Bookings;

/// <summary>
/// The booking rules, as pure functions: no database, no clock of their own. Intervals are half-open, so a
/// booking ending at 10:00 (plus buffer) and one starting then do not overlap.
/// </summary>
public static class BookingRules
{
    private static readonly Duration PastGrace = Duration.FromMinutes(1);
    private static readonly LocalDateTimePattern Shown = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm");

    /// <summary>True when two slots [start, blockedUntil) share at least one instant.</summary>
    public static bool Overlaps(Instant aStart, Instant aBlockedUntil, Instant bStart, Instant bBlockedUntil) =>
        aStart < bBlockedUntil && bStart < aBlockedUntil;

    /// <summary>Every rule the request breaks, keyed by the field to fix; empty when all rules pass.</summary>
    public static FieldErrors Check(SlotRequest r, BookingRuleSet rules, OrganisationTime time)
    {
        var errors = new FieldErrors();
        var length = r.End - r.Start;
        if (!r.IsRunning)
        {
            errors.AddIf(r.Start < r.Now - PastGrace, "start", "The start is in the past.");
            errors.AddIf(r.Start > r.Now + rules.MaxAhead, "start",
                $"Bookings can be made at most {rules.MaxAhead.Days} days ahead.");
        }
        else
        {
            errors.AddIf(r.End <= r.Now, "end", "The new end is in the past.");
        }
        errors.AddIf(length < rules.MinLength, "end", $"A booking must last at least {rules.MinLength.TotalMinutes:0} minutes.");
        errors.AddIf(length > rules.MaxLength, "end", $"A booking may last at most {rules.MaxLength.TotalHours:0} hours.");
        if (!r.IsRunning)
        {
            CheckOpen(errors, "start", "Pick-up", r.Start, r.Site, time);
        }
        CheckOpen(errors, "end", "Return", r.End, r.Site, time);
        CheckVehicle(errors, r.Vehicle);
        if (r.Vehicle.Kind.IsMotorVehicle())
        {
            var lastDay = time.DateOf(r.End);
            errors.AddIf(r.Driver is null || !r.Driver.HasValidClassBLicence(lastDay), "driverId",
                $"A car or van needs a driver with a verified class B licence valid through {lastDay:yyyy-MM-dd}.");
        }
        return errors;
    }

    /// <summary>Why a site is closed at an instant, or null when pick-up or return is allowed then.</summary>
    public static string? ClosedReason(Site site, Instant instant, OrganisationTime time)
    {
        var local = time.ToLocal(instant).LocalDateTime;
        if (!site.OpenOnHolidays && SwedishHolidays.NameOf(local.Date) is { } holiday)
        {
            return $"{Shown.Format(local)} is a public holiday ({holiday}) and {site.Name} is closed.";
        }
        if (site.OpeningHours.Count == 0)
        {
            return null;
        }
        var today = site.OpeningHours.Where(h => h.Day == local.DayOfWeek).ToList();
        if (today.Any(h => h.Opens <= local.TimeOfDay && local.TimeOfDay <= h.Closes))
        {
            return null;
        }
        var hours = today.Count == 0 ? "closed that day"
            : string.Join(", ", today.Select(h => $"{h.Opens:HH':'mm}–{h.Closes:HH':'mm}"));
        return $"{Shown.Format(local)} is outside the opening hours of {site.Name} ({local.DayOfWeek}: {hours}).";
    }

    private static void CheckOpen(FieldErrors errors, string field, string what, Instant at, Site site, OrganisationTime time)
    {
        if (ClosedReason(site, at, time) is { } reason)
        {
            errors.Add(field, $"{what} not possible: {reason}");
        }
    }

    private static void CheckVehicle(FieldErrors errors, Vehicle vehicle)
    {
        errors.AddIf(vehicle.Status == VehicleStatus.Maintenance, "vehicleId", "The vehicle is in maintenance and cannot be booked.");
        errors.AddIf(vehicle.Status == VehicleStatus.Retired, "vehicleId", "The vehicle is retired and cannot be booked.");
    }
}
