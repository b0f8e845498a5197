namespace FleetPool.Core.Common;

/// <summary>One page of a list. Invariant: <see cref="Number"/> ≥ 1 and <see cref="Items"/> holds at most <see cref="Size"/> rows.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Number, int Size, int Total)
{
    /// <summary>True when a later page has rows.</summary>
    public bool HasNext => Number * Size < Total;
}
