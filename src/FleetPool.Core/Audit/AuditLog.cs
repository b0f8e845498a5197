using FleetPool.Core.Common;
using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Audit;

/// <summary>An audit row with the actor's name.</summary>
public sealed record AuditRow(long Id, Instant At, string? Actor, string Entity, string EntityId, string Action, string? Before, string? After);

/// <summary>Filters for the audit log; all optional. <see cref="Until"/> is exclusive.</summary>
public sealed record AuditQuery(int? ActorId = null, string? Entity = null, Instant? Since = null, Instant? Until = null, int Page = 1, int PageSize = 50);

/// <summary>Reads the append-only audit trail, newest first. Invariant: admins only.</summary>
public sealed class AuditLog(IDbContextFactory<FleetPoolDb> dbs)
{
    /// <summary>One page of matching entries.</summary>
    public async Task<Outcome<Page<AuditRow>>> SearchAsync(Actor actor, AuditQuery q, CancellationToken ct = default)
    {
        if (!actor.Roles.Contains(Roles.Admin))
        {
            return Problem.Forbidden();
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = db.AuditEntries.AsNoTracking();
        rows = q.ActorId is { } who ? rows.Where(a => a.ActorId == who) : rows;
        rows = string.IsNullOrWhiteSpace(q.Entity) ? rows : rows.Where(a => a.Entity == q.Entity);
        rows = q.Since is { } since ? rows.Where(a => a.At >= since) : rows;
        rows = q.Until is { } until ? rows.Where(a => a.At < until) : rows;
        var size = Math.Clamp(q.PageSize, 1, 200);
        var total = await rows.CountAsync(ct);
        var items = await (from a in rows.OrderByDescending(a => a.Id).Skip(Paging.Offset(q.Page, size)).Take(size)
                           join u in db.Users on a.ActorId equals u.Id into us
                           from u in us.DefaultIfEmpty()
                           select new AuditRow(a.Id, a.At, u == null ? null : u.DisplayName, a.Entity, a.EntityId, a.Action, a.Before, a.After))
            .ToListAsync(ct);
        return new Page<AuditRow>(items, Math.Max(q.Page, 1), size, total);
    }
}
