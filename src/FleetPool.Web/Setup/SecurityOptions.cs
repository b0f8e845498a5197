using System.ComponentModel.DataAnnotations;

namespace FleetPool.Web.Setup;

/// <summary>Settings section <c>Security</c>: sign-in throttling and session lifetimes.</summary>
public sealed class SecurityOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Security";

    /// <summary>Sign-in attempts (page, API, token refresh) one client may make per minute, whatever the account.</summary>
    [Range(1, 1_000_000)] public int LoginAttemptsPerClientPerMinute { get; set; } = 20;

    /// <summary>Wrong passwords one client may give for one account per <see cref="AccountWindowMinutes"/> (a right one costs nothing).</summary>
    [Range(1, 1_000_000)] public int LoginAttemptsPerAccount { get; set; } = 5;

    /// <summary>The window of <see cref="LoginAttemptsPerAccount"/>, minutes.</summary>
    [Range(1, 24 * 60)] public int AccountWindowMinutes { get; set; } = 15;

    /// <summary>Requests one client may make per minute to the other anonymous endpoints (calendar feeds, external sign-in).</summary>
    [Range(1, 1_000_000)] public int AnonymousRequestsPerClientPerMinute { get; set; } = 120;

    /// <summary>A page sign-in ends this many hours after it began, however active (the idle limit is 8 hours).</summary>
    [Range(1, 24 * 30)] public int CookieAbsoluteHours { get; set; } = 12;
}
