using System.Diagnostics;

namespace FleetPool.Browser.Tests;

/// <summary>
/// The app as `dotnet run` starts it — its own process on a real Kestrel loopback port, Development with the demo
/// municipality on a fresh SQLite file — for the browser to drive. One per test class.
/// </summary>
public sealed class AppProcess : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"fleetpool-browser-{Guid.NewGuid():N}");
    private readonly Queue<string> _output = new();
    private Process? _app;

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; } = $"http://127.0.0.1:{FleetPool.Tests.Shared.LoopbackPorts.Free()}";

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "FleetPool.Web.dll")}\"")
        {
            WorkingDirectory = AppContext.BaseDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = BaseUrl;
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(_folder, "fleetpool.db")}";
        start.Environment["Jobs__Enabled"] = "false";
        _app = Process.Start(start)!;
        _app.OutputDataReceived += (_, e) => Keep(e.Data);
        _app.ErrorDataReceived += (_, e) => Keep(e.Data);
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        for (var deadline = DateTime.UtcNow.AddSeconds(120); DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            if (_app.HasExited)
            {
                throw new InvalidOperationException("The app exited while starting.");
            }
        }
        throw new TimeoutException("The app did not become healthy within 120 s.");
    }

    /// <summary>
    /// The errors the app logged lately ("fail:"/"crit:" entries with their first lines), for a failing test's message: the
    /// page shows what the person saw, this what the server did about it.
    /// </summary>
    public string RecentErrors()
    {
        string[] lines;
        lock (_output)
        {
            lines = [.. _output];
        }
        var errors = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("fail:", StringComparison.Ordinal) || lines[i].StartsWith("crit:", StringComparison.Ordinal))
            {
                errors.Add(string.Join(" ", lines.Skip(i).Take(3).Select(l => l.Trim())));
            }
        }
        return errors.Count == 0 ? "none" : string.Join(" | ", errors.TakeLast(3));
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > 400)
            {
                _output.Dequeue();
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_app is { HasExited: false })
        {
            _app.Kill();
            _app.WaitForExit();
        }
        _app?.Dispose();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

}
