using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace FleetPool.Web.Tests.Infrastructure;

/// <summary>
/// The app as its own OS process (<c>dotnet FleetPool.Web.dll</c>, Development, demo data, jobs off) on a SQLite file in a
/// folder of its own, listening on a free loopback port; killed and the folder deleted on dispose.
/// </summary>
public sealed class AppProcessOnSqlite : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"fleetpool-process-{Guid.NewGuid():N}");
    private Process? _process;

    public AppProcessOnSqlite() => Directory.CreateDirectory(_folder);

    public int Port { get; } = FleetPool.Tests.Shared.LoopbackPorts.Free();

    public string Database => Path.Combine(_folder, "fleetpool.db");

    public Process Process => _process ?? throw new InvalidOperationException("Not started.");

    /// <summary>A client for the process (not signed in).</summary>
    public HttpClient CreateClient() => new() { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Starts the process and waits until <c>/health</c> answers (at most 90 s).</summary>
    public async Task StartAsync(HttpClient http)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "FleetPool.Web.dll")}\"")
        {
            WorkingDirectory = AppContext.BaseDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__ConnectionString"] = $"Data Source={Database}";
        start.Environment["Jobs__Enabled"] = "false";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
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
            Assert.False(_process.HasExited, "the app exited while starting");
            await Task.Delay(200);
        }
        Assert.Fail("the app did not become healthy within 90 s");
    }

    /// <summary>Kills the process (SIGKILL on Linux) and waits for it to exit.</summary>
    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }


    public void Dispose()
    {
        Stop();
        _process?.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
