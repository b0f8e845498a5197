using NodaTime;
using NodaTime.Text;

namespace FleetPool.Core.Time;

/// <summary>
/// Parses and formats API times: ISO-8601 with an offset or <c>Z</c> (<c>2026-03-29T09:00:00+02:00</c>); seconds
/// optional. A time without an offset is refused: it would be ambiguous across daylight-saving changes.
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

    /// <summary>What a caller is told when a time cannot be read.</summary>
    public const string Expected = "Must be an ISO-8601 time with an offset, e.g. 2026-03-29T09:00:00+02:00 or 2026-03-29T07:00:00Z.";

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
            if (result.Success)
            {
                return result.Value.ToInstant();
            }
        }
        return null;
    }

    /// <summary>Formats an instant with the offset it has in the zone, e.g. 2026-03-29T09:00:00+02:00.</summary>
    public static string Format(Instant instant, DateTimeZone zone) => Written.Format(instant.InZone(zone).ToOffsetDateTime());
}
