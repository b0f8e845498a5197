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
        group.MapGet("/me/data", async (ClaimsPrincipal user, PersonalDataExport export, CancellationToken ct) =>
                ApiResults.From(await export.ExportAsync(user.ToActor(), user.ToActor().UserId, ct), DataFile))
            .RequireAuthorization(Policies.Staff).Produces<PersonalData>()
            .WithSummary("Everything FleetPool holds about the caller (GDPR art. 15): profile, trips, series, waitlist places, approvals, damage reports, inbox and the audit trail's rows by them or about their account, as a JSON file. Audited.");
        group.MapGet("/{id:int}/data", async (int id, ClaimsPrincipal user, PersonalDataExport export, CancellationToken ct) =>
                ApiResults.From(await export.ExportAsync(user.ToActor(), id, ct), DataFile))
            .RequireAuthorization(Policies.Admin).Produces<PersonalData>()
            .WithSummary("The same export of one person's data, for a request made to an admin (GDPR art. 15). Audited with who asked.");
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

    /// <summary>The same exports for the pages (cookie): one's own, and an admin's for a person.</summary>
    public static RouteGroupBuilder MapPersonalDataFiles(this RouteGroupBuilder exports)
    {
        exports.MapGet("/me/data.json", async (ClaimsPrincipal user, PersonalDataExport export, CancellationToken ct) =>
            Download(await export.ExportAsync(user.ToActor(), user.ToActor().UserId, ct))).RequireAuthorization(Policies.Staff);
        exports.MapGet("/users/{Id:int}/data.json", async (int id, ClaimsPrincipal user, PersonalDataExport export, CancellationToken ct) =>
            Download(await export.ExportAsync(user.ToActor(), id, ct))).RequireAuthorization(Policies.Admin);
        return exports;
    }

    // Typed as a plain IResult, so the page routes carry no API metadata and a signed-out browser is sent to the login page.
#pragma warning disable CA1859 // the plain IResult is the point: no typed-union metadata on a page route
    private static IResult Download(Core.Common.Outcome<PersonalData> outcome) => ApiResults.From(outcome, DataFile);
#pragma warning restore CA1859

    // A JSON attachment named for the person and the day, so it is saved as a file rather than shown.
    internal static IResult DataFile(PersonalData data) => new AttachmentResult(TypedResults.Json(data),
        $"fleetpool-personal-data-{data.Profile.Id}-{data.ExportedAt.ToString("uuuu'-'MM'-'dd", System.Globalization.CultureInfo.InvariantCulture)}.json");

    private sealed class AttachmentResult(IResult inner, string fileName) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = fileName }.ToString();
            return inner.ExecuteAsync(http);
        }
    }
}
