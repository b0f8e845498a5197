using FleetPool.Core.Bookings;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;

namespace FleetPool.Web.Api;

/// <summary>
/// <c>GET /api/calendar/{token}.ics</c>: a user's bookings as an iCal feed that Outlook and Google Calendar subscribe
/// to. The token is the only credential; event UIDs are stable, so a changed booking updates its entry, and a
/// cancelled one stays as CANCELLED so calendars remove it.
/// </summary>
internal static class CalendarApi
{
    public static RouteGroupBuilder MapCalendarApi(this RouteGroupBuilder api)
    {
        api.MapGet("/calendar/{token}.ics", FeedAsync).AllowAnonymous().WithTags("Calendar").Produces<string>(StatusCodes.Status200OK, "text/calendar");
        return api;
    }

    private static async Task<IResult> FeedAsync(string token, CalendarFeed feed, IClock clock, HttpResponse response, CancellationToken ct)
    {
        var outcome = await feed.EntriesAsync(token, ct);
        if (outcome.Problem is { } problem)
        {
            return ApiResults.From(problem);
        }
        var stamp = new CalDateTime(clock.GetCurrentInstant().ToDateTimeUtc());
        var calendar = new Calendar { ProductId = "-//FleetPool//Bookings//SV" };
        calendar.AddProperty("X-WR-CALNAME", "FleetPool");
        foreach (var e in outcome.Value!)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"booking-{e.BookingId}@fleetpool",
                Summary = $"{e.VehicleName}: {e.Purpose}",
                Location = string.IsNullOrEmpty(e.SiteAddress) ? e.Site : $"{e.Site}, {e.SiteAddress}",
                Description = e.PickUpInstructions, // never the key code: a feed link lives long and travels
                DtStart = new CalDateTime(e.Start.ToDateTimeUtc()),
                DtEnd = new CalDateTime(e.End.ToDateTimeUtc()),
                DtStamp = stamp,
                Status = e.Cancelled ? EventStatus.Cancelled : e.Tentative ? EventStatus.Tentative : EventStatus.Confirmed,
            });
        }
        response.Headers.CacheControl = "private, max-age=300";
        return Results.Text(new CalendarSerializer().SerializeToString(calendar), "text/calendar; charset=utf-8");
    }
}
