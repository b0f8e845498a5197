namespace FleetPool.Web.Setup;

/// <summary>Redirect targets after sign-in or a language switch: local paths only, never an open redirect.</summary>
public static class LocalUrl
{
    /// <summary>The URL when it is a local path, else "/".</summary>
    public static string OrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url : "/";
}
