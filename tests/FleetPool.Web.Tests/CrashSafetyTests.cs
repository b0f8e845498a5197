using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using FleetPool.Web.Tests.Infrastructure;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace FleetPool.Web.Tests;

/// <summary>
/// The app as its own process on a SQLite file, under a booking load, killed with SIGKILL at random moments and
/// restarted: every booking it acknowledged with 201 must still be there, none twice, and the file must be intact.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const int Kills = 20;
    private readonly AppProcessOnSqlite _app = new();

    private string Database => _app.Database;

    private const int Clients = 4;

    [Fact]
    public async Task Kill_TwentyTimesUnderLoad_EveryAcknowledgedBookingSurvivesOnceAndFileIsIntact()
    {
        using var http = _app.CreateClient();
        var acknowledged = new List<int>();
        var answers = new System.Collections.Concurrent.ConcurrentDictionary<HttpStatusCode, int>();
        var unexpected = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var inFlight = new System.Collections.Concurrent.ConcurrentDictionary<int, byte>();
        var inFlightAtKills = new List<int>();
        var killsDuringWrites = 0;
        var random = new Random(2026);
        var slot = 0;
        int Acknowledged()
        {
            lock (acknowledged)
            {
                return acknowledged.Count;
            }
        }
        for (var kill = 0; kill <= Kills; kill++)
        {
            await _app.StartAsync(http);
            http.DefaultRequestHeaders.Authorization = null;
            var login = await http.PostAsJsonAsync("/api/auth/login", new { email = "staff@fleetpool.demo", password = "Demo!2025pool" });
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
            var bikes = (await http.GetFromJsonAsync<JsonElement>("/api/vehicles?kind=eBike")).EnumerateArray().Select(v => v.GetProperty("id").GetInt32()).ToList();
            if (kill == Kills)
            {
                break;
            }
            var window = random.Next(400, 1500);
            var before = Acknowledged();
            var killed = false;
            using var stop = new CancellationTokenSource();
            async Task ClientAsync()
            {
                while (!stop.IsCancellationRequested)
                {
                    // Every n its own slot (bike, day, start hour) until all are used, so a fast machine does not run out of free
                    // slots and see only 409s: n % bikes picks the bike, the rest walks 12 start hours a day over 80 days.
                    var n = Interlocked.Increment(ref slot);
                    var (k, bike) = (n / bikes.Count, n % bikes.Count);
                    var day = DateTime.UtcNow.Date.AddDays(2 + k / 12 % 80);
                    var start = new DateTimeOffset(day.AddHours(6 + k % 12), TimeSpan.Zero);
                    inFlight[n] = 0;
                    try
                    {
                        using var response = await http.PostAsJsonAsync("/api/bookings", new
                        {
                            vehicleId = bikes[bike], start = start.ToString("yyyy-MM-ddTHH:mm:ssK"), end = start.AddMinutes(30).ToString("yyyy-MM-ddTHH:mm:ssK"),
                            purpose = $"Kraschtest {n}", costCenter = "4130", distanceKm = 3, // Hemtjänst: staff@ charges their own department
                        });
                        answers.AddOrUpdate(response.StatusCode, 1, (_, c) => c + 1);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
                            lock (acknowledged)
                            {
                                acknowledged.Add(id);
                            }
                        }
                        else if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.BadRequest)
                        {
                            unexpected.Enqueue($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or SocketException)
                    {
                        // After the kill a request in flight loses its connection and is not acknowledged; before it, any error is a fault.
                        if (!Volatile.Read(ref killed))
                        {
                            unexpected.Enqueue($"{e.GetType().Name} before the kill: {e.Message}");
                        }
                    }
                    finally
                    {
                        inFlight.TryRemove(n, out _);
                    }
                }
            }
            var load = Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(ClientAsync)));
            // A cold process on a loaded machine may take seconds for its first booking: arm the kill only once one is
            // acknowledged, so the test measures what survives a kill, not how fast the machine is.
            var armBy = DateTime.UtcNow.AddSeconds(60);
            while (Acknowledged() == before && DateTime.UtcNow < armBy && !load.IsCompleted)
            {
                await Task.Delay(20);
            }
            Assert.True(Acknowledged() > before, $"round {kill}: no booking acknowledged within 60 s (answers so far: {Answers(answers)}; {string.Join(" | ", unexpected)})");
            stop.CancelAfter(window);
            await Task.Delay(window - random.Next(0, 200)); // kill while requests are in flight
            Volatile.Write(ref killed, true);
            var pending = inFlight.Keys.ToList();
            inFlightAtKills.AddRange(pending);
            killsDuringWrites += pending.Count > 0 ? 1 : 0;
            _app.Process.Kill(); // SIGKILL on Linux: no shutdown, no flush
            await _app.Process.WaitForExitAsync();
            await load;
        }

        Assert.Empty(unexpected);
        foreach (var id in acknowledged)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/bookings/{id}")).StatusCode);
        }
        _app.Stop();
        await using var db = new SqliteConnection($"Data Source={Database};Pooling=False");
        await db.OpenAsync();
        Assert.Equal("ok", await ScalarAsync(db, "PRAGMA integrity_check"));
        Assert.Equal(0L, await ScalarAsync(db, "SELECT COUNT(*) FROM (SELECT Purpose FROM Bookings WHERE Purpose LIKE 'Kraschtest %' GROUP BY Purpose HAVING COUNT(*) > 1)"));
        Assert.True(acknowledged.Count >= Kills, $"only {acknowledged.Count} bookings acknowledged");
        var committedInFlight = 0L;
        foreach (var n in inFlightAtKills)
        {
            committedInFlight += (long)(await ScalarAsync(db, $"SELECT COUNT(*) FROM Bookings WHERE Purpose = 'Kraschtest {n}'"))!;
        }
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "measurements.txt"),
            $"Crash safety: {Kills} SIGKILLs under load from {Clients} clients, {killsDuringWrites} of them with booking requests in flight ({inFlightAtKills.Count} requests: " +
            $"{committedInFlight} committed, the rest not written), {acknowledged.Count} acknowledged bookings all present once (0 lost), " +
            $"answers {Answers(answers)}, 0 unexpected, integrity ok{Environment.NewLine}");
    }

    private static string Answers(System.Collections.Concurrent.ConcurrentDictionary<HttpStatusCode, int> answers) =>
        string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{(int)a.Key}×{a.Value}"));

    private static async Task<object?> ScalarAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public void Dispose() => _app.Dispose();
}
