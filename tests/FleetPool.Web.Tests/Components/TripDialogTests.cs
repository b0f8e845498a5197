using Bunit;
using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Web.Components.Pages.Bookings;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using NodaTime;

namespace FleetPool.Web.Tests.Components;

public class TripDialogTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task CheckIn_MissingThenLowThenGoodOdometer_MessagesOnFieldThenReturned()
    {
        var actor = Actor.Of(app.Ids.Staff, Roles.Staff);
        var start = Instant.FromUtc(2026, 3, 17, 8, 0);
        var booked = await app.Services.GetRequiredService<BookingService>().CreateAsync(actor,
            new BookingRequest(app.Ids.ElectricCar, start, start + Duration.FromHours(2), "Hembesök", TestData.CostCenter, 12));
        app.Clock.Reset(start);
        try
        {
            var lifecycle = app.Services.GetRequiredService<BookingLifecycle>();
            var running = (await lifecycle.CheckOutAsync(actor, booked.Value!.Id, new TripReadings(1000, BatteryPercent: 90))).Value!;
            await using var ui = new UiContext(app, app.Ids.Staff);
            var provider = ui.Render<MudDialogProvider>();
            var parameters = new DialogParameters<TripDialog> { { d => d.Booking, running }, { d => d.CheckIn, true } };
            _ = provider.InvokeAsync(() => ui.Services.GetRequiredService<IDialogService>().ShowAsync<TripDialog>(null, parameters));
            provider.WaitForAssertion(() => Assert.Contains("Lämna tillbaka Kia e-Niro", provider.Markup, StringComparison.Ordinal));

            void Save(string? odometer)
            {
                if (odometer is not null)
                {
                    provider.FindAll("input")[0].Change(odometer);
                }
                provider.FindAll("input")[1].Change("40");
                provider.FindAll("button").Single(b => b.TextContent.Contains("Spara", StringComparison.Ordinal)).Click();
            }

            Save(null);
            provider.WaitForAssertion(() => Assert.Contains("den krävs för bilar och transportbilar", provider.Markup, StringComparison.Ordinal));
            Save("900");
            provider.WaitForAssertion(() => Assert.Contains("lägre än senaste avläsningen, 1000 km", provider.Markup, StringComparison.Ordinal));
            app.Clock.Reset(start + Duration.FromHours(1)); // an hour out: 42 km is a plausible trip
            Save("1042");
            provider.WaitForAssertion(() => Assert.DoesNotContain("Lämna tillbaka Kia e-Niro", provider.Markup, StringComparison.Ordinal));

            var stored = await app.QueryAsync(db => db.Bookings.SingleAsync(b => b.Id == running.Id));
            Assert.Equal((BookingStatus.Returned, 1042, 40), (stored.Status, stored.OdometerInKm!.Value, stored.BatteryInPercent!.Value));
        }
        finally
        {
            app.Clock.Reset(FleetPoolFactory.Monday8);
        }
    }
}
