using System.Security.Claims;
using FleetPool.Core.Organisation;
using FleetPool.Web.Setup;
using NodaTime;

namespace FleetPool.Web.Api;

/// <summary><c>/api/users</c>: account actions with rules (admins deactivate; fleet managers verify licences).</summary>
internal static class UsersApi
{
    public sealed record LicenceRequest(string? LicenceClasses, LocalDate? LicenceExpiresOn);

    /// <summary>The e-mail topics turned off.</summary>
    public sealed record EmailChoice(List<Core.Notifications.EmailTopic>? Off);

    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users");
        group.MapPost("/{id:int}/deactivate", async (int id, ClaimsPrincipal user, UserAccounts accounts, CancellationToken ct) =>
            ApiResults.From(await accounts.DeactivateAsync(user.ToActor(), id, ct), n => TypedResults.Ok(new { cancelledBookings = n })))
            .RequireAuthorization(Policies.Admin);
        group.MapPost("/{id:int}/licence/verify", async (int id, LicenceRequest body, ClaimsPrincipal user, UserAccounts accounts, CancellationToken ct) =>
            ApiResults.From(await accounts.VerifyLicenceAsync(user.ToActor(), id, body.LicenceClasses, body.LicenceExpiresOn, ct),
                d => TypedResults.Ok(new { licenceExpiresOn = d })))
            .RequireAuthorization(Policies.FleetManager);
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
}
