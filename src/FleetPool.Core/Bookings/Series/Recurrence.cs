using FleetPool.Core.Common;
using NodaTime;

namespace FleetPool.Core.Bookings.Series;

/// <summary>How often a series repeats.</summary>
public enum RepeatEvery
{
    /// <summary>Monday to Friday (holidays are the site's opening rules' business, not the pattern's).</summary>
    Weekday,
    /// <summary>Every week on the chosen days.</summary>
    Week,
}

/// <summary>
/// The repeat rule of a series as asked for: every weekday, or weekly on <see cref="Days"/>, until a date or for a count.
/// Invariants once valid: exactly one of <see cref="Until"/> and <see cref="Count"/>; at most <see cref="MaxOccurrences"/>
/// dates within <see cref="MaxSpanDays"/> days of the first; the dates are those from the first date (inclusive) that match
/// the pattern, so the first booking's own date counts only when it matches.
/// </summary>
public sealed record Recurrence(RepeatEvery? Every, IReadOnlyList<IsoDayOfWeek>? Days = null, LocalDate? Until = null, int? Count = null)
{
    /// <summary>Most occurrences one series may have (a year of weekdays).</summary>
    public const int MaxOccurrences = 260;
    /// <summary>Longest span of a series, days after its first date.</summary>
    public const int MaxSpanDays = 366;

    /// <summary>Field errors in the rule itself, named <c>repeat.*</c>, given the first occurrence's date.</summary>
    public FieldErrors Validate(LocalDate first, FieldErrors? into = null)
    {
        var e = into ?? new FieldErrors();
        e.AddIf(Every is null, "repeat.every", Text.Get("Required"));
        e.AddIf(Every == RepeatEvery.Week && (Days is null || Days.Count == 0), "repeat.days", Text.Get("RepeatDaysRequired"));
        e.AddIf(Days is not null && Days.Any(d => d == IsoDayOfWeek.None), "repeat.days", Text.Get("RepeatDaysRequired"));
        e.AddIf(Until is null == Count is null, "repeat.until", Text.Get("RepeatUntilOrCount"));
        e.Range(Count, "repeat.count", 2, MaxOccurrences);
        e.AddIf(Until is { } u && u <= first, "repeat.until", Text.Get("RepeatUntilAfterFirst", first.ToString("uuuu'-'MM'-'dd", null)));
        e.AddIf(Until is { } v && v > first.PlusDays(MaxSpanDays), "repeat.until", Text.Get("RepeatTooLong", MaxSpanDays));
        if (e.IsEmpty && Dates(first).Count is var n && n < 2)
        {
            e.Add("repeat.days", Text.Get("RepeatTooFew"));
        }
        return e;
    }

    /// <summary>The occurrence dates from <paramref name="first"/> on; call on a valid rule.</summary>
    public IReadOnlyList<LocalDate> Dates(LocalDate first)
    {
        var dates = new List<LocalDate>();
        var last = Until ?? first.PlusDays(MaxSpanDays);
        for (var d = first; d <= last && dates.Count < (Count ?? MaxOccurrences); d = d.PlusDays(1))
        {
            if (Matches(d))
            {
                dates.Add(d);
            }
        }
        return dates;
    }

    /// <summary>The pattern's days as a bit mask (bit 0 Monday … bit 6 Sunday), as a series stores them.</summary>
    public int DaysMask => Every == RepeatEvery.Weekday ? 0b0011111 : (Days ?? []).Aggregate(0, (m, d) => m | 1 << ((int)d - 1));

    /// <summary>True when <paramref name="date"/> falls on one of the mask's days: the rule a stored series repeats by.</summary>
    public static bool Matches(int daysMask, LocalDate date) => (daysMask & 1 << ((int)date.DayOfWeek - 1)) != 0;

    private bool Matches(LocalDate date) => Matches(DaysMask, date);
}
