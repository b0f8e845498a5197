using System.Diagnostics;

namespace FleetPool.Browser.Tests.Deployment;

/// <summary>One app process on a loopback port (its own Kestrel), started with the given settings; killed with SIGKILL.</summary>
public sealed class AppInstance(string name, IReadOnlyDictionary<string, string> settings) : IDisposable
{
    private readonly List<string> _output = [];
    private Process? _process;

    /// <summary>A name for messages: "A", "B", "seed".</summary>
    public string Name { get; } = name;

    /// <summary>The loopback port Kestrel listens on.</summary>
    public int Port { get; } = FleetPool.Tests.Shared.LoopbackPorts.Free();

    /// <summary>host:port, as nginx's upstream and access log name it.</summary>
    public string Address => $"127.0.0.1:{Port}";

    /// <summary>Whether the process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the process and waits until <c>/health/ready</c> answers 200 (at most 3 minutes on a loaded machine).</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "FleetPool.Web.dll")}\"")
        {
            WorkingDirectory = AppContext.BaseDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        start.Environment["ASPNETCORE_URLS"] = $"http://{Address}";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri($"http://{Address}"), Timeout = TimeSpan.FromSeconds(10) };
        for (var deadline = DateTime.UtcNow.AddMinutes(3); DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Instance {Name} exited while starting:\n{Output()}");
            }
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
        }
        throw new TimeoutException($"Instance {Name} was not ready within 3 minutes:\n{Output()}");
    }

    /// <summary>SIGKILL: no shutdown, no flush, open connections reset.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>The last lines the process wrote, for a failure message.</summary>
    public string Output()
    {
        lock (_output)
        {
            return string.Join('\n', _output.TakeLast(40));
        }
    }

    private void Keep(string? line)
    {
        // Stack frames would crowd out what the process said before a failure.
        if (line is null || line.TrimStart().StartsWith("at ", StringComparison.Ordinal))
        {
            return;
        }
        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 400)
            {
                _output.RemoveRange(0, 200);
            }
        }
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
    }
}
