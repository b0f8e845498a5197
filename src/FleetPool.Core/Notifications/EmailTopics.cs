namespace FleetPool.Core.Notifications;

/// <summary>The groups of notices a user can choose to get by e-mail; the inbox always has them all.</summary>
public enum EmailTopic
{
    /// <summary>One's bookings: confirmed, changed, moved or cancelled by someone else, named as driver, series dates not booked.</summary>
    Bookings,
    /// <summary>Before the start, late returns, no-shows.</summary>
    Reminders,
    /// <summary>Approvals asked of one, and decisions on one's own bookings.</summary>
    Approvals,
    /// <summary>Waitlist offers and their expiry.</summary>
    Waitlist,
    /// <summary>The fleet manager's: damage, incidents, late returns fleet-wide, upkeep due.</summary>
    Fleet,
}

/// <summary>
/// The one mapping from a notice's kind to its e-mail topic, and how a user's choice is stored. Invariant: every kind of
/// notice (<c>Notify.*</c> in the texts) has a topic (a test holds each new kind to it).
/// </summary>
public static class EmailTopics
{
    private static readonly Dictionary<string, EmailTopic> ByKind = new(StringComparer.Ordinal)
    {
        ["bookingConfirmed"] = EmailTopic.Bookings, ["bookingChangedByOther"] = EmailTopic.Bookings, ["bookingCancelledByOther"] = EmailTopic.Bookings,
        ["bookingCancelledByFleet"] = EmailTopic.Bookings, ["bookingMoved"] = EmailTopic.Bookings, ["namedDriver"] = EmailTopic.Bookings,
        ["seriesSkipped"] = EmailTopic.Bookings,
        ["reminder"] = EmailTopic.Reminders, ["overdue"] = EmailTopic.Reminders, ["noShow"] = EmailTopic.Reminders,
        ["approvalAsked"] = EmailTopic.Approvals, ["approvalApproved"] = EmailTopic.Approvals, ["approvalDeclined"] = EmailTopic.Approvals,
        ["approvalLapsed"] = EmailTopic.Approvals, ["extensionDeclined"] = EmailTopic.Approvals, ["extensionLapsed"] = EmailTopic.Approvals,
        ["waitlistOffer"] = EmailTopic.Waitlist, ["waitlistExpired"] = EmailTopic.Waitlist,
        ["overdueFleet"] = EmailTopic.Fleet, ["damageReported"] = EmailTopic.Fleet, ["damageUnusable"] = EmailTopic.Fleet, ["damageUnusableToConfirm"] = EmailTopic.Fleet, ["damageInjury"] = EmailTopic.Fleet,
        ["upkeepDue"] = EmailTopic.Fleet, ["odometerJump"] = EmailTopic.Fleet, ["upkeepOverdue"] = EmailTopic.Fleet,
    };

    /// <summary>The topic of a notice kind, or null for a kind without one (a test keeps that from happening).</summary>
    public static EmailTopic? Of(string kind) => ByKind.TryGetValue(kind, out var topic) ? topic : null;

    /// <summary>The topics a user turned off, from the stored text ("Fleet,Waitlist"); unknown names are ignored.</summary>
    public static IReadOnlySet<EmailTopic> Parse(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Enum.TryParse<EmailTopic>(s, out var t) ? t : (EmailTopic?)null).OfType<EmailTopic>().ToHashSet();

    /// <summary>The stored text of a set of topics turned off; null when none is.</summary>
    public static string? Store(IEnumerable<EmailTopic> off) =>
        string.Join(',', off.Distinct().Order()) is { Length: > 0 } text ? text : null;
}
