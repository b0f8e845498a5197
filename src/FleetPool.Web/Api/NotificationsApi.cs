using System.Security.Claims;
using FleetPool.Core.Notifications;
using FleetPool.Web.Setup;

namespace FleetPool.Web.Api;

/// <summary><c>/api/notifications</c>: the signed-in user's inbox.</summary>
internal static class NotificationsApi
{
    /// <summary>The newest 100 messages and how many are unread.</summary>
    public sealed record InboxView(int Unread, IReadOnlyList<NotificationView> Items);

    /// <summary>How many messages were marked read.</summary>
    public sealed record MarkedRead(int Marked);

    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization(Policies.Staff);
        group.MapGet("/", async (ClaimsPrincipal user, Inbox inbox, CancellationToken ct) =>
        {
            var (items, unread) = await inbox.ListAsync(user.ToActor(), ct);
            return TypedResults.Ok(new InboxView(unread, items));
        });
        group.MapPost("/read", async (ClaimsPrincipal user, Inbox inbox, CancellationToken ct) =>
            TypedResults.Ok(new MarkedRead(await inbox.MarkAllReadAsync(user.ToActor(), ct))));
        return api;
    }
}
