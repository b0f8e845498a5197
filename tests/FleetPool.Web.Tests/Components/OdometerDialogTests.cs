using Bunit;
using FleetPool.Core.Common;
using FleetPool.Web.Components.Pages.Fleet;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FleetPool.Web.Tests.Components;

public class OdometerDialogTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Save_WithoutReasonThenWithReason_MessageOnReasonThenCorrectedDownwards()
    {
        var manager = Actor.Of(app.Ids.FleetManager, Roles.FleetManager);
        await using var ui = new UiContext(app, app.Ids.FleetManager);
        var provider = ui.Render<MudDialogProvider>();
        var parameters = new DialogParameters<OdometerDialog> { { d => d.Actor, manager }, { d => d.VehicleId, app.Ids.PetrolCar }, { d => d.Current, 1000 } };
        _ = provider.InvokeAsync(() => ui.Services.GetRequiredService<IDialogService>().ShowAsync<OdometerDialog>(null, parameters));
        provider.WaitForAssertion(() => Assert.Contains("Rätta mätarställning", provider.Markup, StringComparison.Ordinal));

        provider.FindAll("input")[0].Change("940");
        provider.FindAll("button").Single(b => b.TextContent.Contains("Spara", StringComparison.Ordinal)).Click();
        provider.WaitForAssertion(() => Assert.Contains("mud-input-error", provider.Markup, StringComparison.Ordinal));
        Assert.Equal(1000, await app.QueryAsync(db => db.Vehicles.Where(v => v.Id == app.Ids.PetrolCar).Select(v => v.LastOdometerKm).SingleAsync()));

        provider.FindAll("textarea")[0].Change("Felskrivet vid återlämning");
        provider.FindAll("button").Single(b => b.TextContent.Contains("Spara", StringComparison.Ordinal)).Click();
        provider.WaitForAssertion(() => Assert.DoesNotContain("Rätta mätarställning", provider.Markup, StringComparison.Ordinal));

        Assert.Equal(940, await app.QueryAsync(db => db.Vehicles.Where(v => v.Id == app.Ids.PetrolCar).Select(v => v.LastOdometerKm).SingleAsync()));
        Assert.Equal("Felskrivet vid återlämning", await app.QueryAsync(db => db.ReadingCorrections.Where(c => c.VehicleId == app.Ids.PetrolCar).Select(c => c.Reason).SingleAsync()));
    }
}
