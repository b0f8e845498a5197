using System.Net.Mail;
using FleetPool.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace FleetPool.Core.Organisation;

/// <summary>A new account as an admin enters it.</summary>
public sealed record NewUser(string? DisplayName, string? Email, int? DepartmentId, IReadOnlyList<string>? Roles, string? Password);

/// <summary>
/// Creates accounts (there is no public sign-up). Invariants: only admins create users, except the first admin,
/// which only the command line creates and only while no admin exists; every user has the Staff role; e-mail is unique.
/// </summary>
public sealed class UserAdministration(UserManager<AppUser> users, RoleManager<IdentityRole<int>> roles, OrganisationDirectory directory)
{
    /// <summary>Creates a user with the given roles (Staff is always added).</summary>
    public async Task<Outcome<int>> CreateAsync(Actor actor, NewUser input, CancellationToken ct = default) =>
        actor.Roles.Contains(Common.Roles.Admin) ? await CreateCoreAsync(input, ct) : Problem.Forbidden();

    /// <summary>Creates the first admin (command line only); refused once any admin exists.</summary>
    public async Task<Outcome<int>> CreateFirstAdminAsync(string? displayName, string? email, string? password, CancellationToken ct = default)
    {
        await IdentityRoles.EnsureAsync(roles);
        if ((await users.GetUsersInRoleAsync(Common.Roles.Admin)).Count > 0)
        {
            return Problem.Refused("email", Text.Get("AdminExists"));
        }
        return await CreateCoreAsync(new NewUser(displayName, email, null, [Common.Roles.Admin], password), ct);
    }

    /// <summary>
    /// Sets an existing user's department and roles (Staff always stays) and, when <paramref name="newPassword"/> is
    /// given, replaces the password (imported accounts have none). Everything is checked before anything is written.
    /// Changing roles or password renews the security stamp, so open sessions and tokens must sign in again.
    /// </summary>
    public async Task<Outcome<int>> UpdateAsync(Actor actor, int userId, int? departmentId, IReadOnlyList<string> wantedRoles,
        string? newPassword = null, CancellationToken ct = default)
    {
        if (!actor.Roles.Contains(Common.Roles.Admin))
        {
            return Problem.Forbidden();
        }
        var errors = new FieldErrors()
            .AddIf(wantedRoles.Any(r => !Common.Roles.All.Contains(r)), "roles", Text.Get("OneOf", string.Join(", ", Common.Roles.All)))
            .AddIf(userId == actor.UserId && !wantedRoles.Contains(Common.Roles.Admin), "roles", Text.Get("KeepOwnAdmin"));
        errors.AddIf(departmentId is { } d && (await directory.DepartmentsAsync(ct)).All(x => x.Id != d), "departmentId", Text.Get("NoDepartment"));
        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }
        var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null)
        {
            return Problem.NotFound("User");
        }
        if (!string.IsNullOrEmpty(newPassword))
        {
            foreach (var validator in users.PasswordValidators)
            {
                foreach (var error in (await validator.ValidateAsync(users, user, newPassword)).Errors)
                {
                    errors.Add("password", error.Description);
                }
            }
            if (!errors.IsEmpty)
            {
                return Problem.Invalid(errors);
            }
            await users.RemovePasswordAsync(user);
            await users.AddPasswordAsync(user, newPassword);
        }
        user.DepartmentId = departmentId;
        await users.UpdateAsync(user);
        var current = await users.GetRolesAsync(user);
        var target = wantedRoles.Append(Common.Roles.Staff).ToHashSet(StringComparer.Ordinal);
        var remove = current.Where(r => !target.Contains(r)).ToList();
        var add = target.Where(r => !current.Contains(r)).ToList();
        if (remove.Count > 0)
        {
            await users.RemoveFromRolesAsync(user, remove);
        }
        if (add.Count > 0)
        {
            await users.AddToRolesAsync(user, add);
        }
        if (remove.Count + add.Count > 0 || !string.IsNullOrEmpty(newPassword))
        {
            // Identity leaves the stamp alone on role changes; tokens carry role claims, so they must be revoked.
            await users.UpdateSecurityStampAsync(user);
        }
        return user.Id;
    }

    private async Task<Outcome<int>> CreateCoreAsync(NewUser input, CancellationToken ct)
    {
        var errors = new FieldErrors().RequireText(input.DisplayName, "displayName", 200).RequireText(input.Email, "email", 256);
        errors.AddIf(input.Email is { Length: > 0 } e && !MailAddress.TryCreate(e.Trim(), out _), "email", Text.Get("EmailInvalid"));
        errors.AddIf((input.Roles ?? []).Any(r => !Common.Roles.All.Contains(r)), "roles", Text.Get("OneOf", string.Join(", ", Common.Roles.All)));
        errors.AddIf(input.DepartmentId is { } d && (await directory.DepartmentsAsync(ct)).All(x => x.Id != d), "departmentId", Text.Get("NoDepartment"));
        errors.RequireText(input.Password, "password", 256);
        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }
        await IdentityRoles.EnsureAsync(roles);
        var email = input.Email!.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return new Problem(ProblemKind.Conflict, Text.Get("EmailTaken"), new Dictionary<string, string[]> { ["email"] = [Text.Get("EmailTaken")] });
        }
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = input.DisplayName!.Trim(), DepartmentId = input.DepartmentId };
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            var problems = new FieldErrors();
            foreach (var error in created.Errors)
            {
                problems.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email", error.Description);
            }
            return Problem.Invalid(problems);
        }
        await users.AddToRolesAsync(user, (input.Roles ?? []).Append(Common.Roles.Staff).Distinct(StringComparer.Ordinal));
        return user.Id;
    }
}
