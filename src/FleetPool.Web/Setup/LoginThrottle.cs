using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FleetPool.Web.Setup;

/// <summary>
/// Slows password guessing without letting anyone lock a real user out: attempts are limited per client (its address,
/// as the trusted proxy forwards it) and wrong passwords per client and account, never per account alone, and nothing
/// locks the account.
/// Limits are per app instance (in memory): behind N instances an attacker gets at most N times as many tries.
/// </summary>
public sealed class LoginThrottle(IOptions<SecurityOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _accounts = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.LoginAttemptsPerAccount, Window = TimeSpan.FromMinutes(options.Value.AccountWindowMinutes), QueueLimit = 0,
        }));

    /// <summary>
    /// Null when this client may try a password for the account now, else how long to wait. <paramref name="account"/> is the
    /// e-mail as Identity normalises it to find the account, so every spelling that reaches one account shares its budget.
    /// </summary>
    public TimeSpan? WaitBeforeAttempt(HttpContext http, string account)
    {
        using var lease = _accounts.AttemptAcquire(Key(http, account), permitCount: 0); // looks, takes nothing
        return lease.IsAcquired ? null
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromMinutes(options.Value.AccountWindowMinutes);
    }

    /// <summary>Counts a wrong password for the account (normalised as for <see cref="WaitBeforeAttempt"/>) from this client; a right one costs nothing.</summary>
    public void Failed(HttpContext http, string account)
    {
        using var lease = _accounts.AttemptAcquire(Key(http, account));
    }

    private static string Key(HttpContext http, string account) => $"{ClientOf(http)}|{account}";

    /// <summary>The client's address (after forwarded headers from a trusted proxy), or "local" for in-process tests.</summary>
    public static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";

    /// <summary>Writes the 429: ProblemDetails with <c>Retry-After</c> in whole seconds.</summary>
    public static Task RefuseAsync(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(title: $"Too many attempts: try again in {seconds} s.", statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
    }

    /// <inheritdoc />
    public void Dispose() => _accounts.Dispose();
}

/// <summary>
/// Marks an endpoint that tries a password or a refresh token (the sign-in page, <c>/api/auth/login</c>, <c>/api/auth/refresh</c>):
/// the sign-in limit follows the endpoint routing chose, whatever spelling of its path reached it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SignInAttemptAttribute : Attribute;

/// <summary>ASP.NET Core's rate limiter on the anonymous endpoints, keyed by client.</summary>
public static class RateLimitSetup
{
    /// <summary>True for a POST to an endpoint marked <see cref="SignInAttemptAttribute"/> (the limiter runs after routing).</summary>
    public static bool IsSignIn(HttpContext http) => HttpMethods.IsPost(http.Request.Method)
        && http.GetEndpoint()?.Metadata.GetMetadata<SignInAttemptAttribute>() is not null;

    private static bool IsOtherAnonymous(HttpRequest r) => r.Path.StartsWithSegments("/api/calendar") || r.Path.StartsWithSegments("/account/external");

    /// <summary>Registers the per-client limits and the throttle for accounts.</summary>
    public static IServiceCollection AddFleetPoolRateLimits(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LoginThrottle>();
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var limits = http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
                var client = LoginThrottle.ClientOf(http);
                return IsSignIn(http) ? Window("sign-in|" + client, limits.LoginAttemptsPerClientPerMinute)
                    : IsOtherAnonymous(http.Request) ? Window("anonymous|" + client, limits.AnonymousRequestsPerClientPerMinute)
                    : RateLimitPartition.GetNoLimiter("none");
            });
            o.OnRejected = (context, _) => new ValueTask(LoginThrottle.RefuseAsync(context.HttpContext,
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromMinutes(1)));
        });
        return services;
    }

    private static RateLimitPartition<string> Window(string key, int permits) => RateLimitPartition.GetFixedWindowLimiter(key,
        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
