using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FleetPool.Web.Tests.Infrastructure;

/// <summary>
/// A real OAuth 2.0 token endpoint on a loopback port: answers the client-credentials grant for one client with numbered
/// tokens ("token-1", …) valid for an hour, refuses any other, and keeps every request's form fields.
/// </summary>
public sealed class TinyTokenServer : IAsyncDisposable
{
    public const string ClientId = "fleetpool-app", ClientSecret = "s3cret";
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _issued;

    public TinyTokenServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}/tenant/oauth2/v2.0/token";

    /// <summary>The form fields of every token request.</summary>
    public ConcurrentQueue<Dictionary<string, string>> Requests { get; } = new();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var form = (await reader.ReadToEndAsync()).Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
                .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : ""));
            Requests.Enqueue(form);
            var ok = form.GetValueOrDefault("grant_type") == "client_credentials" && form.GetValueOrDefault("client_id") == ClientId
                && form.GetValueOrDefault("client_secret") == ClientSecret;
            var json = ok ? $$"""{"token_type":"Bearer","expires_in":3600,"access_token":"token-{{Interlocked.Increment(ref _issued)}}"}"""
                : """{"error":"invalid_client","error_description":"Client authentication failed."}""";
            context.Response.StatusCode = ok ? 200 : 401;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(json);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _loop;
        _listener.Close();
    }
}
