using FleetPool.Core.Common;
using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Notifications;

/// <summary>A notification as its reader sees it, in the current language.</summary>
public sealed record NotificationView(int Id, int? BookingId, string Kind, string Text, Instant At, bool Read);

/// <summary>Each user's inbox. Invariant: a user reads and marks only their own notifications.</summary>
public sealed class Inbox(IDbContextFactory<FleetPoolDb> dbs, IClock clock)
{
    /// <summary>Separates the stored arguments of a notification's text.</summary>
    public const char Separator = '\u001f';

    /// <summary>The newest notifications first (at most 100) and how many are unread.</summary>
    public async Task<(IReadOnlyList<NotificationView> Items, int Unread)> ListAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == actor.UserId);
        var items = await mine.OrderByDescending(n => n.At).Take(100).ToListAsync(ct);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        return (items.Select(n => new NotificationView(n.Id, n.BookingId, n.Kind,
            NoticeText.Render(null, n.Kind, n.Arguments), n.At, n.ReadAt is not null)).ToList(), unread);
    }

    /// <summary>How many of the actor's notifications are unread.</summary>
    public async Task<int> UnreadAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.UserId == actor.UserId && n.ReadAt == null, ct);
    }

    /// <summary>Marks all the actor's notifications read; returns how many changed.</summary>
    public async Task<int> MarkAllReadAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.GetCurrentInstant();
        return await db.Notifications.Where(n => n.UserId == actor.UserId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
