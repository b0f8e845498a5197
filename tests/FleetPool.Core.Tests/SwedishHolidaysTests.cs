using FleetPool.Core.Organisation;
using NodaTime;

namespace FleetPool.Core.Tests;

public class SwedishHolidaysTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)] // the latest possible
    [InlineData(2285, 3, 22)] // the earliest possible
    [InlineData(1999, 4, 4)]
    [InlineData(2000, 4, 23)]
    [InlineData(2008, 3, 23)]
    [InlineData(2011, 4, 24)]
    [InlineData(2019, 4, 21)]
    [InlineData(2029, 4, 1)]
    [InlineData(2030, 4, 21)]
    [InlineData(2033, 4, 17)]
    [InlineData(2035, 3, 25)]
    [InlineData(2036, 4, 13)]
    [InlineData(2039, 4, 10)]
    public void EasterSunday_KnownYears_MatchesAlmanac(int year, int month, int day) =>
        Assert.Equal(new LocalDate(year, month, day), SwedishHolidays.EasterSunday(year));

    // The years in which the algorithm's correction term (m) is 1, the only ones where it changes the answer; a fact of
    // its own, so that every mutant of that term meets all four whichever theory rows a mutation run picks.
    [Fact]
    public void EasterSunday_YearsOfTheCorrectionTerm_MatchAlmanac() =>
        Assert.Equal([new LocalDate(1954, 4, 18), new LocalDate(1981, 4, 19), new LocalDate(2049, 4, 18), new LocalDate(2076, 4, 19)],
            new[] { 1954, 1981, 2049, 2076 }.Select(SwedishHolidays.EasterSunday));

    [Theory]
    [InlineData(2026, 1, 1, "Nyårsdagen")]
    [InlineData(2026, 1, 6, "Trettondedag jul")]
    [InlineData(2026, 4, 5, "Påskdagen")]
    [InlineData(2026, 5, 1, "Första maj")]
    [InlineData(2026, 12, 25, "Juldagen")]
    [InlineData(2026, 12, 26, "Annandag jul")]
    [InlineData(2026, 12, 31, "Nyårsafton")]
    [InlineData(2026, 4, 3, "Långfredagen")]
    [InlineData(2026, 4, 6, "Annandag påsk")]
    [InlineData(2026, 5, 14, "Kristi himmelsfärdsdag")]
    [InlineData(2026, 5, 24, "Pingstdagen")]
    [InlineData(2026, 6, 6, "Sveriges nationaldag")]
    [InlineData(2026, 6, 19, "Midsommarafton")]
    [InlineData(2026, 6, 20, "Midsommardagen")]
    [InlineData(2026, 10, 31, "Alla helgons dag")]
    [InlineData(2025, 11, 1, "Alla helgons dag")]
    [InlineData(2026, 12, 24, "Julafton")]
    public void NameOf_Holiday_ReturnsSwedishName(int year, int month, int day, string name) =>
        Assert.Equal(name, SwedishHolidays.NameOf(new LocalDate(year, month, day)));

    [Theory]
    [InlineData(2026, 4, 2)]
    [InlineData(2026, 6, 18)]
    [InlineData(2026, 11, 2)]
    [InlineData(2026, 3, 17)]
    public void IsHoliday_OrdinaryDay_False(int year, int month, int day) =>
        Assert.False(SwedishHolidays.IsHoliday(new LocalDate(year, month, day)));

    [Fact]
    public void For_AnyYear_SixteenDatesInOrder()
    {
        var days = SwedishHolidays.For(2031).Select(h => h.Date).ToList();
        Assert.Equal(16, days.Count);
        Assert.Equal(days.Order(), days);
    }

    // 2038 has the latest Easter: Whit Sunday (13 June) falls after the National Day, so the list is in order only if sorted.
    [Fact]
    public void For_LatestEaster_WhitSundayAfterTheNationalDay()
    {
        var names = SwedishHolidays.For(2038).Select(h => h.Name).ToList();
        Assert.Equal(names.IndexOf("Sveriges nationaldag") + 1, names.IndexOf("Pingstdagen"));
    }
}
