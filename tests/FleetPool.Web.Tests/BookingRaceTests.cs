using System.Net;
using FleetPool.Core.Bookings;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FleetPool.Web.Tests;

public class BookingRaceTests(FleetPoolFactory app) : IClassFixture<FleetPoolFactory>
{
    [Fact]
    public async Task CreateBooking_FiftyConcurrentRequestsForOneSlot_ExactlyOneWins()
    {
        var clients = await Task.WhenAll(app.ClientForAsync(TestData.Staff), app.ClientForAsync(TestData.Fleet), app.ClientForAsync(TestData.Admin));
        using var start = new ManualResetEventSlim(false);
        var requests = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            start.Wait(TestContext.Current.CancellationToken);
            // Slightly different slots that all overlap 10:00-11:00, from three different users.
            var from = $"2026-03-18T{9 + (i % 2):00}:{i % 4 * 10:00}:00+01:00";
            return await clients[i % 3].BookAsync(ApiCalls.Booking(app.Ids.RaceCar, from, "2026-03-18T11:30:00+01:00"));
        })).ToList();
        start.Set();
        var responses = await Task.WhenAll(requests);

        var codes = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(1, codes.Count(c => c == HttpStatusCode.Created));
        Assert.Equal(49, codes.Count(c => c == HttpStatusCode.Conflict));
        var stored = await app.QueryAsync(db => db.Bookings.CountAsync(b => b.VehicleId == app.Ids.RaceCar && b.Status == BookingStatus.Reserved));
        Assert.Equal(1, stored);
    }
}
