using FleetPool.Core.Bookings;
using NodaTime;

namespace FleetPool.Core.Tests;

public sealed class HoldingLimitsTests
{
    private static readonly Instant Monday8 = Instant.FromUtc(2026, 4, 13, 6, 0);
    private static readonly HoldingLimitOptions Shipped = new();

    private static (int, Instant, Instant) Trip(int vehicle, int day, int hours) =>
        (vehicle, Monday8 + Duration.FromDays(day), Monday8 + Duration.FromDays(day) + Duration.FromHours(hours));

    [Fact]
    public void HoursExceeded_AtTwentyHoursOnOneVehicle_NoneJustPastIt_OnVehicle()
    {
        var held = new[] { Trip(1, 0, 6), Trip(1, 1, 6), Trip(2, 2, 8) };

        Assert.Empty(HoldingLimits.HoursExceeded(1, Monday8 + Duration.FromDays(3), Monday8 + Duration.FromDays(3) + Duration.FromHours(8), held, Shipped));
        Assert.Equal(["HoursOnVehicle:20"], HoldingLimits.HoursExceeded(1, Monday8 + Duration.FromDays(3), Monday8 + Duration.FromDays(3) + Duration.FromMinutes(8 * 60 + 1), held, Shipped));
    }

    [Fact]
    public void HoursExceeded_PastFortyHoursOverManyVehicles_InAllOnly()
    {
        var held = new[] { Trip(1, 0, 10), Trip(2, 1, 10), Trip(3, 2, 10), Trip(4, 3, 10) };

        Assert.Equal(["HoursPerWeek:40"], HoldingLimits.HoursExceeded(5, Monday8 + Duration.FromDays(4), Monday8 + Duration.FromDays(4) + Duration.FromHours(1), held, Shipped));
        Assert.Equal(["HoursPerWeek:40", "HoursOnVehicle:20"], HoldingLimits.HoursExceeded(1, Monday8 + Duration.FromDays(4), Monday8 + Duration.FromDays(4) + Duration.FromHours(11), held, Shipped));
    }
}
