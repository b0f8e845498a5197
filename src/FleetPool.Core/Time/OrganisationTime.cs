using FleetPool.Core.Common;
using NodaTime;
using NodaTime.Text;

namespace FleetPool.Core.Time;

/// <summary>
/// The organisation's time zone and the conversions between what people type (local wall-clock times) and what is
/// stored (<see cref="Instant"/>s). A local time that does not exist (spring-forward gap) or exists twice
/// (autumn overlap) is never guessed: it is rejected with a message that says which.
/// </summary>
public sealed class OrganisationTime(DateTimeZone zone)
{
    /// <summary>The default zone of a Swedish municipality.</summary>
    public const string DefaultZoneId = "Europe/Stockholm";

    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm");

    /// <summary>The organisation's zone.</summary>
    public DateTimeZone Zone { get; } = zone;

    /// <summary>Creates the organisation's time from an IANA zone id; unknown ids throw.</summary>
    public static OrganisationTime FromZoneId(string zoneId) =>
        new(DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? throw new ArgumentException($"Unknown time zone '{zoneId}'.", nameof(zoneId)));

    /// <summary>The local date and time of an instant in the organisation's zone.</summary>
    public ZonedDateTime ToLocal(Instant instant) => instant.InZone(Zone);

    /// <summary>The local date of an instant in the organisation's zone.</summary>
    public LocalDate DateOf(Instant instant) => instant.InZone(Zone).Date;

    /// <summary>The local date and time as people and spreadsheets read it, "yyyy-MM-dd HH:mm", in any culture.</summary>
    public string Format(Instant instant) => ToLocal(instant).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The first instant of a local date (midnight, or the first valid time after a gap).</summary>
    public Instant StartOfDay(LocalDate date) => Zone.AtStartOfDay(date).ToInstant();

    /// <summary>
    /// Converts a local wall-clock time to an instant, or explains why it cannot: in a DST gap the time never
    /// happens, in a DST overlap it happens twice.
    /// </summary>
    public LocalResolution Resolve(LocalDateTime local)
    {
        var mapping = Zone.MapLocal(local);
        var shown = LocalPattern.Format(local);
        return mapping.Count switch
        {
            1 => new LocalResolution(mapping.Single().ToInstant(), null, LocalTimeProblem.None),
            0 => new LocalResolution(null, Text.Get("Gap", shown, Zone.Id), LocalTimeProblem.Gap),
            _ => new LocalResolution(null, Text.Get("Ambiguous", shown, Zone.Id), LocalTimeProblem.Ambiguous),
        };
    }
}

/// <summary>Why a local time has no single instant.</summary>
public enum LocalTimeProblem
{
    /// <summary>It maps to exactly one instant.</summary>
    None,
    /// <summary>It falls in the spring-forward gap and never happens.</summary>
    Gap,
    /// <summary>It falls in the autumn overlap and happens twice.</summary>
    Ambiguous,
}

/// <summary>The result of <see cref="OrganisationTime.Resolve"/>: either <see cref="Instant"/> or <see cref="Error"/> is set.</summary>
public readonly record struct LocalResolution(Instant? Instant, string? Error, LocalTimeProblem Problem);
