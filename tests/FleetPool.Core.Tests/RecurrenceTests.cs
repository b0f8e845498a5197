using FleetPool.Core.Bookings.Series;
using NodaTime;

namespace FleetPool.Core.Tests;

/// <summary>The repeat rule's dates and its validation, worked out on a calendar.</summary>
public sealed class RecurrenceTests
{
    private static readonly LocalDate Tuesday = new(2026, 3, 17);

    [Fact]
    public void Dates_EveryWeekdayForTen_SkipsWeekendsStartsOnTheFirstDate()
    {
        var dates = new Recurrence(RepeatEvery.Weekday, Count: 10).Dates(Tuesday);

        Assert.Equal(10, dates.Count);
        Assert.Equal(Tuesday, dates[0]);
        Assert.Equal(new LocalDate(2026, 3, 30), dates[^1]); // Tue–Fri, Mon–Fri, Mon
        Assert.DoesNotContain(dates, d => d.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
    }

    [Fact]
    public void Dates_WeeklyMondayThursdayUntil_UntilInclusiveAndFirstOnlyWhenItMatches()
    {
        var dates = new Recurrence(RepeatEvery.Week, [IsoDayOfWeek.Thursday, IsoDayOfWeek.Monday], Until: new LocalDate(2026, 3, 30)).Dates(Tuesday);

        Assert.Equal([new LocalDate(2026, 3, 19), new LocalDate(2026, 3, 23), new LocalDate(2026, 3, 26), new LocalDate(2026, 3, 30)], dates);
    }

    [Fact]
    public void Validate_BothUntilAndCount_NamesRepeatUntil()
    {
        var errors = new Recurrence(RepeatEvery.Weekday, Until: Tuesday.PlusDays(7), Count: 5).Validate(Tuesday).ToDictionary();

        Assert.Contains("repeat.until", errors.Keys);
    }

    [Fact]
    public void Validate_WeeklyWithoutDays_NamesRepeatDays()
    {
        var errors = new Recurrence(RepeatEvery.Week, [], Count: 5).Validate(Tuesday).ToDictionary();

        Assert.Contains("repeat.days", errors.Keys);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(Recurrence.MaxOccurrences + 1)]
    public void Validate_CountOutOfRange_NamesRepeatCount(int count)
    {
        Assert.Contains("repeat.count", new Recurrence(RepeatEvery.Weekday, Count: count).Validate(Tuesday).ToDictionary().Keys);
    }

    [Fact]
    public void Validate_UntilMoreThanAYearAhead_Refused()
    {
        var errors = new Recurrence(RepeatEvery.Weekday, Until: Tuesday.PlusDays(Recurrence.MaxSpanDays + 1)).Validate(Tuesday).ToDictionary();

        Assert.Contains("repeat.until", errors.Keys);
    }

    [Fact]
    public void Validate_PatternGivingOneDate_RefusedAsTooFew()
    {
        // Until Friday on Mondays only: no Monday falls between.
        var errors = new Recurrence(RepeatEvery.Week, [IsoDayOfWeek.Monday], Until: Tuesday.PlusDays(3)).Validate(Tuesday).ToDictionary();

        Assert.Contains("repeat.days", errors.Keys);
    }

    [Fact]
    public void Matches_MaskOfWeekdays_MatchesMondayNotSunday()
    {
        var mask = new Recurrence(RepeatEvery.Weekday).DaysMask;

        Assert.True(Recurrence.Matches(mask, new LocalDate(2026, 3, 16)));
        Assert.False(Recurrence.Matches(mask, new LocalDate(2026, 3, 22)));
        Assert.Equal([IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday], SeriesView.DaysOf(mask));
    }
}
