using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;

namespace FleetPool.Browser.Tests.Deployment;

/// <summary>
/// The deployment a municipality's IT runs, on this machine: PostgreSQL (the test cluster, a database of its own), two app
/// instances in Production, and Debian's nginx in front terminating TLS with a certificate made for the run, using
/// <c>deploy/nginx/fleetpool.conf</c> as the README gives it. A second nginx server stands in for the identity provider's
/// discovery document and keys, so the OpenID Connect challenge can be followed. Skips locally without nginx or PostgreSQL; under
/// CI=true it fails instead, since .ci/run provides both.
/// </summary>
public sealed partial class ProxiedDeployment : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"fleetpool-proxy-{Guid.NewGuid():N}");
    private readonly string _database = $"fleetpool_proxy_{Guid.NewGuid():N}"[..32];
    private string? _adminConnection;
    private Process? _nginx;

    /// <summary>The public address, through nginx: https://127.0.0.1:port.</summary>
    public string PublicUrl { get; private set; } = "";

    /// <summary>The stand-in identity provider's issuer (https, served by nginx).</summary>
    public string IssuerUrl { get; private set; } = "";

    /// <summary>The app database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The run's TLS certificate.</summary>
    public TlsCertificate Certificate { get; private set; } = null!;

    /// <summary>The two app instances behind the proxy.</summary>
    public IReadOnlyList<AppInstance> Instances { get; private set; } = [];

    /// <summary>nginx's access log (the fleetpool format: which instance answered each request).</summary>
    public string AccessLog => Path.Combine(_folder, "access.log");

    public async ValueTask InitializeAsync()
    {
        var nginx = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);
        var postgres = Environment.GetEnvironmentVariable("FLEETPOOL_TEST_POSTGRES");
        if (nginx is null || string.IsNullOrEmpty(postgres))
        {
            var missing = nginx is null ? "nginx (apt-get install nginx)" : "FLEETPOOL_TEST_POSTGRES";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail($"The deployment test needs {missing}: .ci/run provides it, so under CI it must run.");
            }
            Assert.Skip($"Deployment test skipped: {missing} is missing.");
        }
        Directory.CreateDirectory(Path.Combine(_folder, "temp"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(_folder, "temp"), (UnixFileMode)0b111_111_111); // nginx's workers may run as nobody
        }
        Certificate = TlsCertificate.Create(_folder);
        var publicPort = FleetPool.Tests.Shared.LoopbackPorts.Free();
        var issuerPort = FleetPool.Tests.Shared.LoopbackPorts.Free();
        PublicUrl = $"https://127.0.0.1:{publicPort}";
        IssuerUrl = $"https://127.0.0.1:{issuerPort}/test-issuer";

        _adminConnection = postgres;
        await using (var admin = new NpgsqlConnection(postgres))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", admin);
            await create.ExecuteNonQueryAsync();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(postgres) { Database = _database }.ConnectionString;

        var common = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = ConnectionString,
            ["DataProtection__CertificatePath"] = Path.Combine(_folder, "dataprotection.pfx"),
            ["DataProtection__GenerateIfMissing"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        // The demo municipality is seeded by a Development start (only Development seeds); then Production serves it.
        using (var seed = new AppInstance("seed", new Dictionary<string, string>(common) { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Jobs__Enabled"] = "false" }))
        {
            await seed.StartAsync();
        }
        var production = new Dictionary<string, string>(common)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Hosting__KnownProxies__0"] = "127.0.0.1",
            // The load is one person booking hundreds of half-hour slots; past 40 hours a week a person waits for a fleet
            // manager's yes (HoldingLimits), which is not what this test of two instances and a crash is about.
            ["HoldingLimits__HoursPerWeek"] = "1000000",
            ["HoldingLimits__HoursPerWeekOnOneVehicle"] = "1000000",
            ["Hosting__UseStaticWebAssets"] = "true", // run from the test's build output rather than a publish
            ["ExternalLogin__Enabled"] = "true",
            ["ExternalLogin__Authority"] = IssuerUrl,
            ["ExternalLogin__ClientId"] = "fleetpool-test",
            ["ExternalLogin__ClientSecret"] = "not-a-secret",
            ["SSL_CERT_FILE"] = Certificate.CertPath, // the provider's https metadata is signed by the run's certificate
        };
        Instances = [new AppInstance("A", production), new AppInstance("B", production)];
        foreach (var instance in Instances)
        {
            await instance.StartAsync(); // one after the other: the first applies nothing new, but never race two migrations
        }

        File.WriteAllText(Path.Combine(_folder, "fleetpool.conf"), File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Deployment", "fleetpool.conf"))
            .Replace("${FLEETPOOL_LISTEN}", $"127.0.0.1:{publicPort}")
            .Replace("${FLEETPOOL_CERT}", Certificate.CertPath)
            .Replace("${FLEETPOOL_KEY}", Certificate.KeyPath)
            .Replace("${FLEETPOOL_ACCESS_LOG}", AccessLog)
            .Replace("${FLEETPOOL_INSTANCE_1}", Instances[0].Address)
            .Replace("${FLEETPOOL_INSTANCE_2}", Instances[1].Address));
        File.WriteAllText(Path.Combine(_folder, "nginx.conf"), MainConfig(issuerPort));
        _nginx = Process.Start(new ProcessStartInfo(nginx, ["-p", _folder, "-c", Path.Combine(_folder, "nginx.conf"), "-e", Path.Combine(_folder, "error.log"), "-g", "daemon off;"])
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        await WaitForPortAsync(publicPort);
        await WaitForPortAsync(issuerPort);
    }

    /// <summary>Starts again any instance an earlier test killed, so each test begins with both.</summary>
    public async Task EnsureBothRunningAsync()
    {
        foreach (var instance in Instances.Where(i => !i.IsRunning))
        {
            await instance.StartAsync();
        }
    }

    /// <summary>The instance that served the last request whose log line contains all of <paramref name="parts"/>.</summary>
    public AppInstance InstanceThatServed(params string[] parts)
    {
        var line = ReadAccessLog().LastOrDefault(l => parts.All(p => l.Contains(p, StringComparison.Ordinal)))
            ?? throw new InvalidOperationException($"No request with {string.Join(", ", parts)} in nginx's access log.");
        return ServedBy(line) ?? throw new InvalidOperationException($"No instance answered: {line}");
    }

    /// <summary>
    /// The instance that answered one access-log line: the last of <c>$upstream_addr</c>'s list, since nginx names every
    /// instance it tried ("upstream=A, B" when A refused the connection and B answered); null when none did.
    /// </summary>
    public AppInstance? ServedBy(string line)
    {
        var match = UpstreamField().Match(line);
        return match.Success ? Instances.FirstOrDefault(i => i.Address == match.Groups["last"].Value) : null;
    }

    [GeneratedRegex(@"upstream=(?:[^\s,]+, )*(?<last>[^\s,]+) upstream_status=")]
    private static partial Regex UpstreamField();

    /// <summary>nginx's access log so far.</summary>
    public IReadOnlyList<string> ReadAccessLog()
    {
        using var stream = new FileStream(AccessLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private string MainConfig(int issuerPort) => $$"""
        pid {{_folder}}/nginx.pid;
        worker_processes 2;
        error_log {{_folder}}/error.log warn;
        events { worker_connections 1024; }
        http {
            client_body_temp_path {{_folder}}/temp/body;
            proxy_temp_path {{_folder}}/temp/proxy;
            fastcgi_temp_path {{_folder}}/temp/fastcgi;
            uwsgi_temp_path {{_folder}}/temp/uwsgi;
            scgi_temp_path {{_folder}}/temp/scgi;
            include {{_folder}}/fleetpool.conf;

            # Test only: the identity provider's discovery document, so the app can build its challenge.
            server {
                listen 127.0.0.1:{{issuerPort}} ssl;
                ssl_certificate {{Certificate.CertPath}};
                ssl_certificate_key {{Certificate.KeyPath}};
                access_log off;
                location = /test-issuer/.well-known/openid-configuration {
                    default_type application/json;
                    return 200 '{"issuer":"{{IssuerUrl}}","authorization_endpoint":"{{IssuerUrl}}/authorize","token_endpoint":"{{IssuerUrl}}/token","jwks_uri":"{{IssuerUrl}}/keys","response_types_supported":["code"],"subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"]}';
                }
                location = /test-issuer/keys {
                    default_type application/json;
                    return 200 '{"keys":[]}';
                }
            }
        }
        """;

    private async Task WaitForPortAsync(int port)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if (_nginx!.HasExited)
            {
                throw new InvalidOperationException($"nginx exited: {await _nginx.StandardError.ReadToEndAsync()} {ErrorLog()}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                // not yet
            }
        }
        throw new TimeoutException($"nginx did not listen on {port}: {ErrorLog()}");
    }

    /// <summary>What the proxy and the instances said, for a failure's output.</summary>
    public string Diagnostics() =>
        $"nginx access log (last 40):\n{string.Join('\n', ReadAccessLog().TakeLast(40))}\nnginx errors:\n{ErrorLog()}\n" +
        string.Join('\n', Instances.Select(i => $"instance {i.Name} ({i.Address}, running: {i.IsRunning}):\n{i.Output()}"));

    private string ErrorLog() => File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : "";

    public async ValueTask DisposeAsync()
    {
        if (_nginx is { HasExited: false })
        {
            _nginx.Kill(entireProcessTree: true); // the workers too: killed alone, the master leaves them listening
            await _nginx.WaitForExitAsync();
        }
        _nginx?.Dispose();
        foreach (var instance in Instances)
        {
            instance.Dispose();
        }
        if (_adminConnection is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_adminConnection);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
