using System.Security.Claims;
using FleetPool.Core.Bookings.Approvals;
using FleetPool.Web.Setup;

namespace FleetPool.Web.Api;

/// <summary>
/// <c>/api/approvals</c>: the queue of bookings waiting for a yes and the decisions (fleet managers; department leads for
/// their own department); <c>/api/approval-rules</c>: which bookings need one (fleet managers).
/// </summary>
internal static class ApprovalsApi
{
    public static RouteGroupBuilder MapApprovalsApi(this RouteGroupBuilder api)
    {
        var queue = api.MapGroup("/approvals").WithTags("Approvals").RequireAuthorization(Policies.Reports);
        queue.MapGet("/", async (ClaimsPrincipal user, ApprovalService approvals, CancellationToken ct) =>
                ApiResults.From(await approvals.QueueAsync(user.ToActor(), ct), TypedResults.Ok))
            .WithSummary("The bookings waiting for the caller's yes, soonest deadline first: who, what, when, which rules they meet. Fleet managers see all; a department lead those of their department.");
        queue.MapPost("/{bookingId:int}/approve", async (int bookingId, Decision? body, ClaimsPrincipal user, ApprovalService approvals, CancellationToken ct) =>
                ApiResults.From(await approvals.DecideAsync(user.ToActor(), bookingId, true, body?.Reason, ct), TypedResults.Ok))
            .WithSummary("Approves a pending booking: it becomes a reservation and the booker is told.");
        queue.MapPost("/{bookingId:int}/decline", async (int bookingId, Decision? body, ClaimsPrincipal user, ApprovalService approvals, CancellationToken ct) =>
                ApiResults.From(await approvals.DecideAsync(user.ToActor(), bookingId, false, body?.Reason, ct), TypedResults.Ok))
            .WithSummary("Declines a pending booking with a reason (required): the slot is freed and the booker is told why.");
        var rules = api.MapGroup("/approval-rules").WithTags("Approvals").RequireAuthorization(Policies.FleetManager);
        rules.MapGet("/", async (ClaimsPrincipal user, ApprovalService approvals, CancellationToken ct) =>
                ApiResults.From(await approvals.RulesAsync(user.ToActor(), ct), TypedResults.Ok))
            .WithSummary("The approval rules in force.");
        rules.MapPost("/", async (ApprovalRuleInput body, ClaimsPrincipal user, ApprovalService approvals, CancellationToken ct) =>
                ApiResults.From(await approvals.AddRuleAsync(user.ToActor(), body, ct), r => TypedResults.Created($"/api/approval-rules/{r.Id}", r)))
            .WithSummary("Adds a rule: longerThan (hours), vehicleKind (e.g. van), outsideHours (fromHour, toHour; weekends and holidays too), fossilWhileFossilFreeFree, or moreThanPerWeek (count); approver fleetManager or departmentLead.");
        rules.MapDelete("/{id:int}", async (int id, ClaimsPrincipal user, ApprovalService approvals, CancellationToken ct) =>
                ApiResults.From(await approvals.RemoveRuleAsync(user.ToActor(), id, ct), _ => TypedResults.NoContent()))
            .WithSummary("Removes a rule; bookings already waiting stay waiting.");
        return api;
    }

    /// <summary>A decision's note: required when declining.</summary>
    internal sealed record Decision(string? Reason);
}
