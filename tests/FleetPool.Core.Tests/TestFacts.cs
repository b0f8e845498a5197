using FleetPool.Core.Bookings;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using FleetPool.Core.Time;
using NodaTime;

namespace FleetPool.Core.Tests;

/// <summary>Small builders shared by the rule tests: Stockholm time, a weekday site, a car and a licensed driver.</summary>
internal static class TestFacts
{
    public static readonly OrganisationTime Stockholm = OrganisationTime.FromZoneId("Europe/Stockholm");
    public static readonly BookingRuleSet Rules = BookingRuleSet.For(OpenSite(), new BookingRuleDefaults());

    public static Instant Local(int y, int mo, int d, int h, int mi = 0) =>
        Stockholm.Resolve(new LocalDateTime(y, mo, d, h, mi)).Instant ?? throw new ArgumentException("not a valid local time");

    public static Site OpenSite() => new() { Name = "Nyckelskåp", Address = "Torget 1" };

    public static Site WeekdaySite() => new()
    {
        Name = "Kommunalhuset", Address = "Kommunalvägen 28",
        OpeningHours = Enumerable.Range(1, 5).Select(d => new OpeningHours
        {
            Day = (IsoDayOfWeek)d, Opens = new LocalTime(7, 0), Closes = new LocalTime(18, 0),
        }).ToList(),
    };

    public static Vehicle Car(VehicleStatus status = VehicleStatus.Active) =>
        new() { Name = "Kia e-Niro 1", Kind = VehicleKind.Car, Fuel = FuelType.Electric, Status = status, Seats = 5 };

    public static Vehicle EBike() => new() { Name = "Elcykel 1", Kind = VehicleKind.EBike, Fuel = FuelType.Electric };

    public static AppUser Driver(LocalDate? expires = null, bool verified = true, string classes = "B") => new()
    {
        LicenceClasses = classes, LicenceExpiresOn = expires ?? new LocalDate(2030, 1, 1),
        LicenceVerifiedAt = verified ? Instant.FromUtc(2026, 1, 1, 0, 0) : null,
    };
}
