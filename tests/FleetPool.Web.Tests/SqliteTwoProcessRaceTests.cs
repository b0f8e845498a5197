using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Organisation;
using FleetPool.Web.Setup;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FleetPool.Web.Tests;

/// <summary>
/// Two OS processes on one SQLite file: the app (<c>dotnet FleetPool.Web.dll</c>, answering HTTP) and this test process
/// running the app's own composition (<see cref="FleetPoolApp.AddFleetPool"/>, the same BookingService) without its web
/// server, as the <c>create-admin</c> command does beside a running app. Each process has its own in-process write gate,
/// so only SQLite's write lock (<c>BEGIN IMMEDIATE</c>) stands between their bookings.
/// </summary>
public sealed class TwoProcessesOnSqlite : IAsyncLifetime
{
    private readonly AppProcessOnSqlite _app = new();
    private WebApplication? _second;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The services of the second process (this one) on the app's file.</summary>
    public IServiceProvider Second => _second!.Services;

    public int StaffId { get; private set; }

    public int EBike { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Http = _app.CreateClient();
        await _app.StartAsync(Http);
        var login = await Http.PostAsJsonAsync("/api/auth/login", new { email = "staff@fleetpool.demo", password = "Demo!2025pool" });
        Http.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        EBike = (await Http.GetFromJsonAsync<JsonElement>("/api/vehicles?kind=eBike")).EnumerateArray().First().GetProperty("id").GetInt32();

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ApplicationName = "FleetPool.Web" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite", ["Database:ConnectionString"] = $"Data Source={_app.Database}", ["Jobs:Enabled"] = "false",
        });
        builder.AddFleetPool();
        _second = builder.Build();
        await using var db = await Second.GetRequiredService<IDbContextFactory<FleetPoolDb>>().CreateDbContextAsync();
        StaffId = await db.Users.Where(u => u.Email == "staff@fleetpool.demo").Select(u => u.Id).SingleAsync();
    }

    /// <summary>
    /// A 30-minute booking request for the e-bike at 10:00 Stockholm time on the <paramref name="n"/>th weekday that is not a
    /// holiday, counted from three days ahead (the demo site is closed at weekends and on holidays).
    /// </summary>
    public (object Http, BookingRequest Direct) Slot(int n, string purpose)
    {
        var stockholm = DateTimeZoneProviders.Tzdb["Europe/Stockholm"];
        var day = SystemClock.Instance.GetCurrentInstant().InZone(stockholm).Date.PlusDays(3);
        for (var open = -1; ; day = day.PlusDays(1))
        {
            if (day.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !SwedishHolidays.IsHoliday(day) && ++open == n)
            {
                break;
            }
        }
        var from = day.At(new LocalTime(10, 0)).InZoneStrictly(stockholm).ToInstant();
        var start = from.ToDateTimeOffset();
        var http = new
        {
            vehicleId = EBike, start = start.ToString("yyyy-MM-ddTHH:mm:ssK"), end = start.AddMinutes(30).ToString("yyyy-MM-ddTHH:mm:ssK"),
            purpose, costCenter = "4130", distanceKm = 3, // Hemtjänst: staff@ charges their own department
        };
        return (http, new BookingRequest(EBike, from, from + Duration.FromMinutes(30), purpose, "4130", DistanceKm: 3));
    }

    public async Task<int> BookingsAsync(string purpose)
    {
        await using var db = await Second.GetRequiredService<IDbContextFactory<FleetPoolDb>>().CreateDbContextAsync();
        return await db.Bookings.CountAsync(b => b.Purpose == purpose && b.Status != BookingStatus.Cancelled);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }
        _app.Dispose();
    }
}

/// <summary>The booking guarantee across two processes on one SQLite file (see <see cref="TwoProcessesOnSqlite"/>).</summary>
public class SqliteTwoProcessRaceTests(TwoProcessesOnSqlite processes) : IClassFixture<TwoProcessesOnSqlite>
{
    [Fact]
    public async Task Create_OtherProcessHoldsTheWriteLockWithTheSlot_WaitsThenAnswers409()
    {
        var ct = TestContext.Current.CancellationToken;
        var (http, direct) = processes.Slot(0, "Två processer: låset");
        await using var db = await processes.Second.GetRequiredService<IDbContextFactory<FleetPoolDb>>().CreateDbContextAsync(ct);
        var held = await WriteTransaction.BeginAsync(db, ct);
        db.Bookings.Add(new Booking
        {
            VehicleId = direct.VehicleId!.Value, Start = direct.Start!.Value, End = direct.End!.Value, BlockedUntil = direct.End!.Value + Duration.FromMinutes(15),
            Status = BookingStatus.Reserved, BookerId = processes.StaffId, Purpose = direct.Purpose!, CostCenterId = 1, DistanceKm = 3,
            CreatedAt = SystemClock.Instance.GetCurrentInstant(),
        });
        await db.SaveChangesAsync(ct); // written, not committed: the app's overlap check cannot see it yet

        var answer = processes.Http.PostAsJsonAsync("/api/bookings", http, ct);
        await Task.Delay(TimeSpan.FromSeconds(1.5), ct);
        Assert.False(answer.IsCompleted, "the app wrote while another process held the database's write lock");
        await held.CommitAsync(ct);
        await held.DisposeAsync();

        using var response = await answer.WaitAsync(TimeSpan.FromSeconds(30), ct);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(1, await processes.BookingsAsync(direct.Purpose!));
    }

    [Fact]
    public async Task Create_BothProcessesBookTheSameSlotAtOnce_ExactlyOneWinnerEveryRound()
    {
        const int Rounds = 30, EachSide = 2;
        var wins = new Dictionary<string, int> { ["app"] = 0, ["second"] = 0 };
        var service = processes.Second.GetRequiredService<BookingService>();
        var actor = Actor.Of(processes.StaffId, Roles.Staff);
        for (var round = 0; round < Rounds; round++)
        {
            var (http, direct) = processes.Slot(1 + round, $"Två processer: runda {round}");
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var viaApp = Enumerable.Range(0, EachSide).Select(async _ =>
            {
                await go.Task;
                using var response = await processes.Http.PostAsJsonAsync("/api/bookings", http);
                return response.StatusCode switch
                {
                    HttpStatusCode.Created => "won",
                    HttpStatusCode.Conflict => "conflict",
                    var other => $"{(int)other}: {await response.Content.ReadAsStringAsync()}",
                };
            }).ToList();
            var viaSecond = Enumerable.Range(0, EachSide).Select(_ => Task.Run(async () =>
            {
                await go.Task;
                var outcome = await service.CreateAsync(actor, direct);
                return outcome.Succeeded ? "won" : outcome.Problem!.Kind == ProblemKind.Conflict ? "conflict" : $"{outcome.Problem.Kind}: {outcome.Problem.Summary}";
            })).ToList();
            go.SetResult();
            var app = await Task.WhenAll(viaApp);
            var second = await Task.WhenAll(viaSecond);

            Assert.All(app.Concat(second), a => Assert.Contains(a, new[] { "won", "conflict" }));
            Assert.Equal(1, app.Concat(second).Count(a => a == "won"));
            Assert.Equal(1, await processes.BookingsAsync(direct.Purpose!));
            wins[app.Contains("won") ? "app" : "second"]++;
        }
        Measurements.Add($"Two processes on one SQLite file (the app over HTTP, and the app's services in a second process): {Rounds} rounds of " +
            $"{EachSide} + {EachSide} requests for one slot at once; exactly one booking each round (the app won {wins["app"]}, the second process " +
            $"{wins["second"]}), every other answer a conflict, 0 errors, 0 double bookings");
    }
}
