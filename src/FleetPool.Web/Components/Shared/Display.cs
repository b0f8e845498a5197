using System.Globalization;
using FleetPool.Core.Time;
using NodaTime;

namespace FleetPool.Web.Components.Shared;

/// <summary>Times as people read them: in the organisation's zone, in the current culture.</summary>
public static class Display
{
    /// <summary>"2026-03-17 09:00–11:00" (same day) or "2026-03-17 09:00 – 2026-03-18 11:00".</summary>
    public static string Slot(Instant start, Instant end, OrganisationTime time)
    {
        var (s, e) = (time.ToLocal(start), time.ToLocal(end));
        var culture = CultureInfo.CurrentCulture;
        var from = $"{s.Date.ToString("d", culture)} {s.TimeOfDay.ToString("t", culture)}";
        return s.Date == e.Date
            ? $"{from}–{e.TimeOfDay.ToString("t", culture)}"
            : $"{from} – {e.Date.ToString("d", culture)} {e.TimeOfDay.ToString("t", culture)}";
    }

    /// <summary>"5 g" below a kilogram, "1,3 kg" above (current culture); empty when unknown.</summary>
    public static string Grams(double? grams) => grams switch
    {
        null => "",
        < 1000 => $"{grams.Value.ToString("0", CultureInfo.CurrentCulture)} g",
        _ => $"{(grams.Value / 1000).ToString("0.0", CultureInfo.CurrentCulture)} kg",
    };
}
