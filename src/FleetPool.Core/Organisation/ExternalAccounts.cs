using FleetPool.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace FleetPool.Core.Organisation;

/// <summary>
/// A person the organisation's identity provider vouched for: its name for the provider, the person's stable subject there
/// (Entra ID's <c>oid</c>, else <c>sub</c>), and what the provider says about them.
/// </summary>
public sealed record ExternalIdentity(string Provider, string Subject, string? Email, string? DisplayName, IReadOnlyCollection<string> Groups, string? Department);

/// <summary>
/// How provider sign-ins become accounts: whether unknown people get one (<see cref="CreateAccounts"/>, only members of
/// <see cref="AllowedGroups"/>), which provider groups (or app roles) give which FleetPool role, and which group puts a new
/// account in which department (by the department's name).
/// </summary>
public sealed record ExternalAccountPolicy(bool CreateAccounts, IReadOnlyCollection<string> AllowedGroups,
    IReadOnlyDictionary<string, string> GroupRoles, IReadOnlyDictionary<string, string> GroupDepartments)
{
    /// <summary>Accounts matched by e-mail or subject only; no roles from groups; no new accounts.</summary>
    public static readonly ExternalAccountPolicy MatchOnly = new(false, [], new Dictionary<string, string>(), new Dictionary<string, string>());
}

/// <summary>Why a provider sign-in gives no account.</summary>
public enum ExternalRefusal
{
    /// <summary>No account has this subject or e-mail, and none may be created.</summary>
    Unknown,
    /// <summary>The account is deactivated.</summary>
    Inactive,
    /// <summary>The e-mail's account is already bound to another subject of this provider (an address given to someone else).</summary>
    BoundToAnother,
    /// <summary>No account, and the person is in none of the groups allowed one.</summary>
    NotInAllowedGroup,
    /// <summary>No account, and neither a claim nor a group names a department FleetPool knows.</summary>
    NoDepartment,
}

/// <summary>The account a provider sign-in resolves to (and how), or why there is none.</summary>
public sealed record ExternalSignIn(AppUser? User, ExternalRefusal? Refused, bool Bound = false, bool Created = false);

/// <summary>
/// Turns a provider sign-in into a FleetPool account. Invariants: an account is bound to the provider's stable subject
/// through Identity's external logins, so a later change of e-mail at the provider finds the same account, and an e-mail
/// address alone never reaches an account already bound to another subject; a deactivated account is refused; roles named
/// in <see cref="ExternalAccountPolicy.GroupRoles"/> follow the provider's groups at every sign-in (added and removed, the
/// security stamp renewed so older sessions end), other roles are left as FleetPool has them; a new account is made only
/// when the policy allows, for a member of an allowed group with a known department, with Staff and the mapped roles and
/// no password.
/// </summary>
public sealed class ExternalAccounts(UserManager<AppUser> users, RoleManager<IdentityRole<int>> roles, OrganisationDirectory directory)
{
    /// <summary>Finds, binds or creates the account for <paramref name="identity"/> under <paramref name="policy"/>.</summary>
    public async Task<ExternalSignIn> SignInAsync(ExternalIdentity identity, ExternalAccountPolicy policy, CancellationToken ct = default)
    {
        if (await users.FindByLoginAsync(identity.Provider, identity.Subject) is { } bound)
        {
            return bound.IsActive ? new ExternalSignIn(await SyncRolesAsync(bound, identity, policy), null) : new ExternalSignIn(null, ExternalRefusal.Inactive);
        }
        var email = identity.Email?.Trim();
        if (email is { Length: > 0 } && await users.FindByEmailAsync(email) is { } byEmail)
        {
            if (!byEmail.IsActive)
            {
                return new ExternalSignIn(null, ExternalRefusal.Inactive);
            }
            if ((await users.GetLoginsAsync(byEmail)).Any(l => l.LoginProvider == identity.Provider))
            {
                return new ExternalSignIn(null, ExternalRefusal.BoundToAnother);
            }
            await users.AddLoginAsync(byEmail, new UserLoginInfo(identity.Provider, identity.Subject, identity.Provider));
            return new ExternalSignIn(await SyncRolesAsync(byEmail, identity, policy), null, Bound: true);
        }
        return await CreateAsync(identity, policy, email, ct);
    }

    private async Task<ExternalSignIn> CreateAsync(ExternalIdentity identity, ExternalAccountPolicy policy, string? email, CancellationToken ct)
    {
        if (!policy.CreateAccounts || email is not { Length: > 0 } || !System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            return new ExternalSignIn(null, ExternalRefusal.Unknown);
        }
        if (!identity.Groups.Any(policy.AllowedGroups.Contains))
        {
            return new ExternalSignIn(null, ExternalRefusal.NotInAllowedGroup);
        }
        var departments = await directory.DepartmentsAsync(ct);
        var wanted = new[] { identity.Department }.Concat(identity.Groups.Select(g => policy.GroupDepartments.GetValueOrDefault(g)));
        var department = wanted.Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => departments.FirstOrDefault(d => string.Equals(d.Name, n!.Trim(), StringComparison.OrdinalIgnoreCase)))
            .FirstOrDefault(d => d is not null);
        if (department is null)
        {
            return new ExternalSignIn(null, ExternalRefusal.NoDepartment);
        }
        await IdentityRoles.EnsureAsync(roles);
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DepartmentId = department.Id,
            DisplayName = string.IsNullOrWhiteSpace(identity.DisplayName) ? email : identity.DisplayName.Trim()[..Math.Min(200, identity.DisplayName.Trim().Length)],
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return new ExternalSignIn(null, ExternalRefusal.Unknown);
        }
        await users.AddToRoleAsync(user, Roles.Staff);
        await users.AddLoginAsync(user, new UserLoginInfo(identity.Provider, identity.Subject, identity.Provider));
        return new ExternalSignIn(await SyncRolesAsync(user, identity, policy), null, Created: true);
    }

    /// <summary>The mapped roles the groups give, added; the mapped roles they no longer give, removed; Staff always stays.</summary>
    private async Task<AppUser> SyncRolesAsync(AppUser user, ExternalIdentity identity, ExternalAccountPolicy policy)
    {
        if (policy.GroupRoles.Count == 0)
        {
            return user;
        }
        var owned = policy.GroupRoles.Values.Where(r => r != Roles.Staff).ToHashSet(StringComparer.Ordinal);
        var given = identity.Groups.Select(g => policy.GroupRoles.GetValueOrDefault(g)).OfType<string>().Where(owned.Contains).ToHashSet(StringComparer.Ordinal);
        var current = await users.GetRolesAsync(user);
        var add = given.Where(r => !current.Contains(r)).ToList();
        var remove = current.Where(r => owned.Contains(r) && !given.Contains(r)).ToList();
        if (add.Count + remove.Count == 0)
        {
            return user;
        }
        await IdentityRoles.EnsureAsync(roles);
        if (add.Count > 0)
        {
            await users.AddToRolesAsync(user, add);
        }
        if (remove.Count > 0)
        {
            await users.RemoveFromRolesAsync(user, remove);
        }
        await users.UpdateSecurityStampAsync(user); // sessions and tokens carry roles: older ones must sign in again
        return user;
    }
}
