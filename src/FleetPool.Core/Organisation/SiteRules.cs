using FleetPool.Core.Common;
using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Organisation;

/// <summary>A weekday's hours; null times mean closed that day.</summary>
public sealed record DayHours(IsoDayOfWeek Day, LocalTime? Opens, LocalTime? Closes);

/// <summary>A site's opening hours, rule overrides (null = the organisation's default) and pick-up instructions and key code.</summary>
public sealed record SiteRulesView(int Id, string Name, bool AlwaysOpen, bool OpenOnHolidays, IReadOnlyList<DayHours> Week,
    int? MinBookingMinutes, int? MaxBookingHours, int? MaxDaysAhead, int? BufferMinutes, string? PickUpInstructions = null, string? KeyCode = null);

/// <summary>
/// Opening hours and booking rules per site, for fleet managers. Invariants: a day's opening precedes its closing;
/// each weekday appears at most once; a site not always open has hours on at least one day (no hours means always open,
/// so "closed every day" cannot be saved by accident); overrides stay within the ranges the defaults allow; "always open"
/// stores no hours (a key box).
/// </summary>
public sealed class SiteRules(IDbContextFactory<FleetPoolDb> dbs)
{
    /// <summary>Every site's rules, by name.</summary>
    public async Task<IReadOnlyList<SiteRulesView>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var sites = await db.Sites.AsNoTracking().Include(s => s.OpeningHours).OrderBy(s => s.Name).ToListAsync(ct);
        return sites.Select(View).ToList();
    }

    /// <summary>Saves a site's hours and overrides.</summary>
    public async Task<Outcome<SiteRulesView>> SaveAsync(Actor actor, SiteRulesView input, CancellationToken ct = default)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        var errors = new FieldErrors()
            .Range(input.MinBookingMinutes, "minBookingMinutes", 1, 24 * 60).Range(input.MaxBookingHours, "maxBookingHours", 1, 24 * 60)
            .Range(input.MaxDaysAhead, "maxDaysAhead", 1, 730).Range(input.BufferMinutes, "bufferMinutes", 0, 24 * 60)
            .OptionalText(input.PickUpInstructions, "pickUpInstructions", 1000).OptionalText(input.KeyCode, "keyCode", 50);
        var week = input.Week ?? []; // an API caller may leave it out
        errors.AddIf(week.Any(d => d is null || d.Day == IsoDayOfWeek.None) || week.Where(d => d is not null).GroupBy(d => d.Day).Any(g => g.Count() > 1),
            "week", Text.Get("WeekDaysOnce"));
        errors.AddIf(!input.AlwaysOpen && !week.Any(d => d?.Opens is not null), "week", Text.Get("WeekNeedsHours"));
        foreach (var day in week.Where(d => d is not null && (d.Opens is not null || d.Closes is not null)))
        {
            errors.AddIf(day.Opens is null || day.Closes is null || day.Opens >= day.Closes, $"week.{day.Day}", Text.Get("OpensBeforeCloses"));
        }
        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        var site = await db.Sites.Include(s => s.OpeningHours).SingleOrDefaultAsync(s => s.Id == input.Id, ct);
        if (site is null)
        {
            return Problem.NotFound("Site");
        }
        db.RemoveRange(site.OpeningHours);
        site.OpeningHours = input.AlwaysOpen ? [] : week.Where(d => d.Opens is not null)
            .Select(d => new OpeningHours { Day = d.Day, Opens = d.Opens!.Value, Closes = d.Closes!.Value }).ToList();
        (site.OpenOnHolidays, site.MinBookingMinutes, site.MaxBookingHours) = (input.OpenOnHolidays, input.MinBookingMinutes, input.MaxBookingHours);
        (site.MaxDaysAhead, site.BufferMinutes) = (input.MaxDaysAhead, input.BufferMinutes);
        (site.PickUpInstructions, site.KeyCode) = (TextValues.TrimmedOrNull(input.PickUpInstructions), TextValues.TrimmedOrNull(input.KeyCode));
        await db.SaveChangesAsync(ct);
        return View(site);
    }

    private static SiteRulesView View(Site s) => new(s.Id, s.Name, s.OpeningHours.Count == 0, s.OpenOnHolidays,
        Enumerable.Range(1, 7).Select(d => (IsoDayOfWeek)d).Select(d => s.OpeningHours.FirstOrDefault(h => h.Day == d) is { } h
            ? new DayHours(d, h.Opens, h.Closes) : new DayHours(d, null, null)).ToList(),
        s.MinBookingMinutes, s.MaxBookingHours, s.MaxDaysAhead, s.BufferMinutes, s.PickUpInstructions, s.KeyCode);

}
