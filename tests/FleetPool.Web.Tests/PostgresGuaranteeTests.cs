using System.Net;
using System.Net.Http.Headers;
using FleetPool.Core.Bookings;
using FleetPool.Core.Data;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FleetPool.Web.Tests;

/// <summary>What only PostgreSQL has: the exclusion constraint on its own, and several app instances on one database.</summary>
public class PostgresGuaranteeTests(PostgresApp app) : ProviderTests<PostgresApp>(app)
{
    private static readonly Instant Nine = Instant.FromUtc(2026, 3, 31, 7, 0);

    private Booking Slot(Instant start, Duration length, BookingStatus status = BookingStatus.Reserved) => new()
    {
        VehicleId = App.Ids.ElectricCar, Start = start, End = start + length, BlockedUntil = start + length + Duration.FromMinutes(15),
        Status = status, BookerId = App.Ids.Staff, Purpose = "direct insert", CostCenterId = 1, DistanceKm = 3, CreatedAt = Nine,
    };

    private async Task SaveAsync(params Booking[] bookings) => await App.QueryAsync(async db =>
    {
        db.Bookings.AddRange(bookings);
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task ExclusionConstraint_OverlapWrittenPastTheService_RefusedWith23P01()
    {
        await SaveAsync(Slot(Nine, Duration.FromHours(1)));
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(Slot(Nine + Duration.FromMinutes(70), Duration.FromHours(1))));
        Assert.True(WriteConflicts.IsOverlap(refused), refused.InnerException?.Message);
    }

    // Each transaction holds a booking the other's next insert overlaps: both wait, and PostgreSQL ends one with 40P01. The
    // same happens, now and then, when two single inserts overlap at the same instant (CI saw it as a 500 in the race test).
    [Fact]
    public async Task ExclusionConstraint_TwoWritersEachWaitingForTheOther_DeadlockCountsAsOverlap()
    {
        var start = Nine + Duration.FromDays(20);
        var factory = App.Services.GetRequiredService<IDbContextFactory<FleetPoolDb>>();
        await using var first = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        await using var second = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        await using var t1 = await first.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using var t2 = await second.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        first.Bookings.Add(Slot(start, Duration.FromHours(1)));
        await first.SaveChangesAsync(TestContext.Current.CancellationToken);
        second.Bookings.Add(Slot(start + Duration.FromHours(3), Duration.FromHours(1)));
        await second.SaveChangesAsync(TestContext.Current.CancellationToken);

        first.Bookings.Add(Slot(start + Duration.FromHours(3), Duration.FromHours(1)));
        var firstWaits = first.SaveChangesAsync(TestContext.Current.CancellationToken); // waits for the second's transaction
        await Task.Delay(200, TestContext.Current.CancellationToken);
        second.Bookings.Add(Slot(start, Duration.FromHours(1)));
        var secondWaits = second.SaveChangesAsync(TestContext.Current.CancellationToken); // and the second for the first's

        var outcomes = await Task.WhenAll(Outcome(firstWaits), Outcome(secondWaits));
        var refused = Assert.Single(outcomes.OfType<Exception>()); // EF wraps the deadlock, as a transient error, in its own exception
        Assert.Equal("40P01", refused.InnerException?.InnerException is Npgsql.PostgresException p ? p.SqlState : refused.ToString());
        Assert.True(WriteConflicts.IsOverlap(refused));

        static async Task<Exception?> Outcome(Task save)
        {
            try
            {
                await save;
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        }
    }

    [Theory]
    [InlineData(BookingStatus.Offered)]
    [InlineData(BookingStatus.Pending)]
    [InlineData(BookingStatus.Maintenance)]
    public async Task ExclusionConstraint_OfferPendingOrWorkshopWindow_HoldsTheSlotLikeAReservation(BookingStatus held)
    {
        var start = Nine - Duration.FromDays(3 + (int)held); // before the slots the other tests count, one day per status
        await SaveAsync(Slot(start, Duration.FromHours(1), held));
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(Slot(start + Duration.FromMinutes(30), Duration.FromHours(1))));
        Assert.True(WriteConflicts.IsOverlap(refused), refused.InnerException?.Message);
        Assert.Contains(held, BookingStatuses.HoldingSlot); // the constraint and the services' overlap query agree
    }

    [Fact]
    public async Task ExclusionConstraint_TouchingAfterBufferOrCancelled_Allowed()
    {
        var start = Nine + Duration.FromDays(1);
        await SaveAsync(Slot(start, Duration.FromHours(1)));
        await SaveAsync(Slot(start + Duration.FromMinutes(75), Duration.FromHours(1)), Slot(start, Duration.FromHours(1), BookingStatus.Cancelled));
        Assert.Equal(3, await App.QueryAsync(db => db.Bookings.CountAsync(b => b.VehicleId == App.Ids.ElectricCar && b.Start >= start)));
    }

    [Fact]
    public async Task CreateBooking_HundredTwentyRequestsAcrossTwoInstances_ExactlyOneBooking()
    {
        await using var second = new PostgresApp.Sibling(App);
        await second.InitializeAsync();
        var first = App.CreateClient();
        var other = second.CreateClient();
        var token = await FleetPoolFactory.TokenForAsync(first, TestData.Staff);
        foreach (var client in new[] { first, other })
        {
            // A token issued by one instance works on the other: the data-protection keys are in the database.
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/bookings/mine")).StatusCode);

        using var go = new ManualResetEventSlim(false);
        var requests = Enumerable.Range(0, 120).Select(i => Task.Run(async () =>
        {
            go.Wait(TestContext.Current.CancellationToken);
            var client = i % 2 == 0 ? first : other;
            return await client.BookAsync(ApiCalls.Booking(App.Ids.RaceCar, $"2026-04-01T{9 + (i % 3):00}:00:00+02:00", "2026-04-01T12:30:00+02:00"));
        })).ToList();
        go.Set();
        var responses = await Task.WhenAll(requests);
        var codes = responses.Select(r => r.StatusCode).ToList();
        var odd = responses.FirstOrDefault(r => r.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict));
        Assert.True(odd is null, odd is null ? "" : $"{odd.StatusCode}: {await odd.Content.ReadAsStringAsync()}");

        Assert.Equal(1, codes.Count(c => c == HttpStatusCode.Created));
        Assert.Equal(119, codes.Count(c => c == HttpStatusCode.Conflict));
        Assert.Equal(1, await App.QueryAsync(db => db.Bookings.CountAsync(b => b.VehicleId == App.Ids.RaceCar)));
    }
}
