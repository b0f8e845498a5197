using System.Globalization;
using FleetPool.Core.Common;

namespace FleetPool.Core.Notifications;

/// <summary>
/// Renders a stored notice (<c>Notify.{kind}</c> and its arguments) in a language. An argument stored with
/// <see cref="KeyMark"/> in front is itself a text key ("Upkeep.Service"), so it reads in the reader's language too.
/// </summary>
internal static class NoticeText
{
    /// <summary>Marks an argument as a text key; a control character no user can type into a name.</summary>
    public const char KeyMark = '\u001e';

    /// <summary>A text key as a stored argument.</summary>
    public static string Key(string key) => KeyMark + key;

    /// <summary>The notice in <paramref name="culture"/> (null: the current UI culture).</summary>
    public static string Render(CultureInfo? culture, string kind, string arguments)
    {
        var c = culture ?? CultureInfo.CurrentUICulture;
        var args = arguments.Split(Inbox.Separator).Select(a => (object)(a.Length > 0 && a[0] == KeyMark ? Text.In(c, a[1..]) : a)).ToArray();
        return Text.In(c, $"Notify.{kind}", args);
    }
}
