using System.Text;

namespace FleetPool.Web.Setup;

/// <summary>Redirect targets after sign-in or a language switch: local paths only, never an open redirect.</summary>
public static class LocalUrl
{
    private const int MaxLength = 2048;

    /// <summary>
    /// The URL when it is a local path (one leading '/', no control or space characters, at most 2,048 characters), else
    /// "/". A Location header is ASCII: other characters are percent-encoded as UTF-8 (sent raw, Kestrel answers 500).
    /// </summary>
    public static string OrHome(string? url)
    {
        if (url is not { Length: > 0 and <= MaxLength } || url[0] != '/' || url.Length > 1 && url[1] is '/' or '\\'
            || url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return "/";
        }
        var ascii = new StringBuilder(url.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                ascii.Append((char)rune.Value);
                continue;
            }
            foreach (var b in utf8[..rune.EncodeToUtf8(utf8)])
            {
                ascii.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return ascii.ToString();
    }
}
