namespace FleetPool.Core.Common;

/// <summary>One page of a list. Invariant: <see cref="Number"/> ≥ 1 and <see cref="Items"/> holds at most <see cref="Size"/> rows.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Number, int Size, int Total)
{
    /// <summary>True when a later page has rows (in 64 bits: page 2,147,483,647 of 50 rows is past every list, not negative).</summary>
    public bool HasNext => (long)Number * Size < Total;
}

/// <summary>Where a page starts.</summary>
public static class Paging
{
    /// <summary>The rows before page <paramref name="page"/> (from 1) of <paramref name="size"/> rows; never negative, even for an absurd page.</summary>
    public static int Offset(int page, int size) => (int)Math.Clamp((Math.Max(page, 1) - 1L) * Math.Max(size, 0), 0, int.MaxValue);
}
