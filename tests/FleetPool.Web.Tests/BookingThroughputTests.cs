using System.Diagnostics;
using System.Net;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FleetPool.Web.Tests;

/// <summary>
/// The same load on each provider: many distinct bookings through the API from concurrent clients. Asserts
/// correctness only; the rate is written to measurements.txt in the test output folder (a figure, not a verdict).
/// </summary>
public abstract class BookingThroughputTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    private const int Bookings = 400, Concurrency = 16;

    [Fact]
    public async Task CreateBooking_FourHundredDistinctSlotsFromSixteenClients_AllStoredOnce()
    {
        var client = await App.ClientForAsync(TestData.Staff);
        int[] vehicles = [App.Ids.ElectricCar, App.Ids.PetrolCar, App.Ids.EBike, App.Ids.Bike];
        var next = -1;
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            (await client.GetAsync("/api/bookings/mine")).EnsureSuccessStatusCode(); // warm up JIT and pools
        }
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < Bookings; i = Interlocked.Increment(ref next))
            {
                var (vehicle, slot) = (vehicles[i % 4], i / 4);
                var day = new DateOnly(2026, 3, 17).AddDays(slot / 10);
                var start = $"{day:yyyy-MM-dd}T{8 + (slot % 10):00}:00:00+01:00";
                var end = $"{day:yyyy-MM-dd}T{8 + (slot % 10):00}:30:00+01:00";
                var response = await client.BookAsync(ApiCalls.Booking(vehicle, start, end, fossilReason: ApiCalls.TowBar));
                lock (codes)
                {
                    codes.Add(response.StatusCode);
                }
            }
        })));
        clock.Stop();

        Assert.All(codes, c => Assert.Equal(HttpStatusCode.Created, c));
        Assert.Equal(Bookings, await App.QueryAsync(db => db.Bookings.CountAsync()));
        var line = $"{App.Provider}: {Bookings} bookings via the API, {Concurrency} concurrent clients, {clock.Elapsed.TotalSeconds:0.00} s = {Bookings / clock.Elapsed.TotalSeconds:0} bookings/s";
        await File.AppendAllTextAsync(Path.Combine(AppContext.BaseDirectory, "measurements.txt"), line + Environment.NewLine);
        TestContext.Current.SendDiagnosticMessage(line);
    }
}

public sealed class BookingThroughputTestsOnSqlite(SqliteApp app) : BookingThroughputTests<SqliteApp>(app);

public sealed class BookingThroughputTestsOnPostgres(PostgresApp app) : BookingThroughputTests<PostgresApp>(app);
