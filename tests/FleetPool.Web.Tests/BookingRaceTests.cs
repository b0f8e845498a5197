using System.Net;
using FleetPool.Core.Bookings;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FleetPool.Web.Tests;

public abstract class BookingRaceTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    [Fact]
    public async Task CreateBooking_FiftyConcurrentRequestsForOneSlot_ExactlyOneWins()
    {
        var clients = await Task.WhenAll(App.ClientForAsync(TestData.Staff), App.ClientForAsync(TestData.Fleet), App.ClientForAsync(TestData.Admin));
        using var start = new ManualResetEventSlim(false);
        var requests = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            start.Wait(TestContext.Current.CancellationToken);
            // Slightly different slots that all overlap 10:00-11:00, from three different users.
            var from = $"2026-03-18T{9 + (i % 2):00}:{i % 4 * 10:00}:00+01:00";
            return await clients[i % 3].BookAsync(ApiCalls.Booking(App.Ids.RaceCar, from, "2026-03-18T11:30:00+01:00"));
        })).ToList();
        start.Set();
        var responses = await Task.WhenAll(requests);

        var codes = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(1, codes.Count(c => c == HttpStatusCode.Created));
        Assert.Equal(49, codes.Count(c => c == HttpStatusCode.Conflict));
        var stored = await App.QueryAsync(db => db.Bookings.CountAsync(b => b.VehicleId == App.Ids.RaceCar && b.Status == BookingStatus.Reserved));
        Assert.Equal(1, stored);
    }
}

public sealed class BookingRaceTestsOnSqlite(SqliteApp app) : BookingRaceTests<SqliteApp>(app);

public sealed class BookingRaceTestsOnPostgres(PostgresApp app) : BookingRaceTests<PostgresApp>(app);
