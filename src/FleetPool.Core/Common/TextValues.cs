namespace FleetPool.Core.Common;

/// <summary>How optional free text is stored: trimmed, and blank as no answer (null).</summary>
internal static class TextValues
{
    /// <summary>The text trimmed, or null when it is null, empty or only white space.</summary>
    public static string? TrimmedOrNull(this string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
