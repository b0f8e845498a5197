using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using FleetPool.Core.Notifications;
using FleetPool.Core.Steering;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FleetPool.Core.Bookings.Waitlist;

/// <summary>
/// The waitlist: when nothing suitable is free, a person joins the line for the slot; when a matching vehicle frees
/// (<see cref="OfferFreedAsync"/>, run after a cancellation, a no-show, an early return, a vehicle back from maintenance,
/// and by a sweep), the first in line gets it held for them for <see cref="WaitlistOptions.HoldMinutes"/>; unclaimed, it
/// moves on. Invariants: first come, first served; an offer is a slot-holding booking written inside the write transaction
/// (SQLite: the write lock; PostgreSQL: a transaction-level advisory lock serialises offer passes, and the exclusion
/// constraint still refuses a direct booking that raced it), so no interleaving double-books and no person gets two offers.
/// </summary>
public sealed class WaitlistService(IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time, IOptions<BookingRuleDefaults> defaults,
    IOptions<WaitlistOptions> options, IOptions<SteeringOptions> steering, IDistanceEstimator distances, BookingGate gate, IOptions<HoldingLimitOptions> limits)
{
    // Any constant both instances agree on: the key of PostgreSQL's advisory lock for offer passes.
    private const long OfferLock = 0x5741_4954;

    /// <summary>Joins the line for a slot in which nothing suitable is free.</summary>
    public async Task<Outcome<WaitlistView>> JoinAsync(Actor actor, WaitlistRequest request, CancellationToken ct = default)
    {
        var invalid = request.Validate();
        if (!invalid.IsEmpty)
        {
            return Problem.Invalid(invalid);
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        await db.Database.OpenConnectionAsync(ct);
        var site = await db.Sites.AsNoTracking().Include(s => s.OpeningHours).SingleOrDefaultAsync(s => s.Id == request.SiteId, ct);
        var place = request.PlaceId is { } placeId ? await db.Places.AsNoTracking().SingleOrDefaultAsync(p => p.Id == placeId, ct) : null;
        var payer = await BookingGate.PayerAsync(db, actor, request.CostCenter, null, new FieldErrors()
            .AddIf(site is null, "siteId", Text.Get("NoSite")).AddIf(request.PlaceId is not null && place is null, "placeId", Text.Get("NoPlace")), ct);
        if (payer.Value is not { } p)
        {
            return payer.Problem!;
        }
        var (kind, start, end) = (request.Kind!.Value, request.Start!.Value, request.End!.Value);
        var rules = BookingRuleSet.For(site!, defaults.Value);
        var broken = BookingRules.Check(new SlotRequest(start, end, Stand(kind), site!, p.Driver, clock.GetCurrentInstant()), rules, time);
        if (!broken.IsEmpty)
        {
            return Problem.Refused(broken);
        }
        var distance = request.DistanceKm ?? ConfidentialPlaces.DistanceKm(distances, site!, place!, await ConfidentialPlaces.MayLocateAsync(db, actor, place!, ct));
        var free = (await FreeVehicles.AtSiteAsync(db, site!.Id, null, start, end + rules.Buffer, null, ct)).Where(v => v.IsFree).Select(v => v.Vehicle).ToList();
        var entry = new WaitlistEntry
        {
            UserId = actor.UserId, SiteId = site.Id, Kind = kind, Start = start, End = end, Passengers = request.Passengers ?? 1, DistanceKm = distance,
            Purpose = request.Purpose!.Trim(), CostCenterId = p.CostCenter.Id, AcceptFossil = request.AcceptFossil,
            CarReason = TextValues.TrimmedOrNull(request.CarReason), FossilReason = TextValues.TrimmedOrNull(request.FossilReason), Status = WaitlistStatus.Waiting, CreatedAt = clock.GetCurrentInstant(),
        };
        if (free.Any(v => Suits(v, entry)))
        {
            return Problem.Refused("kind", Text.Get("WaitlistFreeNow"));
        }
        // A bike free now is the way out; whether the car offered later needs a reason is the gate's to say then.
        if (CarReasons.Required(kind, distance, steering.Value) && entry.CarReason is null && FreeAlternatives.Of(free, entry.Passengers, distance).HasBikeBesides(0))
        {
            return Problem.Refused("carReason", Text.Get("CarReasonRequired", distance.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture)));
        }
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var open = await db.WaitlistEntries.CountAsync(w => w.UserId == actor.UserId && (w.Status == WaitlistStatus.Waiting || w.Status == WaitlistStatus.Offered), ct);
        if (open >= limits.Value.WaitlistEntries)
        {
            return Problem.Refused("kind", Text.Get("WaitlistLimit", open));
        }
        if (await db.WaitlistEntries.AnyAsync(w => w.UserId == actor.UserId && w.Kind == kind && w.SiteId == site.Id
                && (w.Status == WaitlistStatus.Waiting || w.Status == WaitlistStatus.Offered) && w.Start < end && start < w.End, ct))
        {
            return Problem.Conflict(Text.Get("WaitlistAlready"));
        }
        db.WaitlistEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (await ViewsAsync(db, db.WaitlistEntries.Where(w => w.Id == entry.Id), ct))[0];
    }

    /// <summary>The caller's places in line and offers.</summary>
    public async Task<IReadOnlyList<WaitlistView>> MineAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await ViewsAsync(db, db.WaitlistEntries.Where(w => w.UserId == actor.UserId
            && (w.Status == WaitlistStatus.Waiting || w.Status == WaitlistStatus.Offered)), ct);
    }

    /// <summary>Takes the vehicle offered: the held booking becomes the person's reservation.</summary>
    public async Task<Outcome<BookingView>> ClaimAsync(Actor actor, int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        if (await db.WaitlistEntries.SingleOrDefaultAsync(w => w.Id == id && w.UserId == actor.UserId, ct) is not { } entry)
        {
            return Problem.NotFound("Waitlist");
        }
        var now = clock.GetCurrentInstant();
        var booking = entry.OfferBookingId is { } bookingId ? await db.Bookings.SingleAsync(b => b.Id == bookingId, ct) : null;
        if (entry.Status != WaitlistStatus.Offered || booking is not { Status: BookingStatus.Offered } || now >= entry.OfferExpiresAt)
        {
            return Problem.Conflict(Text.Get("WaitlistNoOffer"));
        }
        // Taking the offer is booking it: the gate asks the rules again (the driver's licence that day) and the approval rules.
        var vehicle = await db.Vehicles.AsNoTracking().SingleAsync(v => v.Id == booking.VehicleId, ct);
        var site = await db.Sites.AsNoTracking().Include(s => s.OpeningHours).SingleAsync(s => s.Id == vehicle.SiteId, ct);
        var driver = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == entry.UserId && u.IsActive, ct);
        var draft = new BookingDraft(BookingPath.WaitlistClaim, vehicle, site, driver, booking.Start, booking.End, Request(entry, vehicle)) { Existing = booking };
        var plan = await gate.PlanAsync(db, actor, draft, ct);
        if (plan.Value is not { } ready)
        {
            return plan.Problem!;
        }
        if ((await gate.TakeAsync(db, ready, ct)).Problem is { } refused)
        {
            return refused;
        }
        (entry.Status, entry.ClosedAt) = (WaitlistStatus.Claimed, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await BookingQueries.ViewAsync(db, booking.Id, ct);
    }

    /// <summary>Leaves the line, or says no to an offer (which moves on to the next in line at once).</summary>
    public async Task<Outcome<WaitlistView>> LeaveAsync(Actor actor, int id, CancellationToken ct = default)
    {
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            db.ActorId = actor.UserId;
            await using var tx = await WriteTransaction.BeginAsync(db, ct);
            if (await db.WaitlistEntries.SingleOrDefaultAsync(w => w.Id == id && w.UserId == actor.UserId, ct) is not { } entry)
            {
                return Problem.NotFound("Waitlist");
            }
            if (entry.Status is not (WaitlistStatus.Waiting or WaitlistStatus.Offered))
            {
                return Problem.Refused("status", Text.Get("WaitlistClosed"));
            }
            var now = clock.GetCurrentInstant();
            await CloseAsync(db, entry, entry.Status == WaitlistStatus.Offered ? WaitlistStatus.Declined : WaitlistStatus.Left, now, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await OfferFreedAsync(ct);
        await using var read = await dbs.CreateDbContextAsync(ct);
        return (await ViewsAsync(read, read.WaitlistEntries.Where(w => w.Id == id), ct))[0];
    }

    /// <summary>
    /// Offers freed vehicles to those waiting, first in line first: each waiting entry whose slot has not begun gets the
    /// best suitable free vehicle (fossil-free first) held as an <see cref="BookingStatus.Offered"/> booking. Returns the
    /// number of offers made.
    /// </summary>
    public async Task<int> OfferFreedAsync(CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await OfferOnceAsync(ct);
            }
            catch (Exception e) when (WriteConflicts.IsOverlap(e) && attempt < 3)
            {
                // A direct booking took the vehicle between the check and the offer (PostgreSQL): it won; look again.
            }
        }
    }

    /// <summary>
    /// The sweep: offers not claimed in time lapse (the vehicle moves on), entries whose slot has begun close; then freed
    /// vehicles are offered. Returns the number of offers that lapsed.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        int lapsed;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            await using var tx = await WriteTransaction.BeginAsync(db, ct);
            var now = clock.GetCurrentInstant();
            var expired = await db.WaitlistEntries.Where(w => w.Status == WaitlistStatus.Offered && w.OfferExpiresAt <= now).ToListAsync(ct);
            foreach (var entry in expired)
            {
                await CloseAsync(db, entry, WaitlistStatus.Expired, now, ct);
                db.Notifications.Add(new Notification
                {
                    UserId = entry.UserId, BookingId = entry.OfferBookingId, Kind = "waitlistExpired", At = now,
                    Arguments = string.Join(Inbox.Separator, time.Format(entry.Start)),
                });
            }
            lapsed = expired.Count;
            await db.WaitlistEntries.Where(w => w.Status == WaitlistStatus.Waiting && w.Start <= now)
                .ExecuteUpdateAsync(u => u.SetProperty(w => w.Status, WaitlistStatus.Lapsed).SetProperty(w => w.ClosedAt, now), ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await OfferFreedAsync(ct);
        return lapsed;
    }

    private async Task<int> OfferOnceAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.GetCurrentInstant();
        if (!await db.WaitlistEntries.AnyAsync(w => w.Status == WaitlistStatus.Waiting && w.Start > now, ct))
        {
            return 0; // the common case after a cancellation: nobody waits, and no lock is taken
        }
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        if (!db.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({OfferLock})", ct);
        }
        var line = await db.WaitlistEntries.Where(w => w.Status == WaitlistStatus.Waiting && w.Start > now)
            .OrderBy(w => w.CreatedAt).ThenBy(w => w.Id).ToListAsync(ct);
        var sites = await db.Sites.AsNoTracking().Include(s => s.OpeningHours).Where(s => line.Select(w => w.SiteId).Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        // The best suitable free vehicle (fossil-free first) that the gate lets the person in line book.
        async Task<BookingPlan?> FindAsync(WaitlistEntry entry)
        {
            var site = sites[entry.SiteId];
            var buffer = BookingRuleSet.For(site, defaults.Value).Buffer;
            var driver = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == entry.UserId && u.IsActive, ct);
            IEnumerable<Vehicle> candidates = driver is null ? [] : (await FreeVehicles.AtSiteAsync(db, site.Id, entry.Kind, entry.Start, entry.End + buffer, null, ct))
                .Where(v => v.IsFree && Suits(v.Vehicle, entry)).Select(v => v.Vehicle)
                .OrderBy(v => v.IsFossilIndependent ? 0 : 1).ThenBy(v => v.Name, StringComparer.Ordinal);
            foreach (var vehicle in candidates)
            {
                var draft = new BookingDraft(BookingPath.WaitlistOffer, vehicle, site, driver, entry.Start, entry.End, Request(entry, vehicle))
                {
                    BookerId = entry.UserId, CostCenterId = entry.CostCenterId,
                };
                if ((await gate.PlanAsync(db, Actor.Of(entry.UserId), draft, ct)).Value is { } plan)
                {
                    return plan;
                }
            }
            return null;
        }
        var offers = 0;
        while (await NextOfferAsync(line, FindAsync) is ({ } entry, { } offer))
        {
            line.Remove(entry);
            var vehicle = offer.Draft.Vehicle;
            if ((await gate.TakeAsync(db, offer, ct)).Value is not { } booking)
            {
                continue; // taken meanwhile (PostgreSQL reads what committed since): the entry waits for the next pass
            }
            var hold = now + Duration.FromMinutes(options.Value.HoldMinutes);
            (entry.Status, entry.OfferBookingId, entry.OfferExpiresAt) = (WaitlistStatus.Offered, booking.Id, hold < entry.Start ? hold : entry.Start);
            db.Notifications.Add(new Notification
            {
                UserId = entry.UserId, BookingId = booking.Id, Kind = "waitlistOffer", At = now,
                Arguments = string.Join(Inbox.Separator, vehicle.Name, time.Format(entry.Start), time.Format(entry.OfferExpiresAt.Value)),
            });
            await db.SaveChangesAsync(ct);
            offers++;
        }
        await tx.CommitAsync(ct);
        return offers;
    }

    /// <summary>
    /// The next offer, first in line first: the first entry a vehicle suits gets it — but before that, every entry ahead of
    /// it that found none is looked at again, since on PostgreSQL each statement sees what committed meanwhile (a second
    /// vehicle freed at the same moment would otherwise go to the third in line while the second still waits).
    /// </summary>
    private static async Task<(WaitlistEntry Entry, BookingPlan Offer)?> NextOfferAsync(List<WaitlistEntry> line, Func<WaitlistEntry, Task<BookingPlan?>> find)
    {
        for (var i = 0; i < line.Count; i++)
        {
            if (await find(line[i]) is not { } vehicle)
            {
                continue;
            }
            for (var ahead = 0; ahead < i; ahead++)
            {
                if (await find(line[ahead]) is { } freedMeanwhile)
                {
                    return (line[ahead], freedMeanwhile);
                }
            }
            return (line[i], vehicle);
        }
        return null;
    }

    // Closes an entry; an offer's held booking is cancelled, so its slot is free again.
    private static async Task CloseAsync(FleetPoolDb db, WaitlistEntry entry, WaitlistStatus status, Instant now, CancellationToken ct)
    {
        if (entry.Status == WaitlistStatus.Offered && entry.OfferBookingId is { } bookingId
            && await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId && b.Status == BookingStatus.Offered, ct) is { } held)
        {
            (held.Status, held.ClosedAt) = (BookingStatus.Cancelled, now);
        }
        (entry.Status, entry.ClosedAt) = (status, now);
    }

    // A vehicle suits an entry: the kind, the seats, the range for the round trip, and fossil-free unless a fossil one will do.
    private static bool Suits(Vehicle v, WaitlistEntry e) =>
        v.Kind == e.Kind && TripFit.Unfit(v, e.Passengers, e.DistanceKm) is null && (e.AcceptFossil || !v.Kind.IsMotorVehicle() || v.IsFossilIndependent);

    // The entry as a booking request for the gate: its trip, passengers and reasons.
    private static BookingRequest Request(WaitlistEntry e, Vehicle vehicle) => new(vehicle.Id, e.Start, e.End, e.Purpose, null, e.DistanceKm,
        CarReason: e.CarReason, FossilReason: e.FossilReason, Passengers: e.Passengers);

    // The rules that do not depend on which vehicle (hours, length, horizon, licence for the kind) asked of a stand-in.
    private static Vehicle Stand(VehicleKind kind) => new() { Name = "", Kind = kind, Status = VehicleStatus.Active };

    private static async Task<List<WaitlistView>> ViewsAsync(FleetPoolDb db, IQueryable<WaitlistEntry> entries, CancellationToken ct)
    {
        var rows = await (from w in entries
                          join s in db.Sites on w.SiteId equals s.Id
                          join b in db.Bookings on w.OfferBookingId equals b.Id into bs
                          from b in bs.DefaultIfEmpty()
                          join v in db.Vehicles on b.VehicleId equals v.Id into vs
                          from v in vs.DefaultIfEmpty()
                          orderby w.Start
                          select new
                          {
                              w, Site = s.Name, Vehicle = v == null ? null : v.Name,
                              Ahead = db.WaitlistEntries.Count(o => o.Status == WaitlistStatus.Waiting && o.SiteId == w.SiteId && o.Kind == w.Kind
                                  && o.Start < w.End && w.Start < o.End && (o.CreatedAt < w.CreatedAt || o.CreatedAt == w.CreatedAt && o.Id < w.Id)),
                          }).ToListAsync(ct);
        return rows.Select(r => new WaitlistView(r.w.Id, r.w.SiteId, r.Site, r.w.Kind, r.w.Start, r.w.End, r.w.Status,
            r.w.Status == WaitlistStatus.Waiting ? r.Ahead + 1 : 0, r.w.OfferBookingId, r.Vehicle, r.w.OfferExpiresAt, r.w.CreatedAt)).ToList();
    }

}
