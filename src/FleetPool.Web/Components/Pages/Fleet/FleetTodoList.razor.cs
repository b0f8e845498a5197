using FleetPool.Web.Components.Shared;
using FleetPool.Core.Common;
using FleetPool.Core.Fleet;
using FleetPool.Core.Fleet.Todo;
using FleetPool.Core.Fleet.Upkeep;
using FleetPool.Core.Organisation;
using FleetPool.Core.Time;
using FleetPool.Web.Components.Pages.Admin;
using FleetPool.Web.Setup;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using NodaTime;

namespace FleetPool.Web.Components.Pages.Fleet;

/// <summary>The fleet manager's to-do list (Core's <see cref="FleetTodo"/>); its one-click actions call the owning services.</summary>
public partial class FleetTodoList
{
    private FleetTodoView? _todo;
    private Actor _actor = default!;

    [Inject] private FleetTodo Todo { get; set; } = default!;
    [Inject] private UpkeepService Upkeep { get; set; } = default!;
    [Inject] private DamageReports Damage { get; set; } = default!;
    [Inject] private OrganisationTime Time { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _actor = (await AuthState).User.ToActor();
        await LoadAsync();
    }

    // Also after a row's action: the row calls a plain delegate, so this list re-renders only when it says so.
    private async Task LoadAsync()
    {
        _todo = (await Todo.ForAsync(_actor)).Value;
        StateHasChanged();
    }

    private string Local(Instant at) => Time.Format(at);

    private string DamageDetail(OpenDamage d) => string.Join(" · ", new[]
    {
        L[$"Damage.Severity.{d.Severity}"].Value, d.VehicleUsable ? null : L["Damage.NotUsable"].Value,
        d.InjuryAccident ? L["Todo.Injury"].Value : null, Local(d.ReportedAt),
    }.OfType<string>());

    private async Task DoneAsync(VehicleUpkeepItem item) =>
        await AfterAsync(await Upkeep.RecordDoneAsync(_actor, item.VehicleId, new UpkeepDone(item.Item.Kind)), L["Todo.Recorded", item.VehicleName]);

    private async Task ResolveAsync(int reportId) => await AfterAsync(await Damage.ResolveAsync(_actor, reportId), L["Todo.Resolved"]);

    private async Task VerifyAsync(LicenceToVerify licence)
    {
        var row = new UserRow(licence.UserId, licence.Name, "", null, null, [], true, licence.Classes, licence.ExpiresOn, false);
        var dialog = await Dialogs.ShowAsync<LicenceDialog>(null, new DialogParameters<LicenceDialog> { { d => d.User, row } },
            new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["Users.VerifiedDone"], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task AfterAsync<T>(Outcome<T> outcome, string success)
    {
        Snackbar.Tell(outcome, success);
        await LoadAsync();
    }
}
