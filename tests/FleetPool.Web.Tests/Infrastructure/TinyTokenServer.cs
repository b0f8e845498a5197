using System.Collections.Concurrent;
using System.Net;

namespace FleetPool.Web.Tests.Infrastructure;

/// <summary>
/// A real OAuth 2.0 token endpoint on a loopback port: answers the client-credentials grant for one client with numbered
/// tokens ("token-1", …) valid for an hour, refuses any other, and keeps every request's form fields.
/// </summary>
public sealed class TinyTokenServer : LoopbackHttpServer
{
    public const string ClientId = "fleetpool-app", ClientSecret = "s3cret";
    private int _issued;

    public string Endpoint => $"http://127.0.0.1:{Port}/tenant/oauth2/v2.0/token";

    /// <summary>The form fields of every token request.</summary>
    public ConcurrentQueue<Dictionary<string, string>> Requests { get; } = new();

    protected override async Task<(int, string)> AnswerAsync(HttpListenerRequest request)
    {
        var form = await ReadFormAsync(request);
        Requests.Enqueue(form);
        var ok = form.GetValueOrDefault("grant_type") == "client_credentials" && form.GetValueOrDefault("client_id") == ClientId
            && form.GetValueOrDefault("client_secret") == ClientSecret;
        return ok ? (200, $$"""{"token_type":"Bearer","expires_in":3600,"access_token":"token-{{Interlocked.Increment(ref _issued)}}"}""")
            : (401, """{"error":"invalid_client","error_description":"Client authentication failed."}""");
    }
}
