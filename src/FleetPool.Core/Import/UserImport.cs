using System.Net.Mail;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Import;

/// <summary>
/// User lines: e-mail (unique), name, department (by name) and roles (separated by spaces, '|' or '+'; Staff is always
/// given). Accounts are created without a password: people sign in with the organisation's login (OpenID Connect,
/// matched by e-mail) or an admin sets a password.
/// </summary>
internal sealed class UserImport(ILookupNormalizer normalizer) : ImportTarget<AppUser>
{
    public static readonly IReadOnlyList<string> Header = ["email", "name", "department", "roles"];

    private static readonly Dictionary<string, string> RoleNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["staff"] = Roles.Staff, ["personal"] = Roles.Staff, ["medarbetare"] = Roles.Staff,
        ["fleetmanager"] = Roles.FleetManager, ["fordonsansvarig"] = Roles.FleetManager,
        ["departmentlead"] = Roles.DepartmentLead, ["avdelningschef"] = Roles.DepartmentLead, ["chef"] = Roles.DepartmentLead,
        ["admin"] = Roles.Admin, ["administratör"] = Roles.Admin,
    };

    private HashSet<string> _emails = [];
    private Dictionary<string, int> _departments = [];
    private readonly Dictionary<AppUser, IReadOnlyList<string>> _roles = [];

    public override IReadOnlyList<string> Columns => Header;

    public override async Task LoadAsync(FleetPoolDb db, CancellationToken ct)
    {
        _emails = (await db.Users.Select(u => u.NormalizedEmail!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        _departments = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.Department)
            .ToDictionaryAsync(u => u.Name, u => u.Id, StringComparer.OrdinalIgnoreCase, ct);
    }

    public override AppUser? Read(ImportRow row, Instant now)
    {
        var (email, name) = (row.Required("email"), row.Required("name"));
        var department = row.Named("department", _departments, "ImportNoDepartmentName");
        var errors = new FieldErrors().OptionalText(email, "email", 256).OptionalText(name, "name", 200);
        errors.AddIf(email is not null && !MailAddress.TryCreate(email, out _), "email", Text.Get("EmailInvalid"));
        errors.AddIf(email is not null && !_emails.Add(normalizer.NormalizeEmail(email)), "email", Text.Get("EmailTaken"));
        var roleWords = (row.Text("roles") ?? "").Split([' ', '|', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = roleWords.Where(w => !RoleNames.ContainsKey(w)).ToList();
        errors.AddIf(unknown.Count > 0, "roles", Text.Get("ImportUnknown", string.Join(" ", unknown)));
        row.AddValidation(errors);
        if (row.Errors.Count > 0)
        {
            return null;
        }
        var user = new AppUser
        {
            UserName = email, NormalizedUserName = normalizer.NormalizeName(email), Email = email, NormalizedEmail = normalizer.NormalizeEmail(email),
            EmailConfirmed = true, DisplayName = name!, DepartmentId = department, SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
        };
        _roles[user] = roleWords.Select(w => RoleNames[w]).Append(Roles.Staff).Distinct(StringComparer.Ordinal).ToList();
        return user;
    }

    public override async Task AddAsync(FleetPoolDb db, IReadOnlyList<AppUser> items, CancellationToken ct)
    {
        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, StringComparer.Ordinal, ct);
        foreach (var missing in Roles.All.Where(r => !roleIds.ContainsKey(r)))
        {
            var role = new IdentityRole<int>(missing) { NormalizedName = normalizer.NormalizeName(missing) };
            db.Roles.Add(role);
            await db.SaveChangesAsync(ct);
            roleIds[missing] = role.Id;
        }
        db.Users.AddRange(items);
        await db.SaveChangesAsync(ct);
        db.UserRoles.AddRange(items.SelectMany(u => _roles[u].Select(r => new IdentityUserRole<int> { UserId = u.Id, RoleId = roleIds[r] })));
    }
}
