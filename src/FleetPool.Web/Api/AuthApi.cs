using Microsoft.AspNetCore.Http.HttpResults;
using FleetPool.Core.Organisation;
using Microsoft.AspNetCore.Identity;

namespace FleetPool.Web.Api;

/// <summary><c>POST /api/auth/login</c>: e-mail and password for a bearer token. There is no public sign-up.</summary>
internal static class AuthApi
{
    public sealed record LoginRequest(string? Email, string? Password);

    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", LoginAsync).AllowAnonymous().WithTags("Auth");
        return api;
    }

    private static async Task<IResult> LoginAsync(LoginRequest body, UserManager<AppUser> users, SignInManager<AppUser> signIn)
    {
        var errors = new Core.Common.FieldErrors().RequireText(body.Email, "email", 256).RequireText(body.Password, "password", 256);
        if (!errors.IsEmpty)
        {
            return ApiResults.Invalid(errors);
        }
        var user = await users.FindByEmailAsync(body.Email!.Trim());
        if (user is null || !user.IsActive)
        {
            return Refused("Wrong e-mail or password.");
        }
        var result = await signIn.CheckPasswordSignInAsync(user, body.Password!, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            return Refused(result.IsLockedOut ? "Too many failed attempts: the account is locked for 15 minutes." : "Wrong e-mail or password.");
        }
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static ProblemHttpResult Refused(string title) => TypedResults.Problem(title: title, statusCode: StatusCodes.Status401Unauthorized);
}
