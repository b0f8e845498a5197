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

public class ChangeDialogTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Change_OntoTakenSlotThenFreeSlot_ConflictOnStartThenSaved()
    {
        var bookings = app.Services.GetRequiredService<BookingService>();
        var staff = Actor.Of(app.Ids.Staff, Roles.Staff);
        var nine = Instant.FromUtc(2026, 3, 24, 8, 0); // 09:00 local
        var mine = (await bookings.CreateAsync(staff, new BookingRequest(app.Ids.EBike, nine, nine + Duration.FromHours(1), "Möte", TestData.CostCenter, 3))).Value!;
        Assert.True((await bookings.CreateAsync(Actor.Of(app.Ids.FleetManager, Roles.FleetManager),
            new BookingRequest(app.Ids.EBike, nine + Duration.FromHours(3), nine + Duration.FromHours(4), "Annan", TestData.CostCenter, 3))).Succeeded);

        await using var ui = new UiContext(app, app.Ids.Staff);
        var provider = ui.Render<MudDialogProvider>();
        var parameters = new DialogParameters<ChangeDialog> { { d => d.Booking, mine } };
        _ = provider.InvokeAsync(() => ui.Services.GetRequiredService<IDialogService>().ShowAsync<ChangeDialog>(null, parameters));
        provider.WaitForAssertion(() => Assert.Contains("Ändra Elcykel 1", provider.Markup, StringComparison.Ordinal));

        void Save(string start, string end)
        {
            var inputs = provider.FindAll("input");
            inputs[2].Change(start); // pick-up time (after the vehicle and the date)
            provider.FindAll("input")[4].Change(end); // return time
            provider.FindAll("button").Single(b => b.TextContent.Contains("Spara", StringComparison.Ordinal)).Click();
        }

        Save("12:30", "13:30");
        provider.WaitForAssertion(() => Assert.Contains("är redan bokad", provider.Markup, StringComparison.Ordinal));
        Save("14:30", "15:30");
        provider.WaitForAssertion(() => Assert.DoesNotContain("Ändra Elcykel 1", provider.Markup, StringComparison.Ordinal));
        var stored = await app.QueryAsync(db => db.Bookings.SingleAsync(b => b.Id == mine.Id));
        Assert.Equal(nine + Duration.FromMinutes(330), stored.Start);
    }

    [Fact]
    public async Task Change_ToAnotherFreeVehicle_ListedAndMoved()
    {
        var bookings = app.Services.GetRequiredService<BookingService>();
        var staff = Actor.Of(app.Ids.Staff, Roles.Staff);
        var ten = Instant.FromUtc(2026, 3, 25, 9, 0);
        var mine = (await bookings.CreateAsync(staff, new BookingRequest(app.Ids.EBike, ten, ten + Duration.FromHours(1), "Möte", TestData.CostCenter, 3))).Value!;

        await using var ui = new UiContext(app, app.Ids.Staff);
        var provider = ui.Render<MudDialogProvider>();
        var parameters = new DialogParameters<ChangeDialog> { { d => d.Booking, mine } };
        _ = provider.InvokeAsync(() => ui.Services.GetRequiredService<IDialogService>().ShowAsync<ChangeDialog>(null, parameters));
        provider.WaitForAssertion(() => Assert.Contains("Ändra Elcykel 1", provider.Markup, StringComparison.Ordinal));
        var select = provider.FindComponent<MudSelect<int>>();
        var offered = select.FindComponents<MudSelectItem<int>>().Select(i => i.Instance.Value).ToList();
        Assert.Contains(app.Ids.Bike, offered);
        Assert.DoesNotContain(app.Ids.MaintenanceCar, offered);

        await provider.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(app.Ids.Bike));
        provider.FindAll("button").Single(b => b.TextContent.Contains("Spara", StringComparison.Ordinal)).Click();
        provider.WaitForAssertion(() => Assert.DoesNotContain("Ändra Elcykel 1", provider.Markup, StringComparison.Ordinal));
        var stored = await app.QueryAsync(db => db.Bookings.SingleAsync(b => b.Id == mine.Id));
        Assert.Equal((app.Ids.Bike, ten), (stored.VehicleId, stored.Start));
    }

    [Fact]
    public async Task Change_BikeToCarForShortTrip_AsksWhyThenMovesWithTheReason()
    {
        var staff = Actor.Of(app.Ids.Staff, Roles.Staff);
        var eleven = Instant.FromUtc(2026, 3, 26, 10, 0);
        var mine = (await app.Services.GetRequiredService<BookingService>().CreateAsync(staff,
            new BookingRequest(app.Ids.EBike, eleven, eleven + Duration.FromHours(1), "Möte", TestData.CostCenter, 3))).Value!;

        await using var ui = new UiContext(app, app.Ids.Staff);
        var provider = ui.Render<MudDialogProvider>();
        var parameters = new DialogParameters<ChangeDialog> { { d => d.Booking, mine } };
        _ = provider.InvokeAsync(() => ui.Services.GetRequiredService<IDialogService>().ShowAsync<ChangeDialog>(null, parameters));
        provider.WaitForAssertion(() => Assert.Contains("Ändra Elcykel 1", provider.Markup, StringComparison.Ordinal));
        var select = provider.FindComponent<MudSelect<int>>();
        await provider.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(app.Ids.ElectricCar));
        provider.FindAll("button").Single(b => b.TextContent.Contains("Spara", StringComparison.Ordinal)).Click();

        provider.WaitForAssertion(() => Assert.Contains("Varför behövs bil?", provider.Markup, StringComparison.Ordinal));
        provider.FindAll(".mud-radio").Single(l => l.TextContent.Contains("Väder", StringComparison.Ordinal)).QuerySelector("input")!.Click();
        provider.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Boka").Click();

        provider.WaitForAssertion(() => Assert.DoesNotContain("Ändra Elcykel 1", provider.Markup, StringComparison.Ordinal));
        var stored = await app.QueryAsync(db => db.Bookings.SingleAsync(b => b.Id == mine.Id));
        Assert.Equal((app.Ids.ElectricCar, "weather"), (stored.VehicleId, stored.CarReason));
    }
}
