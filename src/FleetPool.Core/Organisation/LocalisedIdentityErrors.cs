using FleetPool.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace FleetPool.Core.Organisation;

/// <summary>Identity's account and password messages in the current UI culture (Swedish in the app, English in the API).</summary>
public sealed class LocalisedIdentityErrors : IdentityErrorDescriber
{
    /// <inheritdoc />
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), Text.Get("Identity.PasswordTooShort", length));
    /// <inheritdoc />
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), Text.Get("Identity.PasswordRequiresNonAlphanumeric"));
    /// <inheritdoc />
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), Text.Get("Identity.PasswordRequiresDigit"));
    /// <inheritdoc />
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), Text.Get("Identity.PasswordRequiresLower"));
    /// <inheritdoc />
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), Text.Get("Identity.PasswordRequiresUpper"));
    /// <inheritdoc />
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), Text.Get("EmailInvalid"));
    /// <inheritdoc />
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), Text.Get("EmailTaken"));
    /// <inheritdoc />
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), Text.Get("EmailTaken"));

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
