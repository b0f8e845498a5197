using System.Security.Cryptography;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Organisation;

/// <summary>What a user sees and may change of their own account.</summary>
public sealed record ProfileView(string DisplayName, string Email, string? Department, string? LicenceClasses, LocalDate? LicenceExpiresOn,
    bool LicenceVerified, int? DefaultSiteId, string? CalendarToken);

/// <summary>
/// A user's own profile. Invariants: changing licence class or expiry clears the verification (a fleet manager must
/// check the new card); a calendar token is 48 random hex characters, unique, and regenerating it invalidates the old one.
/// </summary>
public sealed class Profiles(IDbContextFactory<FleetPoolDb> dbs)
{
    /// <summary>The caller's profile.</summary>
    public async Task<ProfileView> GetAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var u = await db.Users.AsNoTracking().SingleAsync(x => x.Id == actor.UserId, ct);
        var department = await db.OrgUnits.Where(o => o.Id == u.DepartmentId).Select(o => o.Name).SingleOrDefaultAsync(ct);
        return new ProfileView(u.DisplayName, u.Email ?? "", department, u.LicenceClasses, u.LicenceExpiresOn, u.LicenceVerifiedAt is not null,
            u.DefaultSiteId, u.CalendarToken);
    }

    /// <summary>Saves licence details and default site; a changed licence needs verifying again.</summary>
    public async Task<Outcome<ProfileView>> UpdateAsync(Actor actor, string? licenceClasses, LocalDate? licenceExpiresOn, int? defaultSiteId, CancellationToken ct = default)
    {
        var classes = string.IsNullOrWhiteSpace(licenceClasses) ? null : licenceClasses.Trim().ToUpperInvariant();
        var errors = new FieldErrors().OptionalText(classes, "licenceClasses", 50)
            .AddIf(classes is not null && licenceExpiresOn is null, "licenceExpiresOn", Text.Get("Required"));
        await using var db = await dbs.CreateDbContextAsync(ct);
        errors.AddIf(defaultSiteId is { } site && !await db.Sites.AnyAsync(s => s.Id == site, ct), "defaultSiteId", Text.Get("NoSite"));
        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }
        db.ActorId = actor.UserId;
        var user = await db.Users.SingleAsync(u => u.Id == actor.UserId, ct);
        if (user.LicenceClasses != classes || user.LicenceExpiresOn != licenceExpiresOn)
        {
            (user.LicenceClasses, user.LicenceExpiresOn, user.LicenceVerifiedAt, user.LicenceVerifiedById) = (classes, licenceExpiresOn, null, null);
        }
        user.DefaultSiteId = defaultSiteId;
        await db.SaveChangesAsync(ct);
        return await GetAsync(actor, ct);
    }

    /// <summary>Creates a new secret calendar token; the previous feed URL stops working.</summary>
    public async Task<string> RegenerateCalendarTokenAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        var user = await db.Users.SingleAsync(u => u.Id == actor.UserId, ct);
        user.CalendarToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        await db.SaveChangesAsync(ct);
        return user.CalendarToken;
    }
}
