using System.Security.Claims;
using FleetPool.Core.Notifications;
using FleetPool.Web.Setup;

namespace FleetPool.Web.Api;

/// <summary><c>/api/notifications</c>: the signed-in user's inbox.</summary>
internal static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization(Policies.Staff);
        group.MapGet("/", async (ClaimsPrincipal user, Inbox inbox, CancellationToken ct) =>
        {
            var (items, unread) = await inbox.ListAsync(user.ToActor(), ct);
            return TypedResults.Ok(new { unread, items });
        });
        group.MapPost("/read", async (ClaimsPrincipal user, Inbox inbox, CancellationToken ct) =>
            TypedResults.Ok(new { marked = await inbox.MarkAllReadAsync(user.ToActor(), ct) }));
        return api;
    }
}
