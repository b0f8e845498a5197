namespace FleetPool.Core.Common;

/// <summary>The names of the four roles. Everyone may book; the others add rights on top.</summary>
public static class Roles
{
    /// <summary>Any employee: books, checks out and in, reports damage.</summary>
    public const string Staff = "Staff";
    /// <summary>Keeps the fleet register and sees every booking.</summary>
    public const string FleetManager = "FleetManager";
    /// <summary>Sees aggregates for their own department and board, never one person's trips.</summary>
    public const string DepartmentLead = "DepartmentLead";
    /// <summary>Users, roles, settings and imports; also everything a fleet manager may do.</summary>
    public const string Admin = "Admin";

    /// <summary>All roles, in the order they are shown.</summary>
    public static readonly IReadOnlyList<string> All = [Staff, FleetManager, DepartmentLead, Admin];
}

/// <summary>Who is calling a Core service. Invariant: <see cref="UserId"/> is an existing, active user.</summary>
public sealed record Actor(int UserId, IReadOnlySet<string> Roles)
{
    /// <summary>Fleet managers and admins manage the fleet and see every booking.</summary>
    public bool ManagesFleet => Roles.Contains(Common.Roles.FleetManager) || Roles.Contains(Common.Roles.Admin);

    /// <summary>Builds an actor from a user id and role names.</summary>
    public static Actor Of(int userId, params string[] roles) => new(userId, roles.ToHashSet(StringComparer.Ordinal));
}
