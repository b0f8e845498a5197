using FleetPool.Core.Bookings;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using NodaTime;
using static FleetPool.Core.Tests.TestFacts;

namespace FleetPool.Core.Tests;

public class BookingRulesTests
{
    private static readonly Instant Now = Local(2026, 3, 16, 8); // a Monday

    private static Common.FieldErrors Check(Instant start, Instant end, Vehicle? vehicle = null, Site? site = null, AppUser? driver = null, bool running = false) =>
        BookingRules.Check(new SlotRequest(start, end, vehicle ?? EBike(), site ?? OpenSite(), driver, Now, running), Rules, Stockholm);

    // HoldingSlotIn is the expression production hands to the database; run here over objects, it is the same rule.
    private static bool Holds(Instant start, Instant blockedUntil, BookingStatus status, Instant from, Instant until) =>
        new[] { new Booking { Start = start, End = blockedUntil, BlockedUntil = blockedUntil, Status = status, Purpose = "Test" } }.AsQueryable().HoldingSlotIn(from, until).Any();

    [Fact]
    public void HoldingSlotIn_TouchingIntervals_False()
    {
        Assert.False(Holds(Local(2026, 3, 17, 9), Local(2026, 3, 17, 10), BookingStatus.Reserved, Local(2026, 3, 17, 10), Local(2026, 3, 17, 11)));
        Assert.False(Holds(Local(2026, 3, 17, 10), Local(2026, 3, 17, 11), BookingStatus.Reserved, Local(2026, 3, 17, 9), Local(2026, 3, 17, 10)));
    }

    [Fact]
    public void HoldingSlotIn_SharedMinuteOrInside_True()
    {
        Assert.True(Holds(Local(2026, 3, 17, 9), Local(2026, 3, 17, 10, 1), BookingStatus.Reserved, Local(2026, 3, 17, 10), Local(2026, 3, 17, 11)));
        Assert.True(Holds(Local(2026, 3, 17, 9), Local(2026, 3, 17, 12), BookingStatus.CheckedOut, Local(2026, 3, 17, 10), Local(2026, 3, 17, 11)));
        Assert.True(Holds(Local(2026, 3, 17, 10), Local(2026, 3, 17, 11), BookingStatus.Returned, Local(2026, 3, 17, 9), Local(2026, 3, 17, 12)));
    }

    [Theory]
    [InlineData(BookingStatus.Cancelled)]
    [InlineData(BookingStatus.NoShow)]
    public void HoldingSlotIn_FreedStatus_False(BookingStatus status)
    {
        Assert.False(Holds(Local(2026, 3, 17, 9), Local(2026, 3, 17, 12), status, Local(2026, 3, 17, 10), Local(2026, 3, 17, 11)));
    }

    [Fact]
    public void StartsInPast_WithinTheMinutesGrace_NotPastJustBeyondIt_Past()
    {
        Assert.False(BookingRules.StartsInPast(Now - Duration.FromMinutes(1), Now)); // filling in the form took a minute
        Assert.True(BookingRules.StartsInPast(Now - Duration.FromMinutes(1) - Duration.FromSeconds(1), Now));
    }

    [Fact]
    public void Check_RunningBookingsNewEndAtNow_RefusedNamingEnd()
    {
        Assert.Contains("end", Check(Now - Duration.FromHours(1), Now, running: true).ToDictionary().Keys);
        Assert.True(Check(Now - Duration.FromHours(1), Now + Duration.FromMinutes(30), running: true).IsEmpty);
    }

    [Fact]
    public void Check_ExactlyTheMinimumLength_Allowed()
    {
        var start = Local(2026, 3, 17, 9);

        Assert.True(Check(start, start + Rules.MinLength).IsEmpty);
        Assert.Contains("end", Check(start, start + Rules.MinLength - Duration.FromMinutes(1)).ToDictionary().Keys);
    }

