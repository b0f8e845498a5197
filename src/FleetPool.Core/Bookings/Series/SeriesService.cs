using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using FleetPool.Core.Steering;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FleetPool.Core.Bookings.Series;

/// <summary>
/// Makes repeating trips. Invariants: each occurrence passes the booking gate (<see cref="BookingGate"/>, path
/// <see cref="BookingPath.SeriesOccurrence"/>: opening hours, holidays, length, licence on that day, trip fit, reasons,
/// the overlap check inside the write transaction and the approval rules) like a single booking; a series and its
/// occurrences are written in one transaction, so an error leaves nothing behind; an occurrence that cannot be booked is
/// reported (never silently dropped); dates past the site's "book ahead" horizon are booked by <see cref="ExtendAsync"/> as
/// the horizon reaches them. Occurrences keep the same wall-clock time across DST changes.
/// </summary>
public sealed class SeriesService(
    IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time, IOptions<BookingRuleDefaults> defaults, BookingGate gate,
    BookingService bookings, Waitlist.WaitlistService waitlist, IOptions<HoldingLimitOptions> limits)
{
    /// <summary>Creates a series from a booking request with <see cref="BookingRequest.Repeat"/> and books every free date within the horizon.</summary>
    public async Task<Outcome<SeriesResult>> CreateAsync(Actor actor, BookingRequest request, CancellationToken ct = default)
    {
        var invalid = request.Validate();
        invalid.AddIf(request.Repeat is null, "repeat", Text.Get("Required"));
        if (request is { Repeat: { } repeat, Start: { } start })
        {
            repeat.Validate(time.DateOf(start), invalid);
        }
        if (!invalid.IsEmpty)
        {
            return Problem.Invalid(invalid);
        }
        // On PostgreSQL a booking made between the check and the insert fails the exclusion constraint: try once more from the start.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CreateOnceAsync(actor, request, ct);
            }
            catch (Exception e) when (WriteConflicts.IsOverlap(e) && attempt < 2)
            {
            }
            catch (Exception e) when (WriteConflicts.IsOverlap(e))
            {
                return Problem.Conflict(Text.Get("SeriesRaced"));
            }
        }
    }

    /// <summary>
    /// Books the dates of running series that the "book ahead" horizon has reached (the daily job); tells each booker in the
    /// inbox which dates could not be booked. Returns how many occurrences were booked.
    /// </summary>
    public async Task<int> ExtendAsync(CancellationToken ct = default)
    {
        List<int> running;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            running = await db.BookingSeries.Where(s => s.EndedAt == null && s.BookedThrough < s.LastDate).Select(s => s.Id).ToListAsync(ct);
        }
        var booked = 0;
        foreach (var id in running)
        {
            for (var attempt = 1; attempt <= 2; attempt++)
            {
                try
                {
                    booked += await ExtendOneAsync(id, ct);
                    break;
                }
                catch (Exception e) when (WriteConflicts.IsOverlap(e))
                {
                }
            }
        }
        return booked;
    }

    /// <summary>A series with its occurrences, for its booker, its driver and fleet managers.</summary>
    public async Task<Outcome<SeriesDetails>> GetAsync(Actor actor, int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.BookingSeries.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is not { } series
            || !BookingAccess.CanSee(actor, series.BookerId, series.DriverId))
        {
            return Problem.NotFound("Series");
        }
        var vehicleName = await db.Vehicles.Where(v => v.Id == series.VehicleId).Select(v => v.Name).SingleAsync(ct);
        var occurrences = await (from b in db.Bookings.AsNoTracking()
                                 join v in db.Vehicles on b.VehicleId equals v.Id
                                 join c in db.CostCenters on b.CostCenterId equals c.Id
                                 where b.SeriesId == id
                                 orderby b.Start
                                 select new { b, v.Name, v.Kind, v.Fuel, c.Code }).ToListAsync(ct);
        var views = occurrences.Select(o => BookingView.From(o.b, o.Name, o.Kind, o.Fuel, o.Code)).ToList();
        var held = views.Where(v => BookingStatuses.HoldingSlot.Contains(v.Status)).Select(v => time.DateOf(v.Start)).ToHashSet();
        var tried = DatesBetween(series, series.FirstDate, series.BookedThrough);
        var later = DatesBetween(series, series.BookedThrough.PlusDays(1), series.LastDate).Count;
        return new SeriesDetails(SeriesView.From(series, vehicleName), views, tried.Where(d => !held.Contains(d)).ToList(), series.EndedAt is null ? later : 0);
    }

    /// <summary>
    /// Cancels the reserved occurrences from <paramref name="from"/> on (today when null) and books no more after it; from
    /// the first date on, the series ends. Past and running trips are not touched.
    /// </summary>
    public async Task<Outcome<SeriesUpdate>> CancelAsync(Actor actor, int id, LocalDate? from, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        if (await db.BookingSeries.SingleOrDefaultAsync(s => s.Id == id, ct) is not { } series || !BookingAccess.CanSee(actor, series.BookerId, series.DriverId))
        {
            return Problem.NotFound("Series");
        }
        var now = clock.GetCurrentInstant();
        var firstDay = from ?? time.DateOf(now);
        var since = time.StartOfDay(firstDay);
        var due = await db.Bookings.Where(b => b.SeriesId == id && b.Status == BookingStatus.Reserved && b.Start >= since).ToListAsync(ct);
        foreach (var b in due)
        {
            (b.Status, b.ClosedAt) = (BookingStatus.Cancelled, now);
        }
        if (firstDay <= series.FirstDate)
        {
            series.EndedAt = now;
        }
        else if (firstDay.PlusDays(-1) < series.LastDate)
        {
            series.LastDate = firstDay.PlusDays(-1);
            series.BookedThrough = series.BookedThrough < series.LastDate ? series.BookedThrough : series.LastDate;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await tx.DisposeAsync(); // the offer pass takes the write lock itself (on SQLite, the one writer's gate)
        if (due.Count > 0)
        {
            await waitlist.OfferFreedAsync(ct);
        }
        var vehicleName = await db.Vehicles.Where(v => v.Id == series.VehicleId).Select(v => v.Name).SingleAsync(ct);
        return new SeriesUpdate(SeriesView.From(series, vehicleName), due.Count, []);
    }

    /// <summary>
    /// Changes this and the following reserved occurrences (from <see cref="SeriesChange.From"/>) through the single
    /// booking's change (<see cref="BookingService.ChangeAsync"/>: the same rules and overlap check, one occurrence at a
    /// time); the ones that cannot move stay as they were and are listed. Dates booked later use the new times and vehicle.
    /// </summary>
    public async Task<Outcome<SeriesUpdate>> ChangeAsync(Actor actor, int id, SeriesChange change, CancellationToken ct = default)
    {
        var invalid = change.Validate();
        if (!invalid.IsEmpty)
        {
            return Problem.Invalid(invalid);
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        if (await db.BookingSeries.SingleOrDefaultAsync(s => s.Id == id, ct) is not { } series || !BookingAccess.CanSee(actor, series.BookerId, series.DriverId))
        {
            return Problem.NotFound("Series");
        }
        if (change.VehicleId is { } vehicleId && !await db.Vehicles.AnyAsync(v => v.Id == vehicleId, ct))
        {
            return Problem.Invalid(new FieldErrors().Add("vehicleId", Text.Get("NoVehicle")));
        }
        var (startTime, endTime, offset) = (change.StartTime ?? series.StartTime, change.EndTime ?? series.EndTime, series.EndDayOffset);
        if (offset == 0 && endTime <= startTime)
        {
            return Problem.Invalid(new FieldErrors().Add("endTime", Text.Get("After", "startTime")));
        }
        var since = time.StartOfDay(change.From!.Value);
        var due = await db.Bookings.AsNoTracking().Where(b => b.SeriesId == id && b.Status == BookingStatus.Reserved && b.Start >= since)
            .OrderBy(b => b.Start).Select(b => new { b.Id, b.Start }).ToListAsync(ct);
        var notChanged = new List<SkippedOccurrence>();
        foreach (var occurrence in due)
        {
            var date = time.DateOf(occurrence.Start);
            var slot = Slot(date, startTime, endTime, offset);
            var moved = slot.Error is { } gap ? Problem.Refused("startTime", gap)
                : (await bookings.ChangeAsync(actor, occurrence.Id, new BookingChange(change.VehicleId, slot.Start, slot.End, change.CarReason, change.FossilReason), ct)).Problem;
            if (moved is not null)
            {
                var (field, reason) = FirstError(moved);
                notChanged.Add(new SkippedOccurrence(date, slot.Start, slot.End, field, reason, null));
            }
        }
        await using (var tx = await WriteTransaction.BeginAsync(db, ct))
        {
            (series.StartTime, series.EndTime) = (startTime, endTime);
            series.VehicleId = change.VehicleId ?? series.VehicleId;
            series.CarReason = change.CarReason ?? series.CarReason;
            series.FossilReason = change.FossilReason ?? series.FossilReason;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        var vehicleName = await db.Vehicles.Where(v => v.Id == series.VehicleId).Select(v => v.Name).SingleAsync(ct);
        return new SeriesUpdate(SeriesView.From(series, vehicleName), due.Count - notChanged.Count, notChanged);
    }

    private async Task<Outcome<SeriesResult>> CreateOnceAsync(Actor actor, BookingRequest request, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        await db.Database.OpenConnectionAsync(ct);
        var parties = await BookingGate.PartiesAsync(db, actor, request, ct);
        if (parties.Value is not var (vehicle, costCenter, driver))
        {
            return parties.Problem!;
        }
        if (await OverSeriesLimitAsync(db, actor, vehicle, ct) is { } tooMany)
        {
            return tooMany;
        }
        var (start, end) = (time.ToLocal(request.Start!.Value).LocalDateTime, time.ToLocal(request.End!.Value).LocalDateTime);
        var dates = request.Repeat!.Dates(start.Date);
        var series = new BookingSeries
        {
            BookerId = actor.UserId, DriverId = request.DriverId, VehicleId = vehicle.Id, CostCenterId = costCenter.Id, Purpose = request.Purpose!.Trim(),
            AlternativeCheck = request.AlternativeCheck, Passengers = request.Passengers,
            Every = request.Repeat.Every!.Value, DaysMask = request.Repeat.DaysMask, FirstDate = start.Date, LastDate = dates[^1], Count = request.Repeat.Count,
            StartTime = start.TimeOfDay, EndTime = end.TimeOfDay, EndDayOffset = Period.Between(start.Date, end.Date, PeriodUnits.Days).Days,
            BookedThrough = start.Date.PlusDays(-1), CreatedAt = clock.GetCurrentInstant(),
        };
        var site = await db.Sites.AsNoTracking().Include(s => s.OpeningHours).SingleAsync(s => s.Id == vehicle.SiteId, ct);
        var plan = await PrepareAsync(db, actor, request, series, vehicle, driver, site, dates, true, ct);
        if (plan.Problem is { } refused)
        {
            return refused;
        }
        // Like a single booking, a series starts within the horizon: its first bookable date gives the steered trip facts it keeps.
        if (plan.Ready.Count == 0)
        {
            var (field, reason) = plan.Skipped.Count > 0 ? (plan.Skipped[0].Field, plan.Skipped[0].Reason)
                : ("start", Text.Get("TooFarAhead", BookingRuleSet.For(site, defaults.Value).MaxAhead.Days));
            return Problem.Refused(new FieldErrors().Add(field, reason).Add("repeat", Text.Get("SeriesNothingBookable")));
        }
        var first = plan.Ready[0].Facts;
        (series.DistanceKm, series.Destination, series.DestinationPlaceId) = (first.DistanceKm, first.Destination, first.PlaceId);
        (series.CarReason, series.FossilReason) = (TextValues.TrimmedOrNull(request.CarReason), TextValues.TrimmedOrNull(request.FossilReason));
        var written = await WriteAsync(db, series, plan, ct);
        if (written.Problem is { } problem)
        {
            return problem;
        }
        var skipped = plan.Skipped.Concat(await InsteadAsync(db, vehicle, series, written.Value!.Taken, ct)).OrderBy(s => s.Date).ToList();
        return new SeriesResult(SeriesView.From(series, vehicle.Name), written.Value.Booked.Select(b => BookingView.From(b, vehicle, costCenter.Code)).ToList(),
            skipped, plan.Later);
    }

    // A pool is shared: a person runs at most HoldingLimits' series, and one on a vehicle.
    private async Task<Problem?> OverSeriesLimitAsync(FleetPoolDb db, Actor actor, Vehicle vehicle, CancellationToken ct)
    {
        var today = time.DateOf(clock.GetCurrentInstant());
        var running = await db.BookingSeries.AsNoTracking().Where(s => s.BookerId == actor.UserId && s.EndedAt == null && s.LastDate >= today)
            .Select(s => s.VehicleId).ToListAsync(ct);
        return running.Count >= limits.Value.OpenSeries ? Problem.Refused("repeat", Text.Get("SeriesLimit", running.Count))
            : running.Count(v => v == vehicle.Id) >= limits.Value.OpenSeriesOnOneVehicle ? Problem.Refused("vehicleId", Text.Get("SeriesLimitVehicle", vehicle.Name))
            : null;
    }

    private async Task<int> ExtendOneAsync(int id, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var series = await db.BookingSeries.SingleAsync(s => s.Id == id, ct);
        db.ActorId = series.BookerId;
        var vehicle = await db.Vehicles.AsNoTracking().SingleAsync(v => v.Id == series.VehicleId, ct);
        var driver = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == (series.DriverId ?? series.BookerId) && u.IsActive, ct);
        var bookerActive = await db.Users.AnyAsync(u => u.Id == series.BookerId && u.IsActive, ct);
        var costCode = await db.CostCenters.Where(c => c.Id == series.CostCenterId).Select(c => c.Code).SingleAsync(ct);
        if (!bookerActive || driver is null)
        {
            // A deactivated booker or driver books nothing more: the series ends rather than failing every day.
            await using var tx = await WriteTransaction.BeginAsync(db, ct);
            series.EndedAt = clock.GetCurrentInstant();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return 0;
        }
        var site = await db.Sites.AsNoTracking().Include(s => s.OpeningHours).SingleAsync(s => s.Id == vehicle.SiteId, ct);
        var request = new BookingRequest(vehicle.Id, null, null, series.Purpose, costCode, series.DistanceKm, series.Destination, series.DriverId,
            series.CarReason, series.FossilReason, series.AlternativeCheck, series.DestinationPlaceId, Passengers: series.Passengers);
        var dates = DatesBetween(series, series.BookedThrough.PlusDays(1), series.LastDate);
        var plan = await PrepareAsync(db, Actor.Of(series.BookerId), request, series, vehicle, driver, site, dates, false, ct);
        if (plan.Ready.Count == 0 && plan.Skipped.Count == 0)
        {
            return 0;
        }
        var written = await WriteAsync(db, series, plan, ct);
        var taken = written.Value?.Taken ?? [];
        var skipped = plan.Skipped.Concat(await InsteadAsync(db, vehicle, series, taken, ct)).OrderBy(s => s.Date).ToList();
        if (written.Problem is { } problem)
        {
            skipped = plan.Ready.Select(r => new SkippedOccurrence(r.Date, r.Start, r.End, "vehicleId", problem.Summary, null)).ToList();
        }
        if (skipped.Count > 0)
        {
            await using var tx = await WriteTransaction.BeginAsync(db, ct);
            db.Notifications.Add(new Notifications.Notification
            {
                UserId = series.BookerId, Kind = "seriesSkipped", At = clock.GetCurrentInstant(),
                Arguments = string.Join(Notifications.Inbox.Separator, vehicle.Name,
                    string.Join(", ", skipped.Select(s => s.Date.ToString("uuuu'-'MM'-'dd", null))), skipped[0].Reason),
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return written.Value?.Booked.Count ?? 0;
    }

    // Rules and steering for each date, before the write lock (neither is what bookings race for). Strict (a new series):
    // a missing car or fossil reason refuses the whole series, so the booker can give it; otherwise it skips that date.
    private async Task<SeriesPlan> PrepareAsync(FleetPoolDb db, Actor actor, BookingRequest request, BookingSeries series, Vehicle vehicle,
        AppUser driver, Site site, IReadOnlyList<LocalDate> dates, bool strict, CancellationToken ct)
    {
        var rules = BookingRuleSet.For(site, defaults.Value);
        var now = clock.GetCurrentInstant();
        var plan = new SeriesPlan();
        foreach (var date in dates)
        {
            var slot = Slot(date, series.StartTime, series.EndTime, series.EndDayOffset);
            if (slot.Error is { } gap)
            {
                plan.Skipped.Add(new SkippedOccurrence(date, null, null, "start", gap, null));
                continue;
            }
            var (start, end) = (slot.Start!.Value, slot.End!.Value);
            if (start > now + rules.MaxAhead)
            {
                plan.Later.Add(date);
                continue;
            }
            var draft = new BookingDraft(BookingPath.SeriesOccurrence, vehicle, site, driver, start, end, request with { Start = start, End = end })
            {
                BookerId = series.BookerId, CostCenterId = series.CostCenterId,
            };
            var planned = await gate.PlanAsync(db, actor, draft, ct);
            if (planned.Problem is { } problem)
            {
                // What the booker can give (a reason, a place, fewer passengers) refuses a new series; a date's rule skips the date.
                if (strict && problem.Errors.Keys.Any(TripFields.Contains))
                {
                    return plan with { Problem = problem };
                }
                var (field, reason) = FirstError(problem);
                plan.Skipped.Add(new SkippedOccurrence(date, start, end, field, reason, null));
                continue;
            }
            plan.Ready.Add(new ReadyOccurrence(date, start, end, planned.Value!));
        }
        return plan;
    }

    // Inside the write lock, each date through the gate in turn, so the series' own occurrences (a long weekly trip) count
    // too; a date already taken is listed, the vehicle leaving service refuses the rest. Dates through the last one tried are marked as tried.
    private async Task<Outcome<Written>> WriteAsync(FleetPoolDb db, BookingSeries series, SeriesPlan plan, CancellationToken ct)
    {
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var tried = plan.Ready.Select(r => r.Date).Concat(plan.Skipped.Select(s => s.Date)).DefaultIfEmpty(series.BookedThrough).Max();
        series.BookedThrough = tried > series.BookedThrough ? tried : series.BookedThrough;
        if (series.Id == 0)
        {
            db.BookingSeries.Add(series);
        }
        await db.SaveChangesAsync(ct);
        var (booked, taken) = (new List<Booking>(), new List<ReadyOccurrence>());
        foreach (var o in plan.Ready)
        {
            var made = await gate.TakeAsync(db, o.Plan with { Draft = o.Plan.Draft with { SeriesId = series.Id } }, ct);
            if (made.Value is { } booking)
            {
                booked.Add(booking);
            }
            else if (made.Problem!.Kind == ProblemKind.Conflict)
            {
                taken.Add(o);
            }
            else
            {
                return made.Problem;
            }
        }
        await tx.CommitAsync(ct);
        return new Written(booked, taken);
    }

    // For each taken date, a free vehicle of the same kind at the site, fossil-free when the one asked for is, that fits the trip.
    private static async Task<IEnumerable<SkippedOccurrence>> InsteadAsync(FleetPoolDb db, Vehicle vehicle, BookingSeries series, IReadOnlyList<ReadyOccurrence> taken,
        CancellationToken ct)
    {
        var skipped = new List<SkippedOccurrence>();
        foreach (var o in taken)
        {
            var free = await FreeVehicles.AtSiteAsync(db, vehicle.SiteId, vehicle.Kind, o.Start, o.Plan.BlockedUntil, null, ct);
            var instead = free.Where(v => v.IsFree && v.Vehicle.Id != vehicle.Id && TripFit.Unfit(v.Vehicle, series.Passengers ?? 1, series.DistanceKm) is null
                    && (v.Vehicle.IsFossilIndependent || !vehicle.IsFossilIndependent))
                .OrderBy(v => v.Vehicle.IsFossilIndependent ? 0 : 1).ThenBy(v => v.Vehicle.Name, StringComparer.CurrentCulture)
                .Select(v => new VehicleChoice(v.Vehicle.Id, v.Vehicle.Name)).FirstOrDefault();
            skipped.Add(new SkippedOccurrence(o.Date, o.Start, o.End, "start", Text.Get("AlreadyBooked", vehicle.Name,
                (o.Plan.BlockedUntil - o.End).TotalMinutes), instead));
        }
        return skipped;
    }

    private LocalResolutionPair Slot(LocalDate date, LocalTime startTime, LocalTime endTime, int endDayOffset)
    {
        var start = time.Resolve(date + startTime);
        var end = time.Resolve(date.PlusDays(endDayOffset) + endTime);
        return new LocalResolutionPair(start.Instant, end.Instant, start.Error ?? end.Error);
    }

    private static List<LocalDate> DatesBetween(BookingSeries s, LocalDate from, LocalDate to)
    {
        var dates = new List<LocalDate>();
        for (var d = from; d <= to; d = d.PlusDays(1))
        {
            if (Recurrence.Matches(s.DaysMask, d))
            {
                dates.Add(d);
            }
        }
        return dates;
    }

    private static (string Field, string Reason) FirstError(Problem p) =>
        p.Errors.Select(e => (e.Key, e.Value[0])).FirstOrDefault((p.Errors.Keys.FirstOrDefault() ?? "start", p.Summary));


    private readonly record struct LocalResolutionPair(Instant? Start, Instant? End, string? Error);

    private sealed record Written(List<Booking> Booked, List<ReadyOccurrence> Taken);

    private sealed record ReadyOccurrence(LocalDate Date, Instant Start, Instant End, BookingPlan Plan)
    {
        public TripFacts Facts => Plan.Facts;
    }

    // The fields of a trip's facts (steering and trip fit) rather than of a date.
    private static readonly HashSet<string> TripFields = ["carReason", "fossilReason", "placeId", "passengers", "distanceKm"];

    private sealed record SeriesPlan
    {
        public List<ReadyOccurrence> Ready { get; } = [];
        public List<SkippedOccurrence> Skipped { get; } = [];
        public List<LocalDate> Later { get; } = [];
        public Problem? Problem { get; init; }
    }
}
