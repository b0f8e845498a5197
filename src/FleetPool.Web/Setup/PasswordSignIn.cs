using FleetPool.Core.Organisation;
using Microsoft.AspNetCore.Identity;

namespace FleetPool.Web.Setup;

/// <summary>How a password sign-in ended.</summary>
public enum PasswordSignInResult
{
    /// <summary>The password is right and the account active.</summary>
    Succeeded,
    /// <summary>Unknown e-mail, inactive account or wrong password: one answer for all, so nobody learns which.</summary>
    Failed,
    /// <summary>Too many attempts from this client for this account: wait.</summary>
    Throttled,
}

/// <summary>
/// The one password check behind the login page and the API. Invariants: an unknown or inactive account costs the same
/// password-hash work as a known one and gets the same answer; wrong passwords never lock the account (the
/// <see cref="LoginThrottle"/> slows the guesser instead, per client and account; a right password costs no attempt).
/// </summary>
public sealed partial class PasswordSignIn(UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, LoginThrottle throttle, ILogger<PasswordSignIn> log)
{
    private static readonly AppUser Nobody = new();
    private static string? _decoyHash;

    /// <summary>Checks the password; the user is returned only on success, the wait only when throttled.</summary>
    public async Task<(PasswordSignInResult Result, AppUser? User, TimeSpan? RetryAfter)> CheckAsync(HttpContext http, string email, string password)
    {
        var account = users.NormalizeEmail(email.Trim()) ?? "";
        if (throttle.WaitBeforeAttempt(http, account) is { } wait)
        {
            Throttled(log, http.Connection.RemoteIpAddress?.ToString() ?? "", wait.TotalSeconds);
            return (PasswordSignInResult.Throttled, null, wait);
        }
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is { IsActive: true, PasswordHash: not null } && await users.CheckPasswordAsync(user, password))
        {
            return (PasswordSignInResult.Succeeded, user, null);
        }
        if (user is not { IsActive: true, PasswordHash: not null })
        {
            // The same PBKDF2 work as a real check, so the answer's timing says nothing about the account.
            _decoyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(Nobody, _decoyHash, password);
        }
        throttle.Failed(http, account);
        // The user id only when the account exists: a mistyped e-mail is not logged (it may be someone's password).
        Failed(log, user?.Id, http.Connection.RemoteIpAddress?.ToString() ?? "");
        return (PasswordSignInResult.Failed, null, null);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Sign-in failed (user {UserId}) from {Client}")]
    private static partial void Failed(ILogger logger, int? userId, string client);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Sign-in throttled from {Client} for {WaitSeconds} s")]
    private static partial void Throttled(ILogger logger, string client, double waitSeconds);
}