    [Fact]
    public void Check_SiteOverridesLengthAndDaysAhead_EachAllowedAtItsBoundaryRefusedJustBeyond()
    {
        var site = OpenSite();
        (site.MinBookingMinutes, site.MaxBookingHours, site.MaxDaysAhead) = (60, 4, 10);
        var rules = BookingRuleSet.For(site, new BookingRuleDefaults());
        Common.FieldErrors At(Instant start, Duration length) =>
            BookingRules.Check(new SlotRequest(start, start + length, EBike(), site, null, Now, false), rules, Stockholm);
        var tomorrow = Local(2026, 3, 17, 9);
        var lastDay = Now + Duration.FromDays(10);

        Assert.True(At(tomorrow, Duration.FromMinutes(60)).IsEmpty);
        Assert.Contains("end", At(tomorrow, Duration.FromMinutes(59)).ToDictionary().Keys); // the defaults (15 min) would allow it
        Assert.True(Check(tomorrow, tomorrow + Duration.FromMinutes(59)).IsEmpty);
        Assert.True(At(tomorrow, Duration.FromHours(4)).IsEmpty);
        Assert.Contains("end", At(tomorrow, Duration.FromHours(4) + Duration.FromMinutes(1)).ToDictionary().Keys);
        Assert.True(At(lastDay, Duration.FromHours(1)).IsEmpty);
        Assert.Contains("start", At(lastDay + Duration.FromMinutes(1), Duration.FromHours(1)).ToDictionary().Keys);
    }

    [Fact]
    public void Check_ValidWeekdaySlot_NoErrors() =>
        Assert.True(Check(Local(2026, 3, 17, 9), Local(2026, 3, 17, 11), site: WeekdaySite()).IsEmpty);

    [Fact]
    public void Check_StartInPast_RefusesStart() =>
        Assert.Contains("start", Check(Now - Duration.FromMinutes(5), Now + Duration.FromHours(1)).ToDictionary().Keys);

    [Fact]
    public void Check_StartWithinGraceMinute_Allowed() =>
        Assert.True(Check(Now - Duration.FromSeconds(30), Now + Duration.FromHours(1)).IsEmpty);

