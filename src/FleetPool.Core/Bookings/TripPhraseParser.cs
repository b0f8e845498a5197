using System.Text.RegularExpressions;
using FleetPool.Core.Common;
using FleetPool.Core.Fleet;
using FleetPool.Core.Steering;
using FleetPool.Core.Time;
using NodaTime;
using static FleetPool.Core.Bookings.TripPhraseWords;

namespace FleetPool.Core.Bookings;

/// <summary>
/// Reads a one-line trip in Swedish or English — "elcykel i morgon 10–12 till Vårby gård", "car friday at 1pm 3 hours
/// Huddinge hospital", "cykel nu 1 h 4 km för hembesök" — into a <see cref="TripPhrase"/>. Deterministic: no network, no
/// model; relative days resolve in the organisation's zone from <c>now</c>. Rules: a weekday is the next one after
/// today; a time without a day is today when still ahead, else tomorrow; "nu" starts now, rounded up to five minutes; a
/// whole day without a time starts at <see cref="TripLengths.WholeDayStart"/>; words after "till/to" or left over are
/// matched against the places (<see cref="PlaceMatcher"/>); words after "för/for" are the purpose; an unmatched
/// destination is kept as free text; anything else is reported in <see cref="TripPhrase.NotUnderstood"/>.
/// </summary>
public static partial class TripPhraseParser
{
    /// <summary>The longest phrase read; longer input is cut.</summary>
    public const int MaxLength = 300;

    /// <summary>The most words read (a trip is said in about 5–20); words past it are cut.</summary>
    public const int MaxWords = 40;

    private static readonly Duration Rounding = Duration.FromMinutes(5);

    /// <summary>Parses <paramref name="text"/> at <paramref name="now"/> against <paramref name="places"/>.</summary>
    public static TripPhrase Parse(string? text, Instant now, OrganisationTime time, IReadOnlyList<PlaceCandidate> places)
    {
        var words = Tokens(text);
        var reading = new Reading(words.Select(w => w.ToLowerInvariant()).ToArray());
        reading.Scan();
        var (place, destination, purpose, notUnderstood) = Leftovers(words, reading, places, LongestPlaceWords(places));
        return Resolve(reading, now, time) with
        {
            PlaceId = place?.Id, PlaceName = place?.Name, Destination = destination, Purpose = purpose, NotUnderstood = notUnderstood,
        };
    }

