using System.Data.Common;
using System.Runtime.CompilerServices;
using FleetPool.Core.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FleetPool.Web.Setup.SignIn;

/// <summary>
/// Drops a user from this instance's <see cref="SignInStates"/> once a change to whether they may be signed in (active flag,
/// security stamp, the row itself) is committed: after the save, and again after the enclosing transaction commits, since
/// a request could read the old row in between.
/// </summary>
public sealed class SignInChangeInterceptor(SignInStates states) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<int>> _pending = [];

    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    /// <inheritdoc />
    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        foreach (var entry in context.ChangeTracker.Entries<AppUser>())
        {
            if (entry.State == EntityState.Deleted || (entry.State == EntityState.Modified && (Changed(entry, nameof(AppUser.IsActive)) || Changed(entry, nameof(AppUser.SecurityStamp)))))
            {
                _pending.GetOrCreateValue(context).Add(entry.Entity.Id);
            }
        }
    }

    private static bool Changed(EntityEntry<AppUser> entry, string property) => entry.Property(property).IsModified;

    private void Saved(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var ids))
        {
            return;
        }
        foreach (var id in ids)
        {
            states.Forget(id);
        }
        if (context.Database.CurrentTransaction is null)
        {
            _pending.Remove(context);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var ids))
        {
            _pending.Remove(context);
            foreach (var id in ids)
            {
                states.Forget(id);
            }
        }
    }
}