    [Fact]
    public void Check_ShorterThanMinimum_RefusesEnd()
    {
        var errors = Check(Local(2026, 3, 17, 9), Local(2026, 3, 17, 9, 10)).ToDictionary();
        Assert.Contains("at least 15 minutes", errors["end"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LongerThanMaximum_RefusesEnd() =>
        Assert.Contains("at most 120 hours", Check(Local(2026, 3, 17, 9), Local(2026, 3, 23, 9)).ToDictionary()["end"][0], StringComparison.Ordinal);

    [Fact]
    public void Check_TooFarAhead_RefusesStart() =>
        Assert.Contains("90 days", Check(Now + Duration.FromDays(91), Now + Duration.FromDays(91) + Duration.FromHours(1)).ToDictionary()["start"][0], StringComparison.Ordinal);

    [Fact]
    public void Check_BeforeOpening_RefusesStartNamingHours()
    {
        var message = Check(Local(2026, 3, 17, 6, 30), Local(2026, 3, 17, 9), site: WeekdaySite()).ToDictionary()["start"][0];
        Assert.Contains("07:00–18:00", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ReturnAtClosingMinute_Allowed() =>
        Assert.True(Check(Local(2026, 3, 17, 16), Local(2026, 3, 17, 18), site: WeekdaySite()).IsEmpty);

    [Fact]
    public void Check_ReturnOnSaturday_RefusesEnd() =>
        Assert.Contains("end", Check(Local(2026, 3, 20, 16), Local(2026, 3, 21, 10), site: WeekdaySite()).ToDictionary().Keys);

    [Fact]
    public void Check_GoodFriday_RefusesNamingHoliday()
    {
        var message = Check(Local(2026, 4, 3, 9), Local(2026, 4, 3, 11), site: WeekdaySite()).ToDictionary()["start"][0];
        Assert.Contains("Långfredagen", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_HolidayAtSiteOpenOnHolidays_Allowed()
    {
        var site = OpenSite();
        site.OpenOnHolidays = true;
        Assert.True(Check(Local(2026, 4, 3, 9), Local(2026, 4, 3, 11), site: site).IsEmpty);
    }

    [Theory]
    [InlineData(VehicleStatus.Maintenance, "maintenance")]
    [InlineData(VehicleStatus.Retired, "retired")]
    public void Check_VehicleNotActive_RefusesVehicle(VehicleStatus status, string word)
    {
        var errors = Check(Local(2026, 3, 17, 9), Local(2026, 3, 17, 11), Car(status), driver: Driver()).ToDictionary();
        Assert.Contains(word, errors["vehicleId"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CarWithoutDriverLicence_RefusesDriver() =>
        Assert.Contains("driverId", Check(Local(2026, 3, 17, 9), Local(2026, 3, 17, 11), Car(), driver: new AppUser()).ToDictionary().Keys);

    [Fact]
    public void Check_CarWithUnverifiedLicence_RefusesDriver() =>
        Assert.Contains("driverId", Check(Local(2026, 3, 17, 9), Local(2026, 3, 17, 11), Car(), driver: Driver(verified: false)).ToDictionary().Keys);

    [Fact]
    public void Check_LicenceExpiresBeforeReturnDay_RefusesDriver() =>
        Assert.Contains("driverId", Check(Local(2026, 3, 17, 9), Local(2026, 3, 18, 11), Car(), driver: Driver(new LocalDate(2026, 3, 17))).ToDictionary().Keys);

    [Fact]
    public void Check_LicenceValidOnReturnDay_Allowed() =>
        Assert.True(Check(Local(2026, 3, 17, 9), Local(2026, 3, 18, 11), Car(), driver: Driver(new LocalDate(2026, 3, 18))).IsEmpty);

    [Fact]
    public void Check_LicenceWithoutClassB_RefusesDriver() =>
        Assert.Contains("driverId", Check(Local(2026, 3, 17, 9), Local(2026, 3, 17, 11), Car(), driver: Driver(classes: "AM A1")).ToDictionary().Keys);

    [Fact]
    public void Check_EBikeWithoutLicence_Allowed() =>
        Assert.True(Check(Local(2026, 3, 17, 9), Local(2026, 3, 17, 11), EBike(), driver: new AppUser()).IsEmpty);

    [Fact]
    public void Check_RunningBookingExtendedFromPastStart_Allowed() =>
        Assert.True(Check(Now - Duration.FromHours(2), Now + Duration.FromHours(1), running: true).IsEmpty);

    [Fact]
    public void Check_RunningBookingEndMovedIntoPast_RefusesEnd() =>
        Assert.Contains("end", Check(Now - Duration.FromHours(2), Now - Duration.FromMinutes(30), running: true).ToDictionary().Keys);

    [Fact]
    public void Check_SwedishCulture_MessagesInSwedish()
    {
        var before = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("sv-SE");
        try
        {
            var errors = Check(Local(2026, 4, 3, 9), Local(2026, 4, 3, 11), Car(), site: WeekdaySite(), driver: new AppUser()).ToDictionary();
            Assert.Equal("Hämtning går inte: 2026-04-03 09:00 är en helgdag (Långfredagen) och Kommunalhuset har stängt.", errors["start"][0]);
            Assert.StartsWith("Bil och transportbil kräver en förare med kontrollerat B-körkort", errors["driverId"][0], StringComparison.Ordinal);
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = before;
        }
    }

    [Fact]
    public void ClosedReason_OutsideHoursInSwedish_NamesSwedishWeekday()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("sv-SE");
        try
        {
            Assert.Contains("(tisdag: 07:00–18:00)", BookingRules.ClosedReason(WeekdaySite(), Local(2026, 3, 17, 6, 30), Stockholm), StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }
}

/// <summary>A form's default start: the first pick-up from now whose return the site also allows.</summary>
public class FirstFittingStartTests
{
    private static LocalDateTime? First(Instant now, int hours) =>
        BookingRules.FirstFittingStart(WeekdaySite(), now, Duration.FromHours(hours), Stockholm);

    [Fact]
    public void FirstFittingStart_MorningOnAWeekday_Now()
    {
        Assert.Equal(new LocalDateTime(2026, 3, 17, 10, 0), First(Local(2026, 3, 17, 10), 2));
    }

    [Fact]
    public void FirstFittingStart_ReturnWouldBeAfterClosing_NextDaysOpening()
    {
        // Tuesday 16:30 at a site closing 18:00: a two-hour trip cannot start today.
        Assert.Equal(new LocalDateTime(2026, 3, 18, 7, 0), First(Local(2026, 3, 17, 16, 30), 2));
    }

    [Fact]
    public void FirstFittingStart_ReturnExactlyAtClosing_Allowed()
    {
        Assert.Equal(new LocalDateTime(2026, 3, 17, 16, 0), First(Local(2026, 3, 17, 15, 50), 2));
    }

    [Fact]
    public void FirstFittingStart_FridayEvening_MondayAtOpening()
    {
        Assert.Equal(new LocalDateTime(2026, 3, 23, 7, 0), First(Local(2026, 3, 20, 17), 2));
    }

    [Fact]
    public void FirstFittingStart_LongerThanTheSiteIsEverOpen_Null()
    {
        Assert.Null(First(Local(2026, 3, 17, 10), 12));
    }
}

/// <summary>The way out of a closed slot: the next start the site allows.</summary>
public class NextOpeningTests
{
    private static readonly Instant Now = Local(2026, 3, 14, 9); // Saturday

    [Fact]
    public void NextOpening_SundayAtWeekdaySite_MondayAtOpening()
    {
        var next = BookingRules.NextOpening(WeekdaySite(), Local(2026, 3, 15, 10), Duration.FromHours(2), Now, Stockholm);

        Assert.Equal(Local(2026, 3, 16, 7), next);
    }

    [Fact]
    public void NextOpening_ReturnAfterClosing_NextDaysOpening()
    {
        var next = BookingRules.NextOpening(WeekdaySite(), Local(2026, 3, 16, 17), Duration.FromHours(2), Now, Stockholm);

        Assert.Equal(Local(2026, 3, 17, 7), next);
    }

    [Fact]
    public void NextOpening_GoodFriday_SkipsTheHolidaysToTuesday()
    {
        // Easter 2026: Good Friday 3 April, Easter Monday 6 April.
        var next = BookingRules.NextOpening(WeekdaySite(), Local(2026, 4, 3, 10), Duration.FromHours(1), Local(2026, 4, 1, 9), Stockholm);

        Assert.Equal(Local(2026, 4, 7, 7), next);
    }

    [Fact]
    public void NextOpening_FromInThePast_NotBeforeNow()
    {
        // Asked from last Tuesday; now is Saturday 09:00 at a weekday site: Monday's opening, not a day in the past.
        var next = BookingRules.NextOpening(WeekdaySite(), Local(2026, 3, 10, 10), Duration.FromHours(2), Now, Stockholm);

        Assert.Equal(Local(2026, 3, 16, 7), next);
    }

    [Fact]
    public void NextOpening_SiteWithoutHours_TheAskedTime()
    {
        Assert.Equal(Local(2026, 3, 15, 10), BookingRules.NextOpening(OpenSite(), Local(2026, 3, 15, 10), Duration.FromHours(2), Now, Stockholm));
    }

    [Fact]
    public void NextOpening_TwoWindowsADay_TheEarlierOne()
    {
        var site = WeekdaySite();
        site.OpeningHours.Clear();
        site.OpeningHours.Add(new OpeningHours { Day = IsoDayOfWeek.Monday, Opens = new LocalTime(13, 0), Closes = new LocalTime(17, 0) });
        site.OpeningHours.Add(new OpeningHours { Day = IsoDayOfWeek.Monday, Opens = new LocalTime(7, 0), Closes = new LocalTime(11, 0) });

        Assert.Equal(Local(2026, 3, 16, 7), BookingRules.NextOpening(site, Local(2026, 3, 15, 10), Duration.FromHours(1), Now, Stockholm));
    }

    [Fact]
    public void NextOpening_NeverOpen_Null()
    {
        var site = WeekdaySite();
        site.OpeningHours.Clear();
        site.OpeningHours.Add(new OpeningHours { Day = IsoDayOfWeek.Monday, Opens = new LocalTime(7, 0), Closes = new LocalTime(8, 0) });

        Assert.Null(BookingRules.NextOpening(site, Local(2026, 3, 15, 10), Duration.FromHours(3), Now, Stockholm));
    }
}
