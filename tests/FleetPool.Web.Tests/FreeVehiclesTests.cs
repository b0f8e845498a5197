using FleetPool.Core.Bookings;
using FleetPool.Core.Data;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FleetPool.Web.Tests;

/// <summary>
/// The compiled free-vehicle query (<c>HotQueries.VehiclesAtSite</c>) writes the overlap out; <see cref="BookingStatuses.HoldingSlotIn"/>
/// is the rule. For every status and for windows touching the booking at each end, the two must agree, on both
/// databases: an edit to one that the other misses fails here.
/// </summary>
public abstract class FreeVehiclesTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    private static readonly Instant Ten = Instant.FromUtc(2031, 1, 10, 9, 0); // far from every other test's bookings

    public static TheoryData<BookingStatus> Statuses => new(Enum.GetValues<BookingStatus>());

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task AtSiteAsync_EachStatusAndWindowEdge_BookedExactlyWhenHoldingSlotInSaysSo(BookingStatus status)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<FleetPoolDb>>().CreateDbContextAsync(ct);
        var vehicle = await db.Vehicles.SingleAsync(v => v.Id == App.Ids.PetrolCar, ct);
        var costCenter = await db.CostCenters.Select(c => c.Id).FirstAsync(ct);
        var booking = new Booking
        {
            VehicleId = vehicle.Id, BookerId = App.Ids.Staff, Start = Ten, End = Ten + Duration.FromHours(2), BlockedUntil = Ten + Duration.FromMinutes(135),
            Status = status, Purpose = "Överlapp " + status, CostCenterId = costCenter, CreatedAt = Ten,
        };
        db.Bookings.Add(booking);
        await db.SaveChangesAsync(ct);
        try
        {
            var minute = Duration.FromMinutes(1);
            (Instant From, Instant Until)[] windows =
            [
                (Ten - Duration.FromHours(1), Ten), (Ten - Duration.FromHours(1), Ten + minute),     // ends at the start; a minute into it
                (booking.BlockedUntil, booking.BlockedUntil + minute), (booking.BlockedUntil - minute, booking.BlockedUntil + minute), // starts at the buffer's end; a minute before
                (Ten + minute, Ten + 2 * minute),                                                      // inside
            ];
            var holds = BookingStatuses.HoldingSlot.Contains(status);
            foreach (var (from, until) in windows)
            {
                var rule = await db.Bookings.HoldingSlotIn(from, until).AnyAsync(b => b.VehicleId == vehicle.Id, ct);
                var compiled = (await FreeVehicles.AtSiteAsync(db, vehicle.SiteId, vehicle.Kind, from, until, null, ct)).Single(v => v.Vehicle.Id == vehicle.Id).Booked;
                var excluded = (await FreeVehicles.AtSiteAsync(db, vehicle.SiteId, null, from, until, booking.Id, ct)).Single(v => v.Vehicle.Id == vehicle.Id).Booked;

                Assert.Equal(rule, compiled);
                Assert.False(excluded); // the booking being changed never blocks itself
                Assert.Equal(holds && from < booking.BlockedUntil && booking.Start < until, rule);
            }
        }
        finally
        {
            await db.Bookings.Where(b => b.Id == booking.Id).ExecuteDeleteAsync(ct);
        }
    }
}

public sealed class FreeVehiclesTestsOnSqlite(SqliteApp app) : FreeVehiclesTests<SqliteApp>(app);

public sealed class FreeVehiclesTestsOnPostgres(PostgresApp app) : FreeVehiclesTests<PostgresApp>(app);
