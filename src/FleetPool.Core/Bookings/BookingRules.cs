using System.Globalization;
using FleetPool.Core.Common;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using FleetPool.Core.Time;
using NodaTime;
using NodaTime.Text;

namespace FleetPool.Core.Bookings;

/// <summary>
/// The booking rules, as pure functions: no database, no clock of their own. Intervals are half-open, so a
/// booking ending at 10:00 (plus buffer) and one starting then do not overlap (the overlap itself is
/// <see cref="BookingStatuses.HoldingSlotIn"/>, the query every free-vehicle check runs).
/// </summary>
public static class BookingRules
{
    private static readonly Duration PastGrace = Duration.FromMinutes(1);
    private static readonly LocalDateTimePattern Shown = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm");

    /// <summary>True when a start is in the past, allowing one minute for the time it takes to fill in a form.</summary>
    public static bool StartsInPast(Instant start, Instant now) => start < now - PastGrace;

    /// <summary>Every rule the request breaks, keyed by the field to fix; empty when all rules pass.</summary>
    public static FieldErrors Check(SlotRequest r, BookingRuleSet rules, OrganisationTime time)
    {
        var errors = new FieldErrors();
        var length = r.End - r.Start;
        if (!r.IsRunning)
        {
            errors.AddIf(StartsInPast(r.Start, r.Now), "start", Text.Get("StartInPast"));
            errors.AddIf(r.Start > r.Now + rules.MaxAhead, "start", Text.Get("TooFarAhead", rules.MaxAhead.Days));
        }
        else
        {
            errors.AddIf(r.End <= r.Now, "end", Text.Get("NewEndInPast"));
        }
        errors.AddIf(length < rules.MinLength, "end", Text.Get("TooShort", rules.MinLength.TotalMinutes));
        errors.AddIf(length > rules.MaxLength, "end", Text.Get("TooLong", rules.MaxLength.TotalHours));
        if (!r.IsRunning)
        {
            CheckOpen(errors, "start", "PickUpNotPossible", r.Start, r.Site, time);
        }
        CheckOpen(errors, "end", "ReturnNotPossible", r.End, r.Site, time);
        CheckVehicle(errors, r.Vehicle);
        if (LicenceProblem(r.Vehicle, r.Driver, r.End, time) is { } licence)
        {
            errors.Add("driverId", licence);
        }
        return errors;
    }

    /// <summary>Why the driver may not drive the vehicle until <paramref name="end"/>, or null when they may (or it is a bike).</summary>
    public static string? LicenceProblem(Vehicle vehicle, AppUser? driver, Instant end, OrganisationTime time)
    {
        var lastDay = time.DateOf(end);
        return vehicle.Kind.IsMotorVehicle() && (driver is null || !driver.HasValidClassBLicence(lastDay))
            ? Text.Get("LicenceNeeded", lastDay.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>Why a site is closed at an instant, or null when pick-up or return is allowed then.</summary>
    public static string? ClosedReason(Site site, Instant instant, OrganisationTime time)
    {
        var local = time.ToLocal(instant).LocalDateTime;
        if (!site.OpenOnHolidays && SwedishHolidays.NameOf(local.Date) is { } holiday)
        {
            return Text.Get("Holiday", Shown.Format(local), holiday, site.Name);
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
        var hours = today.Count == 0 ? Text.Get("ClosedThatDay")
            : string.Join(", ", today.Select(h => $"{h.Opens:HH':'mm}–{h.Closes:HH':'mm}"));
        var day = CultureInfo.CurrentCulture.DateTimeFormat.GetDayName((DayOfWeek)((int)local.DayOfWeek % 7));
        return Text.Get("OutsideHours", Shown.Format(local), site.Name, day, hours);
    }

    /// <summary>
    /// The local times on <paramref name="date"/>, every <paramref name="stepMinutes"/> minutes, at which the site allows a
    /// pick-up (<see cref="ClosedReason"/>) that is not in the past and that exists once in the zone. Empty for a closed day.
    /// </summary>
    public static IReadOnlyList<LocalTime> PickUpTimes(Site site, LocalDate date, Instant now, OrganisationTime time, int stepMinutes = 15)
    {
        if ((!site.OpenOnHolidays && SwedishHolidays.NameOf(date) is not null) || date < time.DateOf(now)
            || (site.OpeningHours.Count > 0 && !site.OpeningHours.Any(h => h.Day == date.DayOfWeek)))
        {
            return [];
        }
        var times = new List<LocalTime>();
        for (var minutes = 0; minutes < 24 * 60; minutes += stepMinutes)
        {
            var t = LocalTime.Midnight.PlusMinutes(minutes);
            if (time.Resolve(date + t).Instant is { } at && !StartsInPast(at, now) && ClosedReason(site, at, time) is null)
            {
                times.Add(t);
            }
        }
        return times;
    }

    /// <summary>
    /// The first of the site's <see cref="PickUpTimes"/> from now, within two weeks, at which a trip of
    /// <paramref name="length"/> can also be returned: a form's default start, so that it never opens on a slot that runs
    /// past closing. With a zero length, simply the first pick-up time. Null when none.
    /// </summary>
    public static LocalDateTime? FirstFittingStart(Site site, Instant now, Duration length, OrganisationTime time)
    {
        for (var day = time.DateOf(now); day <= time.DateOf(now).PlusDays(14); day = day.PlusDays(1))
        {
            foreach (var t in PickUpTimes(site, day, now, time))
            {
                if (time.Resolve(day + t).Instant is { } at && ClosedReason(site, at + length, time) is null)
                {
                    return day + t;
                }
            }
        }
        return null;
    }

    /// <summary>
    /// The first start at or after <paramref name="from"/> (and not in the past) when the site allows both the pick-up and
    /// the return of a trip of <paramref name="length"/>: an opening time, or the same time of day at a site without hours.
    /// Null when none within two weeks.
    /// </summary>
    public static Instant? NextOpening(Site site, Instant from, Duration length, Instant now, OrganisationTime time)
    {
        var earliest = from > now ? from : now;
        var first = time.ToLocal(earliest).LocalDateTime;
        for (var day = first.Date; day <= first.Date.PlusDays(14); day = day.PlusDays(1))
        {
            IEnumerable<LocalTime> starts = site.OpeningHours.Count == 0 ? [first.TimeOfDay] : site.OpeningHours.Where(h => h.Day == day.DayOfWeek).Select(h => h.Opens).Order();
            foreach (var start in starts)
            {
                if (time.Resolve(day + start).Instant is { } candidate && candidate >= earliest
                    && ClosedReason(site, candidate, time) is null && ClosedReason(site, candidate + length, time) is null)
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static void CheckOpen(FieldErrors errors, string field, string textKey, Instant at, Site site, OrganisationTime time)
    {
        if (ClosedReason(site, at, time) is { } reason)
        {
            errors.Add(field, Text.Get(textKey, reason));
        }
    }

    private static void CheckVehicle(FieldErrors errors, Vehicle vehicle)
    {
        errors.AddIf(vehicle.Status == VehicleStatus.Maintenance, "vehicleId", Text.Get("InMaintenance"));
        errors.AddIf(vehicle.Status == VehicleStatus.Retired, "vehicleId", Text.Get("Retired"));
    }
}
