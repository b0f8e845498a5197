using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FleetPool.Core.Data;

/// <summary>
/// The transaction in which a service checks its rules and writes. On SQLite writers first queue in-process (one
/// async gate per database file), then take the write lock with <c>BEGIN IMMEDIATE</c>: the lock is the
/// guarantee, the gate spares concurrent requests SQLite's busy-wait sleeps. On PostgreSQL it is a plain
/// transaction and the exclusion constraint is the backstop.
/// </summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);
    private readonly IDbContextTransaction _transaction;
    private readonly SemaphoreSlim? _gate;
    private bool _disposed;

    private WriteTransaction(IDbContextTransaction transaction, SemaphoreSlim? gate) => (_transaction, _gate) = (transaction, gate);

    /// <summary>Begins a write transaction on the context.</summary>
    public static async Task<WriteTransaction> BeginAsync(FleetPoolDb db, CancellationToken ct)
    {
        var gate = db.IsSqlite ? Gates.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1)) : null;
        if (gate is not null)
        {
            await gate.WaitAsync(ct);
        }
        try
        {
            return new WriteTransaction(await db.Database.BeginTransactionAsync(ct), gate);
        }
        catch
        {
            gate?.Release();
            throw;
        }
    }

    /// <summary>Commits the transaction.</summary>
    public Task CommitAsync(CancellationToken ct) => _transaction.CommitAsync(ct);

    /// <summary>Rolls back unless committed, and lets the next writer in. Idempotent: a caller may end the write early (to
    /// run work that takes the lock itself, such as an offer pass) and still leave the <c>await using</c> in place.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        try
        {
            await _transaction.DisposeAsync();
        }
        finally
        {
            _gate?.Release();
        }
    }
}
