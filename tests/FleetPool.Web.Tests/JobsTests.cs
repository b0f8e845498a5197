using System.Net.Http.Json;
using System.Net;
using FleetPool.Core.Bookings;
using FleetPool.Web.Tests.Infrastructure;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FleetPool.Web.Tests;

[CollectionDefinition(nameof(HangfireHosts), DisableParallelization = true)]
public sealed class HangfireHosts;

/// <summary>Hangfire in the real host: the storage follows the database provider and the sweeps really run.</summary>
[Collection(nameof(HangfireHosts))]
public abstract class JobsTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    protected abstract string ExpectedStorage { get; }

    [Fact]
    public void Storage_ThisProvider_MatchesDatabase() =>
        Assert.Equal(ExpectedStorage, App.Services.GetRequiredService<JobStorage>().GetType().Name);

    [Fact]
    public void RecurringJobs_AtStart_NoShowSweepScheduledInOrganisationZone()
    {
        using var connection = App.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == "no-show-sweep");
        Assert.Equal("Europe/Stockholm", job.TimeZoneId);
        Assert.Equal("*/5 * * * *", job.Cron);
        var share = Assert.Single(connection.GetRecurringJobs(), j => j.Id == "fleet-share");
        Assert.Equal(("Europe/Stockholm", "0 6 * * *"), (share.TimeZoneId, share.Cron));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Redirect)]
    [InlineData(TestData.Staff, HttpStatusCode.Redirect)]
    [InlineData(TestData.Lead, HttpStatusCode.Redirect)]
    [InlineData(TestData.Fleet, HttpStatusCode.OK)]
    [InlineData(TestData.Admin, HttpStatusCode.OK)]
    public async Task Dashboard_ByRole_OnlyFleetManagersAndAdminsGetIn(string? email, HttpStatusCode expected)
    {
        var client = email is null ? BrowserLikeClient.Anonymous(App) : await BrowserLikeClient.SignedInAsync(App, email);

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.Matches(email is null ? "^/account/login" : "^/forbidden", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
        }
        else
        {
            Assert.Contains("FleetPool – jobb", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(TestData.Fleet, false)]
    [InlineData(TestData.Admin, true)]
    public async Task Dashboard_TriggerJob_OnlyAdminsMayFleetManagersReadOnly(string email, bool allowed)
    {
        var client = await BrowserLikeClient.SignedInAsync(App, email);
        var page = await client.GetStringAsync("/hangfire/recurring");
        var token = System.Text.RegularExpressions.Regex.Match(page, "data-csrf-token=\"([^\"]*)\"|name=\"csrf-token\" content=\"([^\"]*)\"");
        var header = System.Text.RegularExpressions.Regex.Match(page, "data-csrf-header=\"([^\"]*)\"|name=\"csrf-header\" content=\"([^\"]*)\"");
        using var trigger = new HttpRequestMessage(HttpMethod.Post, "/hangfire/recurring/trigger")
        {
            Content = new FormUrlEncodedContent([new("jobs[]", "retention-purge")]),
        };
        if (token.Success && header.Success)
        {
            trigger.Headers.Add(header.Groups[1].Value + header.Groups[2].Value, token.Groups[1].Value + token.Groups[2].Value);
        }

        var response = await client.SendAsync(trigger);

        Assert.Equal(allowed, page.Contains("recurring/trigger", StringComparison.Ordinal));
        Assert.Contains("frame-ancestors 'none'", (await client.GetAsync("/hangfire")).Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(allowed, response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task NoShowSweep_TriggeredThroughHangfire_MarksLateReservation()
    {
        var client = await App.ClientForAsync(TestData.Staff);
        var created = await client.BookAsync(ApiCalls.Booking(App.Ids.EBike, "2026-03-16T09:00:00+01:00", "2026-03-16T10:00:00+01:00"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        App.Clock.Reset(Instant.FromUtc(2026, 3, 16, 8, 45)); // 09:45 local: 45 minutes late
        try
        {
            App.Services.GetRequiredService<IRecurringJobManager>().Trigger("no-show-sweep");
            var status = BookingStatus.Reserved;
            // Until the job has run, however loaded the machine (bounded at a minute), not for a fixed number of tries.
            for (var deadline = DateTime.UtcNow.AddMinutes(1); status == BookingStatus.Reserved && DateTime.UtcNow < deadline;)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
                status = await App.QueryAsync(db => db.Bookings.Where(b => b.VehicleId == App.Ids.EBike).Select(b => b.Status).SingleAsync());
            }
            Assert.Equal(BookingStatus.NoShow, status);
        }
        finally
        {
            App.Clock.Reset(FleetPoolFactory.Monday8);
        }
    }

    [Fact]
    public async Task HealthReady_JobServerRunning_ReadyWithItsHeartbeat()
    {
        var client = App.CreateClient();
        System.Text.Json.JsonElement jobs = default;
        // The server sends its first heartbeat as it starts: poll to a generous deadline, not for a fixed time.
        for (var deadline = DateTime.UtcNow.AddMinutes(1); DateTime.UtcNow < deadline; await Task.Delay(200, TestContext.Current.CancellationToken))
        {
            var ready = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/health/ready", TestContext.Current.CancellationToken);
            jobs = ready.GetProperty("checks").GetProperty("jobs");
            if (jobs.GetProperty("status").GetString() == "Healthy")
            {
                break;
            }
        }

        Assert.Equal("Healthy", jobs.GetProperty("status").GetString());
        Assert.EndsWith("job server(s) alive.", jobs.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}

public sealed class JobsSqliteApp : SqliteApp
{
    protected override bool RunsJobs => true;
}

public sealed class JobsPostgresApp : PostgresApp
{
    protected override bool RunsJobs => true;
}

public sealed class JobsTestsOnSqlite(JobsSqliteApp app) : JobsTests<JobsSqliteApp>(app)
{
    protected override string ExpectedStorage => "InMemoryStorage";
}

public sealed class JobsTestsOnPostgres(JobsPostgresApp app) : JobsTests<JobsPostgresApp>(app)
{
    protected override string ExpectedStorage => "PostgreSqlStorage";
}
