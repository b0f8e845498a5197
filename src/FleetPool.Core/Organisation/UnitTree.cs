namespace FleetPool.Core.Organisation;

/// <summary>
/// The organisation's units by id, for walking from a unit up to its board. Invariant: a walk ends (imports refuse
/// cycles) and stops at an id that is not a unit.
/// </summary>
public sealed class UnitTree(IEnumerable<OrgUnit> units)
{
    private readonly Dictionary<int, int?> _parents = units.ToDictionary(u => u.Id, u => u.ParentId);

    /// <summary>The unit itself, then its parent, up to the top (the board); empty for an unknown id.</summary>
    public IEnumerable<int> SelfAndAncestors(int unitId)
    {
        for (int? at = unitId; at is { } id && _parents.TryGetValue(id, out var parent); at = parent)
        {
            yield return id;
        }
    }

    /// <summary>The unit and every unit under it (a board: all its departments and theirs); empty for an unknown id.</summary>
    public IReadOnlySet<int> SelfAndDescendants(int unitId) => _parents.Keys.Where(k => SelfAndAncestors(k).Contains(unitId)).ToHashSet();

    /// <summary>The board (top unit) above a unit, or the unit itself when it is one; null for an unknown id.</summary>
    public int? BoardOf(int unitId) => SelfAndAncestors(unitId).Select(id => (int?)id).LastOrDefault();
}
