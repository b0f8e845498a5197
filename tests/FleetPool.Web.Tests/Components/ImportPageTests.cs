using Bunit;
using FleetPool.Core.Common;
using FleetPool.Web.Components.Pages.Admin;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;

namespace FleetPool.Web.Tests.Components;

public class ImportPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Import_BadThenGoodFile_ErrorsListedThenImported()
    {
        await using var ui = new UiContext(app, app.Ids.Admin, Roles.Admin);
        var cut = ui.Render<Import>();
        void Check(string csv)
        {
            cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "fordon.csv"));
            cut.WaitForAssertion(() => Assert.False(cut.FindAll("button").Single(b => b.TextContent.Contains("Kontrollera filen", StringComparison.Ordinal)).HasAttribute("disabled")));
            cut.FindAll("button").Single(b => b.TextContent.Contains("Kontrollera filen", StringComparison.Ordinal)).Click();
        }

        Check("kind;name;registration;site;department;fuel\nbil;Utan plats;UI 001;Atlantis;Hemtjänst;el\n");
        cut.WaitForAssertion(() => Assert.Contains("Inget har importerats", cut.Markup, StringComparison.Ordinal));
        var rows = cut.FindAll("tbody tr").Select(r => string.Join("|", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
        Assert.True(rows.Exists(r => r.StartsWith("2|site|", StringComparison.Ordinal)), string.Join(" / ", rows));

        Check("kind;name;registration;site;department;fuel\nbil;Med plats;UI 002;Nyckelskåp;Hemtjänst;el\n");
        cut.WaitForAssertion(() => Assert.Contains("Importera 1 rad", cut.Markup, StringComparison.Ordinal));
        cut.FindAll("button").Single(b => b.TextContent.Contains("Importera 1 rad", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => Assert.DoesNotContain("Importera 1 rad", cut.Markup, StringComparison.Ordinal));
        Assert.True(await app.QueryAsync(db => db.Vehicles.AnyAsync(v => v.Registration == "UI 002")));
        Assert.False(await app.QueryAsync(db => db.Vehicles.AnyAsync(v => v.Registration == "UI 001")));
    }
}
