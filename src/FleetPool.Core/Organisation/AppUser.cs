using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace FleetPool.Core.Organisation;

/// <summary>
/// An employee who can sign in. Invariants: an inactive user cannot sign in and every token issued before
/// deactivation is refused (the security stamp changes); a licence counts only once verified by a fleet manager
/// or admin, and only until <see cref="LicenceExpiresOn"/> (inclusive).
/// </summary>
public sealed class AppUser : IdentityUser<int>
{
    /// <summary>Full name shown in the app.</summary>
    public string DisplayName { get; set; } = "";
    /// <summary>The department the user belongs to.</summary>
    public int? DepartmentId { get; set; }
    /// <summary>False once deactivated.</summary>
    public bool IsActive { get; set; } = true;
    /// <summary>Driving licence classes as on the card, e.g. "B" or "AM B BE".</summary>
    public string? LicenceClasses { get; set; }
    /// <summary>Last valid day of the licence.</summary>
    public LocalDate? LicenceExpiresOn { get; set; }
    /// <summary>When a fleet manager or admin checked the licence; null while unverified.</summary>
    public Instant? LicenceVerifiedAt { get; set; }
    /// <summary>Who verified the licence.</summary>
    public int? LicenceVerifiedById { get; set; }

    /// <summary>The site the booking form starts with.</summary>
    public int? DefaultSiteId { get; set; }
    /// <summary>The language the user reads FleetPool in ("sv" or "en"; null: the organisation's, Swedish): e-mail follows it.</summary>
    public string? Language { get; set; }
    /// <summary>The e-mail topics the user turned off (<see cref="Notifications.EmailTopics.Store"/>); null: every e-mail.</summary>
    public string? EmailOff { get; set; }
    /// <summary>Secret in the user's calendar feed URL; null until generated. Regenerating it kills the old URL.</summary>
    public string? CalendarToken { get; set; }

    /// <summary>True when the user may drive a car or van on <paramref name="lastDay"/>.</summary>
    public bool HasValidClassBLicence(LocalDate lastDay) =>
        LicenceVerifiedAt is not null
        && LicenceExpiresOn is { } expiry && expiry >= lastDay
        && (LicenceClasses ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("B", StringComparer.OrdinalIgnoreCase);
}
