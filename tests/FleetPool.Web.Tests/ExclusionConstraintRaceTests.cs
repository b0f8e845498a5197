using System.Data.Common;
using System.Net;
using FleetPool.Core.Bookings;
using FleetPool.Core.Data;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace FleetPool.Web.Tests;

/// <summary>
/// Holds each overlap check, once it has read "free", until a second request's check has read "free" too: the
/// interleaving in which the application's check cannot stop a double booking on PostgreSQL (READ COMMITTED).
/// Counts the inserts the database refused: with 23P01, or with 40P01 when both inserts met at the same instant and each
/// waited for the other.
/// </summary>
public sealed class SlotCheckBarrier : DbCommandInterceptor
{
    private readonly object _lock = new();
    private TaskCompletionSource _both = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public bool Armed { get; set; }
    public int Held { get; private set; }
    private int _exclusionRefusals;
    private int _deadlocks;

    public int ExclusionRefusals => Volatile.Read(ref _exclusionRefusals);
    public int Deadlocks => Volatile.Read(ref _deadlocks);

    public void Reset()
    {
        lock (_lock)
        {
            (_both, _arrived) = (new(TaskCreationOptions.RunContinuationsAsynchronously), 0);
        }
    }

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        if (Armed && command.CommandText.Contains(BookingGate.SlotCheckTag, StringComparison.Ordinal))
        {
            Task both;
            lock (_lock)
            {
                Held++;
                if (++_arrived == 2)
                {
                    _both.TrySetResult();
                }
                both = _both.Task;
            }
            await both.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
        }
        return result;
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Exception is Npgsql.PostgresException { SqlState: WriteConflicts.ExclusionViolation })
        {
            Interlocked.Increment(ref _exclusionRefusals);
        }
        else if (eventData.Exception is Npgsql.PostgresException { SqlState: WriteConflicts.Deadlock })
        {
            Interlocked.Increment(ref _deadlocks);
        }
        return Task.CompletedTask;
    }
}

/// <summary>The app on PostgreSQL with <see cref="SlotCheckBarrier"/> on its database contexts.</summary>
public sealed class PostgresAppWithSlotCheckBarrier : PostgresApp
{
    public SlotCheckBarrier Barrier { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.ConfigureDbContext<FleetPoolDb>(o => o.AddInterceptors(Barrier)));
    }
}

/// <summary>The exclusion constraint, not only the application's check, stops a double booking on PostgreSQL.</summary>
public class ExclusionConstraintRaceTests(PostgresAppWithSlotCheckBarrier app) : IClassFixture<PostgresAppWithSlotCheckBarrier>
{
    [Fact]
    public async Task Create_TwoRequestsBothPassTheOverlapCheck_ConstraintRefusesOneEveryRound()
    {
        app.SkipIfUnavailable();
        const int Rounds = 5;
        var staff = await app.ClientForAsync(TestData.Staff);
        var fleet = await app.ClientForAsync(TestData.Fleet);
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                app.Barrier.Reset();
                app.Barrier.Armed = true;
                var (start, end) = ($"2026-04-{13 + round}T09:00:00+02:00", $"2026-04-{13 + round}T10:00:00+02:00"); // Monday to Friday after Easter
                var answers = await Task.WhenAll(
                    staff.BookAsync(ApiCalls.Booking(app.Ids.ElectricCar, start, end)),
                    fleet.BookAsync(ApiCalls.Booking(app.Ids.ElectricCar, start, end)));
                app.Barrier.Armed = false;

                Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
                var from = NodaTime.Instant.FromDateTimeOffset(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(1, await app.QueryAsync(db => db.Bookings.CountAsync(b => b.VehicleId == app.Ids.ElectricCar && b.Start == from)));
            }
        }
        finally
        {
            app.Barrier.Armed = false;
        }

        Assert.Equal(2 * Rounds, app.Barrier.Held); // both requests of every round read "free"
        Assert.Equal(Rounds, app.Barrier.ExclusionRefusals + app.Barrier.Deadlocks); // so each 409 came from the database, not the check
        Measurements.Add($"Exclusion constraint (Postgres): {Rounds} rounds of two requests held until both had passed the overlap check; " +
            $"the database refused {Rounds} inserts ({app.Barrier.ExclusionRefusals} by the constraint, 23P01; {app.Barrier.Deadlocks} as a deadlock " +
            "of two inserts meeting, 40P01), each answered 409; 0 double bookings");
    }
}
