namespace FleetPool.Web.Setup.SignIn;

/// <summary>What decides whether a user's sign-ins stand: active, and the security stamp they must carry.</summary>
public sealed record SignInState(bool IsActive, string? SecurityStamp);

/// <summary>
/// This instance's cache of each user's <see cref="SignInState"/>, so checking a sign-in costs no query per request.
/// Invariants: an entry is dropped whenever the user's row changes, by this instance (<see cref="SignInChangeInterceptor"/>,
/// after commit) or by any other (PostgreSQL NOTIFY, <see cref="PostgresSignInListener"/>); a read that raced a change is
/// not kept (generation check); and while changes could be missed (the listener not connected) nothing is served
/// from the cache.
/// </summary>
public sealed class SignInStates
{
    // A municipality has thousands of users; past this the cache starts again rather than grow without bound.
    private const int MaxEntries = 100_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, SignInState> _states = new();
    private readonly Lock _gate = new();
    private long _generation;
    private volatile bool _complete;
    private long _reads;

    /// <summary>How many times a state was read from the database (a cache miss) since the instance started.</summary>
    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>The user's state, from the cache when it is complete, else read with <paramref name="load"/> (null: no such user).</summary>
    public async ValueTask<SignInState?> GetAsync(int userId, Func<int, CancellationToken, Task<SignInState?>> load, CancellationToken ct)
    {
        if (_complete && _states.TryGetValue(userId, out var cached))
        {
            return cached;
        }
        var generation = Interlocked.Read(ref _generation);
        Interlocked.Increment(ref _reads);
        var loaded = await load(userId, ct);
        lock (_gate)
        {
            // A change seen while the row was read may have come after the read: the next request reads again.
            if (loaded is not null && _complete && _generation == generation)
            {
                if (_states.Count >= MaxEntries)
                {
                    _states.Clear();
                }
                _states[userId] = loaded;
            }
        }
        return loaded;
    }

    /// <summary>Drops the user's entry: their row changed.</summary>
    public void Forget(int userId)
    {
        lock (_gate)
        {
            _generation++;
            _states.TryRemove(userId, out _);
        }
    }

    /// <summary>
    /// Whether every change reaches this cache. False drops every entry and reads each request from the database
    /// until set true again (a listener reconnecting may have missed notifications meanwhile).
    /// </summary>
    public void SetComplete(bool complete)
    {
        lock (_gate)
        {
            _generation++;
            _states.Clear();
            _complete = complete;
        }
    }

    /// <summary>Whether the cache is in use (every change reaches it).</summary>
    public bool IsComplete => _complete;
}
