using System.Security.Cryptography;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Organisation;

/// <summary>What a user sees and may change of their own account.</summary>
public sealed record ProfileView(string DisplayName, string Email, string? Department, string? LicenceClasses, LocalDate? LicenceExpiresOn,
    bool LicenceVerified, int? DefaultSiteId, string? CalendarToken, string Language = Languages.Swedish,
    IReadOnlySet<Notifications.EmailTopic>? EmailOff = null);

/// <summary>The languages FleetPool speaks: the stored code and the culture it is read in.</summary>
public static class Languages
{
    /// <summary>Swedish, the organisation's language and the default.</summary>
    public const string Swedish = "sv";
    /// <summary>English.</summary>
    public const string English = "en";

    /// <summary>The culture a stored code is read in; anything but English is Swedish.</summary>
    public static System.Globalization.CultureInfo CultureOf(string? code) =>
        System.Globalization.CultureInfo.GetCultureInfo(code == English ? "en-GB" : "sv-SE");

    /// <summary>The stored code for a culture name such as "en-GB".</summary>
    public static string CodeOf(string? cultureName) =>
        cultureName is not null && cultureName.StartsWith(English, StringComparison.OrdinalIgnoreCase) ? English : Swedish;
}

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
            u.DefaultSiteId, u.CalendarToken, u.Language ?? Languages.Swedish, Notifications.EmailTopics.Parse(u.EmailOff));
    }

    /// <summary>Stores which e-mail topics the user does not want; the inbox keeps them all.</summary>
    public async Task<IReadOnlySet<Notifications.EmailTopic>> SetEmailOffAsync(Actor actor, IEnumerable<Notifications.EmailTopic> off, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        var user = await db.Users.SingleAsync(u => u.Id == actor.UserId, ct);
        user.EmailOff = Notifications.EmailTopics.Store(off.Where(Enum.IsDefined));
        await db.SaveChangesAsync(ct);
        return Notifications.EmailTopics.Parse(user.EmailOff);
    }

    /// <summary>Stores the language the user reads in (what the language switch chose): e-mail and notices follow it.</summary>
    public async Task SetLanguageAsync(Actor actor, string code, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        var user = await db.Users.SingleAsync(u => u.Id == actor.UserId, ct);
        var language = Languages.CodeOf(code);
        if (user.Language != language)
        {
            user.Language = language;
            await db.SaveChangesAsync(ct);
        }
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
