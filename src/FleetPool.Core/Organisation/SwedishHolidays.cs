using NodaTime;

namespace FleetPool.Core.Organisation;

/// <summary>
/// Swedish public holidays ("helgdagar", Lag 1989:253) plus the eves that are days off in practice (midsummer,
/// Christmas and New Year's Eve), computed rather than looked up: fixed dates, the Easter-based days, Midsummer
/// (the Saturday between 20 and 26 June) and All Saints' Day (the Saturday between 31 October and 6 November).
/// </summary>
public static class SwedishHolidays
{
    /// <summary>The holidays of a year, with their Swedish names, in date order.</summary>
    public static IReadOnlyList<(LocalDate Date, string Name)> For(int year)
    {
        var easter = EasterSunday(year);
        var midsummerDay = SaturdayBetween(new LocalDate(year, 6, 20));
        var list = new List<(LocalDate, string)>
        {
            (new LocalDate(year, 1, 1), "Nyårsdagen"),
            (new LocalDate(year, 1, 6), "Trettondedag jul"),
            (easter.PlusDays(-2), "Långfredagen"),
            (easter, "Påskdagen"),
            (easter.PlusDays(1), "Annandag påsk"),
            (new LocalDate(year, 5, 1), "Första maj"),
            (easter.PlusDays(39), "Kristi himmelsfärdsdag"),
            (easter.PlusDays(49), "Pingstdagen"),
            (new LocalDate(year, 6, 6), "Sveriges nationaldag"),
            (midsummerDay.PlusDays(-1), "Midsommarafton"),
            (midsummerDay, "Midsommardagen"),
            (SaturdayBetween(new LocalDate(year, 10, 31)), "Alla helgons dag"),
            (new LocalDate(year, 12, 24), "Julafton"),
            (new LocalDate(year, 12, 25), "Juldagen"),
            (new LocalDate(year, 12, 26), "Annandag jul"),
            (new LocalDate(year, 12, 31), "Nyårsafton"),
        };
        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return list;
    }

    /// <summary>True when the date is a holiday (or a holiday eve treated as one).</summary>
    public static bool IsHoliday(LocalDate date) => NameOf(date) is not null;

    /// <summary>The holiday's Swedish name, or null on an ordinary day.</summary>
    public static string? NameOf(LocalDate date)
    {
        foreach (var (day, name) in For(date.Year))
        {
            if (day == date)
            {
                return name;
            }
        }
        return null;
    }

    /// <summary>Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static LocalDate EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31, day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }

    private static LocalDate SaturdayBetween(LocalDate first) =>
        first.With(DateAdjusters.NextOrSame(IsoDayOfWeek.Saturday));
}
