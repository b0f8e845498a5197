using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace FleetPool.Core.Energy;

/// <summary>
/// Reads what Swedish exports contain: text in UTF-8 (with or without a byte-order mark) or Windows-1252 (as Swedish
/// Excel saves CSV), numbers with a decimal comma and space or dot thousands, dates with or without a time.
/// </summary>
public static class EnergyFile
{
    private static readonly LocalDateTimePattern[] DateTimes = new[] { "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH.mm", "dd.MM.yyyy HH:mm", "dd/MM/yyyy HH:mm", "yyyyMMdd HH:mm" }
        .Select(p => LocalDateTimePattern.CreateWithInvariantCulture(p)).ToArray();

    private static readonly LocalDatePattern[] Dates = new[] { "yyyy-MM-dd", "dd.MM.yyyy", "dd/MM/yyyy", "yyyyMMdd" }
        .Select(p => LocalDatePattern.CreateWithInvariantCulture(p)).ToArray();

    static EnergyFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The text of a file: UTF-8 when it decodes as such, else Windows-1252.</summary>
    public static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    /// <summary>A number written "1 234,5", "1.234,5", "1234.5" or "1234,5"; null when it is none.</summary>
    public static double? Number(string text)
    {
        var t = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '\u00A0').ToArray()).Replace("kr", "", StringComparison.OrdinalIgnoreCase);
        if (t.Contains(',', StringComparison.Ordinal))
        {
            t = t.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        }
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
    }

    /// <summary>A local date and time from a date cell (maybe with the time in it) and an optional time cell.</summary>
    public static LocalDateTime? DateTime(string date, string? time)
    {
        var text = time is { Length: > 0 } ? $"{date.Trim()} {time.Trim()}" : date.Trim();
        foreach (var p in DateTimes)
        {
            if (p.Parse(text) is { Success: true } ok)
            {
                return ok.Value;
            }
        }
        foreach (var p in Dates)
        {
            if (p.Parse(text) is { Success: true } ok)
            {
                return ok.Value.AtMidnight();
            }
        }
        return null;
    }

    /// <summary>Upper case without spaces or hyphens, so "abc 123", "ABC-123" and "ABC123" are one registration.</summary>
    public static string Normalise(string identifier) =>
        new string(identifier.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
}
