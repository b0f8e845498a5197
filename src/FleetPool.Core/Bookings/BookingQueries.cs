using FleetPool.Core.Common;
using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>Where and how an upcoming booking is picked up. <see cref="KeyCode"/> is null unless <see cref="BookingParties.MaySeeKeyCode"/>.</summary>
public sealed record PickUp(int SiteId, string SiteName, string Address, string? Instructions, string? KeyCode, Instant Opens);

/// <summary>Reads bookings. Invariant: a caller sees only bookings they made or drive, unless they manage the fleet.</summary>
public sealed class BookingQueries(IDbContextFactory<FleetPoolDb> dbs, IClock clock, IOptions<BookingRuleDefaults> defaults)
{
    /// <summary>
    /// How the actor's upcoming bookings (reserved or under way, as booker or driver) are picked up, by booking id. The
    /// site's key code is given only to the driver of a car or van in its pick-up window (<see cref="BookingParties.MaySeeKeyCode"/>).
    /// </summary>
    public async Task<IReadOnlyDictionary<int, PickUp>> PickUpsAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await (from b in Mine(db, actor)
                          where b.Status == BookingStatus.Reserved || b.Status == BookingStatus.CheckedOut
                          join v in db.Vehicles on b.VehicleId equals v.Id
                          join s in db.Sites on v.SiteId equals s.Id
                          select new { BookingId = b.Id, b.Start, b.End, b.Status, b.BookerId, b.DriverId, v.Kind, SiteId = s.Id, s.Name, s.Address, s.PickUpInstructions, s.KeyCode }).ToListAsync(ct);
        var now = clock.GetCurrentInstant();
        return rows.ToDictionary(r => r.BookingId, r =>
        {
            var opens = defaults.Value.PickUpOpens(r.Start);
            var code = BookingParties.MaySeeKeyCode(actor, r.BookerId, r.DriverId, r.Kind, r.Status, opens, r.End, now) ? r.KeyCode : null;
            return new PickUp(r.SiteId, r.Name, r.Address, r.PickUpInstructions, code, opens);
        });
    }

    /// <summary>Largest page a list returns.</summary>
    public const int MaxPageSize = 200;

    /// <summary>One booking, or not found when it does not exist or the caller may not see it.</summary>
    public async Task<Outcome<BookingView>> GetAsync(Actor actor, int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        return booking is null || !BookingAccess.CanSee(actor, booking)
            ? Problem.NotFound("Booking")
            : await ViewAsync(db, id, ct);
    }

    /// <summary>The caller's own bookings (as booker or driver), newest start first, one page.</summary>
    public async Task<Page<BookingView>> MineAsync(Actor actor, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var mine = Mine(db, actor);
        var total = await mine.CountAsync(ct);
        var rows = await Project(db, mine.OrderByDescending(b => b.Start).ThenByDescending(b => b.Id)
            .Skip(Paging.Offset(page, pageSize)).Take(pageSize)).ToListAsync(ct);
        return new Page<BookingView>(rows, page, pageSize, total);
    }

    /// <summary>How many upcoming bookings (a series counted once) the list of one's own bookings shows.</summary>
    public const int UpcomingShown = 50;

    /// <summary>How many cancelled bookings the list of one's own bookings shows.</summary>
    public const int CancelledShown = 10;

    /// <summary>
    /// The actor's own bookings for their list: the soonest upcoming, the <paramref name="pastShown"/> latest past trips
    /// and the latest cancellations (<see cref="MyBookingsOverview"/>).
    /// </summary>
    public async Task<MyBookingsOverview> OverviewAsync(Actor actor, int pastShown, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        // Only the keys of every active booking (few: they lie between now and the booking horizon) to fold series.
        var active = await Mine(db, actor).Where(b => b.Status == BookingStatus.Reserved || b.Status == BookingStatus.CheckedOut || b.Status == BookingStatus.Pending)
            .OrderBy(b => b.Start).ThenBy(b => b.Id).Select(b => new { b.Id, b.SeriesId, b.Status }).ToListAsync(ct);
        var reservedInSeries = active.Where(b => b is { SeriesId: not null, Status: BookingStatus.Reserved })
            .CountBy(b => b.SeriesId!.Value).ToDictionary();
        var heads = active.GroupBy(b => b is { SeriesId: { } series, Status: BookingStatus.Reserved } ? -series : b.Id).Select(g => g.First()).ToList();
        var shown = heads.Take(UpcomingShown).ToList();
        var ids = shown.Select(h => h.Id).ToList();
        var upcoming = (await Project(db, db.Bookings.AsNoTracking().Where(b => ids.Contains(b.Id))).ToListAsync(ct))
            .OrderBy(b => b.Start).ThenBy(b => b.Id).ToList();
        var more = shown.Where(h => h.SeriesId is not null).ToDictionary(h => h.Id,
            h => reservedInSeries.GetValueOrDefault(h.SeriesId!.Value) - (h.Status == BookingStatus.Reserved ? 1 : 0));

        var happened = Mine(db, actor).Where(b => b.Status == BookingStatus.Returned || b.Status == BookingStatus.NoShow);
        var pastTotal = await happened.CountAsync(ct);
        var past = await Project(db, happened.OrderByDescending(b => b.Start).ThenByDescending(b => b.Id).Take(Math.Clamp(pastShown, 0, MaxPageSize))).ToListAsync(ct);
        var cancelled = await Project(db, Mine(db, actor).Where(b => b.Status == BookingStatus.Cancelled)
            .OrderByDescending(b => b.Start).ThenByDescending(b => b.Id).Take(CancelledShown)).ToListAsync(ct);
        return new MyBookingsOverview(upcoming, heads.Count, more, Newest(past), pastTotal, Newest(cancelled));
    }

    // The join after the ordered page may reorder its rows: the order is restored here rather than trusted to the database.
    private static List<BookingView> Newest(List<BookingView> rows) => rows.OrderByDescending(b => b.Start).ThenByDescending(b => b.Id).ToList();

    /// <summary>
    /// The actor's own slot-holding bookings (as booker or driver) that share time with [<paramref name="start"/>,
    /// <paramref name="end"/>), soonest first: the form asks before a second vehicle is booked for the same time.
    /// </summary>
    public async Task<IReadOnlyList<BookingView>> OwnDuringAsync(Actor actor, NodaTime.Instant start, NodaTime.Instant end, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await Project(db, Mine(db, actor).Where(b => (b.Status == BookingStatus.Reserved || b.Status == BookingStatus.CheckedOut) && b.Start < end && start < b.End).OrderBy(b => b.Start).Take(5)).ToListAsync(ct);
    }

    /// <summary>
    /// What a scanned sticker opens: the actor's trip under way with the vehicle (or, for a key cabinet, with any vehicle
    /// of the site), else their next reserved one that has not ended; null when they have none.
    /// </summary>
    public async Task<BookingView?> CurrentOrNextAsync(Actor actor, int? vehicleId, int? siteId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.GetCurrentInstant();
        var mine = from b in Mine(db, actor)
                   join v in db.Vehicles on b.VehicleId equals v.Id
                   where (vehicleId == null || v.Id == vehicleId) && (siteId == null || v.SiteId == siteId)
                       && (b.Status == BookingStatus.CheckedOut || (b.Status == BookingStatus.Reserved && b.End > now))
                   select b;
        var id = await mine.OrderBy(b => b.Status == BookingStatus.CheckedOut ? 0 : 1).ThenBy(b => b.Start).Select(b => (int?)b.Id).FirstOrDefaultAsync(ct);
        return id is { } found ? await ViewAsync(db, found, ct) : null;
    }

    // "Mine": the bookings the actor made or drives, the one definition every query of one's own bookings starts from.
    private static IQueryable<Booking> Mine(FleetPoolDb db, Actor actor) =>
        db.Bookings.AsNoTracking().Where(b => (b.BookerId == actor.UserId || b.DriverId == actor.UserId) && b.Status != BookingStatus.Maintenance);

    internal static async Task<BookingView> ViewAsync(FleetPoolDb db, int id, CancellationToken ct) =>
        await Project(db, db.Bookings.AsNoTracking().Where(b => b.Id == id)).SingleAsync(ct);

    private static IQueryable<BookingView> Project(FleetPoolDb db, IQueryable<Booking> bookings) =>
        from b in bookings
        join v in db.Vehicles on b.VehicleId equals v.Id
        join c in db.CostCenters on b.CostCenterId equals c.Id
        select BookingView.From(b, v.Name, v.Kind, v.Fuel, c.Code);
}
