using NodaTime;
using NodaTime.Text;

namespace FleetPool.Core.Time;

/// <summary>
/// Parses and formats API times: ISO-8601 with an offset or <c>Z</c> (<c>2026-03-29T09:00:00+02:00</c>); seconds
/// optional. A time without an offset is refused: it would be ambiguous across daylight-saving changes. Invariant: a
/// parsed time lies in [<see cref="Earliest"/>, <see cref="Latest"/>), so adding a buffer or a day never overflows.
/// </summary>
public static class IsoInstant
{
    private static readonly OffsetDateTimePattern[] Accepted =
    [
        OffsetDateTimePattern.ExtendedIso,
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    ];

    private static readonly OffsetDateTimePattern Written =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<+HH:mm>");

    /// <summary>The earliest time (and date) the API accepts.</summary>
    public static readonly Instant Earliest = Instant.FromUtc(1900, 1, 1, 0, 0);

    /// <summary>The first time (and date) the API no longer accepts.</summary>
    public static readonly Instant Latest = Instant.FromUtc(2200, 1, 1, 0, 0);

    /// <summary>What a caller is told when a time cannot be read.</summary>
    public const string Expected = "Must be an ISO-8601 time with an offset between the years 1900 and 2199, e.g. 2026-03-29T09:00:00+02:00 or 2026-03-29T07:00:00Z.";

    /// <summary>What a caller is told when a date cannot be read.</summary>
    public const string ExpectedDate = "Must be a date as yyyy-MM-dd between the years 1900 and 2199, e.g. 2026-03-29.";

    /// <summary>The date a text names (yyyy-MM-dd), or null when it is not one or lies outside the years the API accepts.</summary>
    public static LocalDate? ParseDate(string? text) =>
        text is { Length: <= 10 } && LocalDatePattern.Iso.Parse(text) is { Success: true } r && r.Value.Year is >= 1900 and < 2200 ? r.Value : null;

    /// <summary>The instant a text names, or null when it is not an ISO-8601 time with an offset.</summary>
    public static Instant? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return null;
        }
        foreach (var pattern in Accepted)
        {
            var result = pattern.Parse(text.Trim());
            if (result.Success && result.Value.LocalDateTime.Year is > 1800 and < 2300 && result.Value.ToInstant() is var instant
                && instant >= Earliest && instant < Latest)
            {
                return instant;
            }
        }
        return null;
    }

    /// <summary>Formats an instant with the offset it has in the zone, e.g. 2026-03-29T09:00:00+02:00.</summary>
    public static string Format(Instant instant, DateTimeZone zone) => Written.Format(instant.InZone(zone).ToOffsetDateTime());
}
