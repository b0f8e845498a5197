using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using NodaTime.Text;

namespace FleetPool.Core.Data;

/// <summary>
/// SQLite has no date types: instants become Unix ticks (plain integer comparisons, ORDER BY, MIN/MAX), dates
/// ISO text (sorts like dates), times of day ticks since midnight.
/// </summary>
internal static class SqliteConventions
{
    public static void Apply(ModelConfigurationBuilder b)
    {
        b.Properties<Instant>().HaveConversion<InstantToTicks>();
        b.Properties<LocalDate>().HaveConversion<LocalDateToText>().HaveMaxLength(10);
        b.Properties<LocalTime>().HaveConversion<LocalTimeToTicks>();
    }

    private sealed class InstantToTicks() : ValueConverter<Instant, long>(
        i => i.ToUnixTimeTicks(), t => Instant.FromUnixTimeTicks(t));

    private sealed class LocalDateToText() : ValueConverter<LocalDate, string>(
        d => d.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture), s => LocalDatePattern.Iso.Parse(s).Value);

    private sealed class LocalTimeToTicks() : ValueConverter<LocalTime, long>(
        t => t.TickOfDay, t => LocalTime.FromTicksSinceMidnight(t));
}
