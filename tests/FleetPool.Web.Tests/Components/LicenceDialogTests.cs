using Bunit;
using FleetPool.Core.Common;
using FleetPool.Core.Organisation;
using FleetPool.Web.Components.Pages.Admin;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using NodaTime;

namespace FleetPool.Web.Tests.Components;

public class LicenceDialogTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Verify_EmptyThenCorrectedCard_FieldMessagesThenSavedAsVerified()
    {
        await using var ui = new UiContext(app, app.Ids.FleetManager, Roles.FleetManager);
        var provider = ui.Render<MudDialogProvider>();
        var user = new UserRow(app.Ids.Unlicensed, "Utan Körkort", TestData.Unlicensed, app.Ids.Department, "Hemtjänst", [Roles.Staff], true, null, null, false);
        var parameters = new DialogParameters<LicenceDialog> { { d => d.User, user } };
        _ = provider.InvokeAsync(() => ui.Services.GetRequiredService<IDialogService>().ShowAsync<LicenceDialog>(null, parameters));
        provider.WaitForAssertion(() => Assert.Contains("Utan Körkort", provider.Markup, StringComparison.Ordinal));
        void Verify() => provider.FindAll("button").Single(b => b.TextContent.Contains("Kontrollera körkort", StringComparison.Ordinal)).Click();

        Verify();
        provider.WaitForAssertion(() => Assert.Equal(2, provider.FindAll(".mud-input-helper-text.mud-input-error").Count));

        provider.FindAll("input")[0].Change("am b");
        provider.FindAll("input")[1].Change("2031-05-31");
        Verify();
        provider.WaitForAssertion(() => Assert.DoesNotContain("Utan Körkort", provider.Markup, StringComparison.Ordinal));
        var stored = await app.QueryAsync(db => db.Users.SingleAsync(u => u.Id == app.Ids.Unlicensed));
        Assert.Equal(("AM B", new LocalDate(2031, 5, 31), app.Ids.FleetManager), (stored.LicenceClasses, stored.LicenceExpiresOn!.Value, stored.LicenceVerifiedById!.Value));
        Assert.NotNull(stored.LicenceVerifiedAt);
    }
}