    private static string[] Tokens(string? text)
    {
        var line = text ?? "";
        line = line[..Math.Min(line.Length, MaxLength)];
        // Stryker disable once String : the comma becomes a space or nothing; either way the words split the same.
        line = ListComma().Replace(line.Replace('–', '-').Replace('—', '-').Replace('−', '-'), " "); // "1,5 h" keeps its decimal comma
        return line.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.TrimEnd('.', '!', '?', ':', ';').TrimStart('"', '(').TrimEnd('"', ')'))
            .Where(w => w.Length > 0).Take(MaxWords).ToArray();
    }

    // The most words that can name a place: its name's, twice over for English ("town hall" is "kommunhus"). The place
    // search looks at no longer run of words, so it is linear in the phrase's length, not quadratic.
    private static int LongestPlaceWords(IReadOnlyList<PlaceCandidate> places) =>
        2 * places.Select(p => Steering.PlaceMatcher.Normalise(p.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length).Append(0).Max();

    private static TripPhrase Resolve(Reading r, Instant now, OrganisationTime time)
    {
        var problems = new List<string>();
        var today = time.DateOf(now);
        LocalDate? date = r.DaysAhead is { } days ? today.PlusDays(days) : r.Weekday is { } wd ? today.Next(wd)
            : r.Date is { } given && r.MissingYear ? InComingYear(given, today) : r.Date;
        var startTime = r.StartTime;
        Instant? start = null;
        if (r.StartsNow)
        {
            var rounded = NodaTime.Instant.FromUnixTimeTicks((now.ToUnixTimeTicks() + Rounding.BclCompatibleTicks - 1) / Rounding.BclCompatibleTicks * Rounding.BclCompatibleTicks);
            (start, date, startTime) = (rounded, time.DateOf(rounded), time.ToLocal(rounded).TimeOfDay);
        }
        if (startTime is null && r.Length == TripLengths.WholeDay)
        {
            startTime = TripLengths.WholeDayStart;
        }
        if (date is null && startTime is { } t)
        {
            date = t >= time.ToLocal(now).TimeOfDay.PlusMinutes(-1) ? today : today.PlusDays(1);
        }
        if (start is null && date is { } d && startTime is { } st)
        {
            start = ToInstant(time, d + st, problems);
        }
        Instant? end = null;
        var length = r.Length;
        if (r.EndTime is { } et && date is { } day)
        {
            if (startTime is { } s && et <= s)
            {
                problems.Add(Text.Get("Phrase.EndBeforeStart", et.ToString("HH:mm", null), s.ToString("HH:mm", null)));
            }
            else if ((end = ToInstant(time, day + et, problems)) is { } e && start is { } b)
            {
                length = e - b;
            }
        }
        else if (start is { } b && length is { } l)
        {
            end = b + l;
        }
        if (start is { } from && BookingRules.StartsInPast(from, now))
        {
            problems.Add(Text.Get("StartInPast"));
        }
        return new TripPhrase(r.Kind, date, startTime, start, end, length, null, null, null, r.DistanceKm, r.Passengers, null, [], problems);
    }

    private static Instant? ToInstant(OrganisationTime time, LocalDateTime local, List<string> problems)
    {
        var resolved = time.Resolve(local);
        if (resolved.Error is { } error)
        {
            problems.Add(error);
        }
        return resolved.Instant;
    }

    // "20 mars" is this year's, or next year's once passed; 29 February only in a leap year.
    private static LocalDate? InComingYear(LocalDate dayAndMonth, LocalDate today)
    {
        for (var year = today.Year; year <= today.Year + 4; year++)
        {
            if (dayAndMonth.Day <= CalendarSystem.Iso.GetDaysInMonth(year, dayAndMonth.Month) && new LocalDate(year, dayAndMonth.Month, dayAndMonth.Day) is var d && d >= today)
            {
                return d;
            }
        }
        return null;
    }

    // Words no pattern took: after "för/for" the purpose, after "till/to" or on their own a place, else not understood.
    private static (PlaceCandidate? Place, string? Destination, string? Purpose, List<string> NotUnderstood) Leftovers(
        string[] words, Reading r, IReadOnlyList<PlaceCandidate> places, int longest)
    {
        PlaceCandidate? place = null;
        string? destination = null, purpose = null;
        var notUnderstood = new List<string>();
        foreach (var (role, span) in Segments(r))
        {
            var content = span.Where(i => !Fillers.Contains(r.Words[i]) || role == Role.Purpose).ToList();
            if (content.Count == 0)
            {
                continue;
            }
            var phrase = string.Join(' ', span.SkipWhile(i => Fillers.Contains(r.Words[i])).Select(i => words[i]));
            if (role == Role.Purpose)
            {
                // "för tillsyn till Tullinge gård": a known place after "till/to" is the destination, not part of the purpose.
                var to = span.FindLastIndex(i => ToPlace.Contains(r.Words[i]));
                if (place is null && to > 0 && PlaceMatcher.Best(string.Join(' ', span.Skip(to + 1).Select(i => words[i])), places, p => p.Name) is { } after)
                {
                    (place, phrase) = (after, string.Join(' ', span.Take(to).SkipWhile(i => Fillers.Contains(r.Words[i])).Select(i => words[i])));
                }
                purpose = purpose is null ? phrase : $"{purpose} {phrase}";
                continue;
            }
            if (place is null && BestSubspan(span, words, places, longest) is var (match, used) && match is not null)
            {
                place = match;
                notUnderstood.AddRange(span.Except(used).Where(i => !Fillers.Contains(r.Words[i])).Select(i => words[i]));
            }
            else if (role == Role.Place && destination is null && place is null)
            {
                destination = phrase;
            }
            else
            {
                notUnderstood.AddRange(content.Select(i => words[i]));
            }
        }
        return (place, destination, purpose, notUnderstood); // a purpose is never longer than the phrase (MaxLength)
    }

    private static (PlaceCandidate? Match, List<int> Used) BestSubspan(List<int> span, string[] words, IReadOnlyList<PlaceCandidate> places, int longest)
    {
        // Stryker disable once all : without the bound the search is quadratic (seconds for a long phrase) but finds the same place.
        var longestRun = Math.Min(span.Count, longest);
        for (var length = longestRun; length != 0; length--)
        {
            for (var first = 0; first + length <= span.Count; first++)
            {
                var used = span.GetRange(first, length);
                if (used.All(i => Fillers.Contains(words[i].ToLowerInvariant())))
                {
                    continue;
                }
                if (PlaceMatcher.Best(string.Join(' ', used.Select(i => words[i])), places, p => p.Name) is { } match)
                {
                    return (match, used);
                }
            }
        }
        return (null, []);
    }

    private enum Role { Unmarked, Place, Purpose }

    // Runs of words no pattern took, split where "till/to" or "för/for" starts a new part.
    private static IEnumerable<(Role Role, List<int> Span)> Segments(Reading r)
    {
        var role = Role.Unmarked;
        var span = new List<int>();
        for (var i = 0; i <= r.Words.Length; i++)
        {
            var boundary = i == r.Words.Length || r.Taken[i];
            var marker = !boundary && role != Role.Purpose && ToPlace.Contains(r.Words[i]) ? Role.Place
                : !boundary && ForPurpose.Contains(r.Words[i]) ? Role.Purpose : (Role?)null;
            if (boundary || marker is not null)
            {
                if (span.Count != 0)
                {
                    yield return (role, span);
                }
                (span, role) = ([], marker ?? Role.Unmarked);
                continue;
            }
            span.Add(i);
        }
    }

    /// <summary>The patterns, taken left to right; <see cref="Taken"/> marks the words they used.</summary>
    private sealed class Reading(string[] words)
    {
        public string[] Words { get; } = words;
        public bool[] Taken { get; } = new bool[words.Length];
        public VehicleKind? Kind;
        public int? DaysAhead;
        public IsoDayOfWeek? Weekday;
        public LocalDate? Date;
        public LocalTime? StartTime, EndTime;
        public Duration? Length;
        public double? DistanceKm;
        public int? Passengers;
        public bool StartsNow;
        public bool MissingYear;

        public void Scan()
        {
            for (var i = 0; i < Words.Length; i++)
            {
                // Stryker disable once NullCoalescing : the patterns' guards keep them from taking one another's words, so their order is not observable.
                var used = KindAt(i) ?? DayAt(i) ?? RangeAt(i) ?? LengthAt(i) ?? AmountAt(i) ?? TimeAt(i);
                if (used is { } n)
                {
                    Array.Fill(Taken, true, i, n);
                    i += n - 1;
                }
            }
        }

        private string? At(int i) => i < Words.Length && !Taken[i] ? Words[i] : null;

        private bool Matches(int i, string[] pattern) => pattern.Select((w, k) => At(i + k) == w).All(x => x);

        private int? KindAt(int i)
        {
            if (Kind is null && At(i) is { } w && Kinds.TryGetValue(w, out var kind))
            {
                Kind = kind;
                return 1;
            }
            if (Kind is null && At(i + 1) is { } next && KindPairs.TryGetValue((Words[i], next), out var pair))
            {
                Kind = pair;
                return 2;
            }
            return null;
        }

        private int? DayAt(int i)
        {
            var w = Words[i];
            if (!StartsNow && Now.Contains(w))
            {
                StartsNow = true;
                return 1;
            }
            foreach (var (pattern, days) in RelativeDays)
            {
                if (Matches(i, pattern))
                {
                    DaysAhead = days;
                    return pattern.Length;
                }
            }
            if (Weekdays.TryGetValue(w, out var weekday))
            {
                Weekday = weekday;
                return 1;
            }
            return DateAt(i);
        }

        // One date per phrase: a second is reported, not silently taken instead of the first.
        private int? DateAt(int i)
        {
            if (Date is not null)
            {
                return null;
            }
            var w = Words[i];
            if (IsoDate().Match(w) is { Success: true } iso && TryDate(Int(iso.Groups[1].Value), Int(iso.Groups[2].Value), Int(iso.Groups[3].Value), out var d))
            {
                Date = d;
                return 1;
            }
            if (DayMonth().Match(w) is { Success: true } dm && TryDate(null, Int(dm.Groups[2].Value), Int(dm.Groups[1].Value), out d))
            {
                Date = d;
                return 1;
            }
            var day = DayNumber().Match(w);
            if (day.Success && At(i + 1) is { } month && Months.TryGetValue(month, out var m) && TryDate(null, m, Int(day.Groups[1].Value), out d))
            {
                Date = d;
                return 2;
            }
            if (Months.TryGetValue(w, out m) && At(i + 1) is { } next && DayNumber().Match(next) is { Success: true } after
                && TryDate(null, m, Int(after.Groups[1].Value), out d))
            {
                Date = d;
                return 2;
            }
            return null;
        }

        // The year is filled in later by the caller's today: a day and month without a year is this year's, or next year's when passed.
        // Without a year, 2000 (a leap year) stands in, so that 29 February is a date until the year is known.
        private bool TryDate(int? year, int month, int day, out LocalDate date)
        {
            date = default;
            if (year is < 2000 or > 2199 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year ?? 2000, month))
            {
                return false;
            }
            date = new LocalDate(year ?? 2000, month, day);
            MissingYear = year is null;
            return true;
        }

        private int? RangeAt(int i)
        {
            var lead = RangeStart.Contains(Words[i]) || Clock.Contains(Words[i]) ? 1 : 0;
            if (At(i + lead) is { } single && TimeRange().Match(single) is { Success: true } range
                && TryTime(range.Groups[1].Value, range.Groups[2].Value, out var a, range.Groups[3].Value is { Length: > 0 } h ? h : range.Groups[6].Value)
                && TryTime(range.Groups[4].Value, range.Groups[5].Value, out var b, range.Groups[6].Value))
            {
                (StartTime, EndTime) = (a, b);
                return lead + 1;
            }
            if (At(i + lead) is { } first && TimeOf(first, At(i + lead + 1)) is var (from, n1) && from is { } f)
            {
                var join = i + lead + n1;
                // "10 till 2 timmar" is a start and a length, not 10 to 2.
                if (At(join) is { } j && RangeJoin.Contains(j) && At(join + 1) is { } second && TimeOf(second, At(join + 2)) is var (to, n2) && to is { } t
                    && !IsLengthUnit(At(join + 1 + n2)))
                {
                    (StartTime, EndTime) = (f, t);
                    return join + 1 + n2 - i;
                }
                if (Clock.Contains(Words[i]) && StartTime is null)
                {
                    StartTime = f;
                    return 1 + n1;
                }
            }
            return null;
        }

        private int? TimeAt(int i)
        {
            if (StartTime is null && TimeOf(Words[i], At(i + 1)) is var (time, n) && time is { } t && !IsLengthUnit(At(i + n)))
            {
                StartTime = t;
                return n;
            }
            return null;
        }

        private static bool IsLengthUnit(string? w) => w is not null && (Hours.Contains(w) || Minutes.Contains(w) || Kilometres.Contains(w) || People.Contains(w) || w == "mil");

        // "13", "13:30", "13.30", "9am", "2 pm": the time and how many words it took.
        // "2 pm" is read as one time before "2" alone, or the "pm" would be lost and 14:00 read as 02:00.
        private static (LocalTime? Time, int Words) TimeOf(string w, string? next)
        {
            if (next is "am" or "pm" && Clock12().Match(w + next) is { Success: true } c2 && TryTime(c2.Groups[1].Value, c2.Groups[2].Value, out var t, c2.Groups[3].Value))
            {
                return (t, 2);
            }
            if (Clock12().Match(w) is { Success: true } c && TryTime(c.Groups[1].Value, c.Groups[2].Value, out t, c.Groups[3].Value))
            {
                return (t, 1);
            }
            return (null, 0);
        }

        private static bool TryTime(string hours, string minutes, out LocalTime time, string? half = null)
        {
            time = default;
            var h = Int(hours);
            var m = minutes.Length > 0 ? Int(minutes) : 0;
            if (half is "am" or "pm")
            {
                if (h is < 1 or > 12)
                {
                    return false;
                }
                h = h % 12 + (half == "pm" ? 12 : 0);
            }
            if (h > 23 || m > 59)
            {
                return false;
            }
            time = new LocalTime(h, m);
            return true;
        }

        private int? LengthAt(int i)
        {
            foreach (var (pattern, length) in NamedLengths)
            {
                if (Matches(i, pattern))
                {
                    Length = (Length ?? Duration.Zero) + length;
                    return pattern.Length;
                }
            }
            var w = Words[i];
            if (Glued().Match(w) is { Success: true } glued && TryNumber(glued.Groups[1].Value, out var value) && Unit(glued.Groups[2].Value, value))
            {
                return 1;
            }
            if (TryNumber(w, out value) && At(i + 1) is { } unit && (Hours.Contains(unit) || Minutes.Contains(unit)) && Unit(unit, value))
            {
                return 2;
            }
            return null;
        }

        private int? AmountAt(int i)
        {
            var w = Words[i];
            if (Glued().Match(w) is { Success: true } glued && TryNumber(glued.Groups[1].Value, out var value) && Amount(glued.Groups[2].Value, value))
            {
                return 1;
            }
            return TryNumber(w, out value) && At(i + 1) is { } unit && Amount(unit, value) ? 2 : null;
        }

        private bool Unit(string unit, double value)
        {
            if (value <= 0 || value > 24 * 14)
            {
                return false;
            }
            var length = Hours.Contains(unit) ? Duration.FromMinutes(Math.Round(value * 60)) : Minutes.Contains(unit) ? Duration.FromMinutes(Math.Round(value)) : (Duration?)null;
            if (length is not { } l)
            {
                return false;
            }
            Length = (Length ?? Duration.Zero) + l; // "1 h 30 min"
            return true;
        }

        private bool Amount(string unit, double value)
        {
            if ((Kilometres.Contains(unit) || unit == "mil") && value > 0)
            {
                DistanceKm = Math.Round(unit == "mil" ? value * 10 : value, 2); // a Swedish mil is 10 km
                return true;
            }
            if (People.Contains(unit) && value is >= 1 and <= 60 && value == Math.Floor(value))
            {
                Passengers = (int)value;
                return true;
            }
            return false;
        }
    }

    private static int Int(string digits) => int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(\d{1,2})/(\d{1,2})$")]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"^(\d{1,2})(?::e|:a|st|nd|rd|th)?$")]
    private static partial Regex DayNumber();

    [GeneratedRegex(@"^(\d{1,2})(?:[:.](\d{2}))?(am|pm)?-(\d{1,2})(?:[:.](\d{2}))?(am|pm)?$")]
    private static partial Regex TimeRange();

    [GeneratedRegex(@"^(\d{1,2})(?:[:.](\d{2}))?(am|pm)?$")]
    private static partial Regex Clock12();

    [GeneratedRegex(@",(?=\s|$)")]
    private static partial Regex ListComma();

    [GeneratedRegex(@"^(\d+(?:[.,]\d+)?)([a-zåäö]+)$")]
    private static partial Regex Glued();
}
