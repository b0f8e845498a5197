using System.Security.Claims;
using FleetPool.Core.Organisation;
using FleetPool.Web.Setup;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FleetPool.Web.Api;

/// <summary>
/// <c>/api/auth</c>: e-mail and password for a bearer token (1 h) and a refresh token (14 days); refresh for a new pair
/// while the account is active and its sign-in not revoked; log out, which revokes every token and page sign-in of the
/// user. There is no public sign-up.
/// </summary>
internal static class AuthApi
{
    public sealed record LoginRequest(string? Email, string? Password);

    public sealed record RefreshRequest(string? RefreshToken);

    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/login", LoginAsync).AllowAnonymous().WithMetadata(new SignInAttemptAttribute()).Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>();
        auth.MapPost("/refresh", RefreshAsync).AllowAnonymous().WithMetadata(new SignInAttemptAttribute()).Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>();
        auth.MapPost("/logout", async (ClaimsPrincipal user, UserManager<AppUser> users) =>
        {
            if (await users.GetUserAsync(user) is { } me)
            {
                await users.UpdateSecurityStampAsync(me); // every token and cookie of the user stops at once
            }
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Staff);
        return api;
    }

    private static async Task<IResult> LoginAsync(LoginRequest body, HttpContext http, PasswordSignIn passwords, SignInManager<AppUser> signIn)
    {
        var errors = new Core.Common.FieldErrors().RequireText(body.Email, "email", 256).RequireText(body.Password, "password", 256);
        if (!errors.IsEmpty)
        {
            return ApiResults.Invalid(errors);
        }
        var (result, user, wait) = await passwords.CheckAsync(http, body.Email!, body.Password!);
        return result switch
        {
            PasswordSignInResult.Succeeded => await BearerFor(user!, signIn),
            PasswordSignInResult.Throttled => new Throttled(wait!.Value),
            _ => Refused("Wrong e-mail or password."),
        };
    }

    private static async Task<IResult> RefreshAsync(RefreshRequest body, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time,
        SignInManager<AppUser> signIn)
    {
        var errors = new Core.Common.FieldErrors().RequireText(body.RefreshToken, "refreshToken", 4096);
        if (!errors.IsEmpty)
        {
            return ApiResults.Invalid(errors);
        }
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(body.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { IsActive: true } user)
        {
            return Refused("The refresh token is not valid: sign in again.");
        }
        return await BearerFor(user, signIn);
    }

    private static async Task<IResult> BearerFor(AppUser user, SignInManager<AppUser> signIn)
    {
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static ProblemHttpResult Refused(string title) => TypedResults.Problem(title: title, statusCode: StatusCodes.Status401Unauthorized);

    private sealed class Throttled(TimeSpan wait) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => LoginThrottle.RefuseAsync(httpContext, wait);
    }
}
