using System.Security.Claims;
using FleetPool.Core.Organisation;
using FleetPool.Web.Setup;
using NodaTime;

namespace FleetPool.Web.Api;

/// <summary><c>/api/users</c>: account actions with rules (admins deactivate; fleet managers verify licences).</summary>
internal static class UsersApi
{
    public sealed record LicenceRequest(string? LicenceClasses, LocalDate? LicenceExpiresOn);

    /// <summary>How many coming reservations the deactivation cancelled.</summary>
    public sealed record Deactivated(int CancelledBookings);

    /// <summary>The verified licence's last valid day.</summary>
    public sealed record LicenceVerified(LocalDate LicenceExpiresOn);

    /// <summary>An account's department and roles (Staff always stays) and, optionally, a new password.</summary>
    public sealed record UserUpdate(int? DepartmentId, List<string>? Roles, string? NewPassword);

    /// <summary>The caller's calendar feed: the secret token and the address to subscribe to; both null until made.</summary>
    public sealed record CalendarLink(string? Token, string? FeedUrl);

    /// <summary>The e-mail topics turned off.</summary>
    public sealed record EmailChoice(List<Core.Notifications.EmailTopic>? Off);

    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Admin).Produces<IReadOnlyList<UserRow>>()
            .WithPaging(UserDirectory.MaxPageSize)
            .WithQuery<string>("search", $"Only accounts whose name or e-mail contains this, ignoring case (at most {UserDirectory.MaxSearchLength} characters).")
            .WithSummary($"The accounts by name with department, roles, active and licence state, a page at a time (pageSize at most {UserDirectory.MaxPageSize}); Link rel=next and X-Total-Count headers (admins).");
        group.MapPost("/", async (NewUser body, ClaimsPrincipal user, UserAdministration admin, CancellationToken ct) =>
                ApiResults.From(await admin.CreateAsync(user.ToActor(), body, ct), id => TypedResults.Created($"/api/users/{id}", new ApiResults.IdResult(id))))
            .RequireAuthorization(Policies.Admin).Produces<ApiResults.IdResult>(StatusCodes.Status201Created)
            .WithSummary("Creates an account {displayName, email, departmentId, roles, password}; Staff is always added (admins). 409 when the e-mail is taken.");
        group.MapPut("/{id:int}", async (int id, UserUpdate body, ClaimsPrincipal user, UserAdministration admin, CancellationToken ct) =>
                ApiResults.From(await admin.UpdateAsync(user.ToActor(), id, body.DepartmentId, body.Roles ?? [], body.NewPassword, ct), _ => TypedResults.NoContent()))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Sets an account's department and roles, and optionally a new password; open sessions must sign in again (admins).");
        group.MapGet("/me/calendar", async (HttpRequest request, IConfiguration config, ClaimsPrincipal user, Profiles profiles, CancellationToken ct) =>
                TypedResults.Ok(Link(request, config, (await profiles.GetAsync(user.ToActor(), ct)).CalendarToken)))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("The caller's calendar feed address (both null until made).");
        group.MapPost("/me/calendar/regenerate", async (HttpRequest request, IConfiguration config, ClaimsPrincipal user, Profiles profiles, CancellationToken ct) =>
                TypedResults.Ok(Link(request, config, await profiles.RegenerateCalendarTokenAsync(user.ToActor(), ct))))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Makes a new calendar feed address; the old one stops working at once.");
        group.MapPost("/{id:int}/deactivate", async (int id, ClaimsPrincipal user, UserAccounts accounts, CancellationToken ct) =>
            ApiResults.From(await accounts.DeactivateAsync(user.ToActor(), id, ct), n => TypedResults.Ok(new Deactivated(n))))
            .RequireAuthorization(Policies.Admin).Produces<Deactivated>();
        group.MapPost("/{id:int}/licence/verify", async (int id, LicenceRequest body, ClaimsPrincipal user, UserAccounts accounts, CancellationToken ct) =>
            ApiResults.From(await accounts.VerifyLicenceAsync(user.ToActor(), id, body.LicenceClasses, body.LicenceExpiresOn, ct),
                d => TypedResults.Ok(new LicenceVerified(d))))
            .RequireAuthorization(Policies.FleetManager).Produces<LicenceVerified>();
        group.MapGet("/me/cost-centers", async (ClaimsPrincipal user, Core.Organisation.OrganisationDirectory directory, CancellationToken ct) =>
                TypedResults.Ok(await directory.CostCentersAsync(user.ToActor(), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("The active cost centres the caller may charge a booking to, by code (their department's and its board's; fleet managers all).");
        group.MapGet("/me/email", async (ClaimsPrincipal user, Core.Organisation.Profiles profiles, CancellationToken ct) =>
                TypedResults.Ok(new EmailChoice((await profiles.GetAsync(user.ToActor(), ct)).EmailOff?.ToList() ?? [])))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("The e-mail topics the caller turned off (bookings, reminders, approvals, waitlist, fleet); the inbox always has everything.");
        group.MapPut("/me/email", async (EmailChoice body, ClaimsPrincipal user, Core.Organisation.Profiles profiles, CancellationToken ct) =>
                TypedResults.Ok(new EmailChoice([.. await profiles.SetEmailOffAsync(user.ToActor(), body.Off ?? [], ct)])))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Sets the e-mail topics the caller does not want {off: [bookings|reminders|approvals|waitlist|fleet]}.");
        return api;
    }

    private static CalendarLink Link(HttpRequest request, IConfiguration config, string? token) =>
        new(token, token is null ? null : PublicUrls.CalendarFeed(PublicUrls.For(request, config), token));

    private static async Task<IResult> ListAsync(HttpContext http, ClaimsPrincipal user, UserDirectory directory, CancellationToken ct)
    {
        var q = new QueryParser(http.Request);
        var (page, size) = q.Paging(UserDirectory.MaxPageSize, UserDirectory.MaxPageSize);
        var search = q.Text("search", UserDirectory.MaxSearchLength);
        if (!q.Errors.IsEmpty)
        {
            return ApiResults.Invalid(q.Errors);
        }
        var result = await directory.PageAsync(user.ToActor(), page, size, search, ct);
        return result.Problem is { } problem ? ApiResults.Problem(problem) : ApiResults.Paged(http, result.Value!);
    }
}
