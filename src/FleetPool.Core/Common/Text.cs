using System.Globalization;
using System.Resources;

namespace FleetPool.Core.Common;

/// <summary>
/// Core's messages, in the current UI culture: English (neutral, the API's default) or Swedish (the UI's default).
/// Rules say what is wrong in words a person can act on; the Web layer decides the culture per request.
/// </summary>
internal static class Text
{
    private static readonly ResourceManager Resources = new("FleetPool.Core.Common.CoreText", typeof(Text).Assembly);

    /// <summary>The message for a key, formatted with the arguments in the current culture.</summary>
    public static string Get(string key, params object?[] args)
    {
        var format = Resources.GetString(key, CultureInfo.CurrentUICulture) ?? throw new InvalidOperationException($"No text '{key}' in CoreText.resx.");
        return args.Length == 0 ? format : string.Format(CultureInfo.CurrentCulture, format, args);
    }

    /// <summary>The message for a key in a given culture (e-mail goes out in the organisation's language, whoever's request runs).</summary>
    public static string In(CultureInfo culture, string key, params object?[] args)
    {
        var format = Resources.GetString(key, culture) ?? throw new InvalidOperationException($"No text '{key}' in CoreText.resx.");
        return args.Length == 0 ? format : string.Format(culture, format, args);
    }
}
