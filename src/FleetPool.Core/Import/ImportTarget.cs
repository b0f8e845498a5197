using FleetPool.Core.Data;
using NodaTime;

namespace FleetPool.Core.Import;

/// <summary>
/// What one kind of import knows: the columns, how to read a line into a new entity, checks across lines, and how to
/// add the entities. A new instance serves one run, so it may keep the lookups it loads.
/// </summary>
internal abstract class ImportTarget<T> where T : class
{
    /// <summary>The header, in the order written in the template.</summary>
    public abstract IReadOnlyList<string> Columns { get; }

    /// <summary>Loads what the lines are checked against (names, codes).</summary>
    public abstract Task LoadAsync(FleetPoolDb db, CancellationToken ct);

    /// <summary>Reads one line; returns null when the line has errors.</summary>
    public abstract T? Read(ImportRow row, Instant now);

    /// <summary>Checks that need every line (references between lines); records errors on the rows.</summary>
    public virtual void CheckAll(IReadOnlyList<(ImportRow Row, T Item)> lines)
    {
    }

    /// <summary>Adds the entities inside the open transaction (saving is the caller's, once more after this).</summary>
    public virtual Task AddAsync(FleetPoolDb db, IReadOnlyList<T> items, CancellationToken ct)
    {
        db.AddRange(items);
        return Task.CompletedTask;
    }
}
