using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FleetPool.Core.Notifications;

/// <summary>
/// Access tokens for SMTP's OAuth 2.0 sign-in (Exchange Online after basic authentication ends): the client-credentials grant
/// (RFC 6749 §4.4) against <see cref="SmtpOptions.TokenEndpoint"/>. Invariant: a token is reused until a minute before it
/// expires; a refused request fails with the endpoint's own error, never with a token.
/// </summary>
public sealed class SmtpOAuthTokens(IOptions<SmtpOptions> options, IClock clock) : IDisposable
{
    // One long-lived client for a job that runs every few minutes; connections are recycled so DNS changes are seen.
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, Instant Until)? _cached;

    /// <summary>A valid access token for the configured mailbox.</summary>
    public async Task<string> GetAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var now = clock.GetCurrentInstant();
            if (_cached is { } c && c.Until > now)
            {
                return c.Token;
            }
            var o = options.Value;
            using var response = await _http.PostAsync(o.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = o.ClientId!, ["client_secret"] = o.ClientSecret!, ["scope"] = o.Scope,
            }), ct);
            var body = await response.Content.ReadFromJsonAsync<TokenResponse>(ct);
            if (!response.IsSuccessStatusCode || string.IsNullOrEmpty(body?.AccessToken))
            {
                throw new InvalidOperationException($"SMTP OAuth token refused by {o.TokenEndpoint}: {(int)response.StatusCode} {body?.Error} {body?.ErrorDescription}".Trim());
            }
            _cached = (body.AccessToken, now + Duration.FromSeconds(Math.Max(0, body.ExpiresIn - 60)));
            return body.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        _gate.Dispose();
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? ErrorDescription);
}
