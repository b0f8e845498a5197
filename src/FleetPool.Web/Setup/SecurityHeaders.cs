using System.Security.Cryptography;

namespace FleetPool.Web.Setup;

/// <summary>
/// Response headers every answer carries: a Content-Security-Policy with a per-request nonce for the one inline script
/// Blazor renders (its import map) and inline styles for MudBlazor; no framing anywhere, the Hangfire dashboard
/// included; no MIME sniffing; no referrer to other sites (calendar URLs hold a secret); and API answers, which carry
/// personal data, never cached.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "fleetpool.cspNonce";

    /// <summary>The nonce of this request's Content-Security-Policy, for an inline script the page must render.</summary>
    public static string CspNonce(this HttpContext http) => (string)http.Items[NonceKey]!;

    /// <summary>Adds the headers before anything else writes the response.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)); // hex: nothing for HTML to encode
        http.Items[NonceKey] = nonce;
        http.Response.OnStarting(() =>
        {
            var h = http.Response.Headers;
            var dashboard = http.Request.Path.StartsWithSegments("/hangfire");
            // Hangfire's pages are its own (inline script and styles): they get the framing and sniffing rules, not the app's policy.
            // The API reference starts with one inline module script of its own; it shows the public OpenAPI document, no data.
            h.ContentSecurityPolicy = dashboard ? "frame-ancestors 'none'" :
                http.Request.Path.StartsWithSegments("/api-reference")
                    ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
                      "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'" :
                $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
                "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "same-origin";
            h["Permissions-Policy"] = "geolocation=(), microphone=(), camera=(self)";
            if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/exports"))
            {
                h.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(http);
    });
}
