using System.Globalization;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FleetPool.Web.Components.Pages.Fleet;

/// <summary>The fleet register for fleet managers: filter by site, kind, status and fossil independence; sort any column.</summary>
public partial class FleetList
{
    private IReadOnlyList<VehicleView>? _vehicles;
    private IReadOnlyList<SiteSummary> _sites = [];
    private string? _search;
    private int? _site;
    private VehicleKind? _kind;
    private VehicleStatus? _status;
    private bool? _fossilFree;

    [Inject] private VehicleService Fleet { get; set; } = default!;
    [Inject] private OrganisationDirectory Directory { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _sites = await Directory.SitesAsync();
        _vehicles = await Fleet.ListAsync(null, null);
    }

    private string SiteName(int id) => _sites.FirstOrDefault(s => s.Id == id)?.Name ?? "";

    private bool Matches(VehicleView v) =>
        (_site is null || v.SiteId == _site) && (_kind is null || v.Kind == _kind) && (_status is null || v.Status == _status)
        && (_fossilFree is null || v.FossilIndependent == _fossilFree)
        && (string.IsNullOrWhiteSpace(_search) || v.Name.Contains(_search, StringComparison.CurrentCultureIgnoreCase)
            || (v.Registration ?? "").Contains(_search.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)
            || (v.Registration ?? "").Contains(_search, StringComparison.OrdinalIgnoreCase));

    private string Summary
    {
        get
        {
            var shown = _vehicles!.Count(Matches);
            var motor = _vehicles!.Where(v => v.Kind.IsMotorVehicle() && v.Status != VehicleStatus.Retired).ToList();
            var share = motor.Count == 0 ? 0 : 100.0 * motor.Count(v => v.FossilIndependent) / motor.Count;
            return L["Fleet.Count", shown, _vehicles!.Count, share.ToString("0", CultureInfo.CurrentCulture)];
        }
    }

    private async Task AddAsync()
    {
        var dialog = await Dialogs.ShowAsync<VehicleFormDialog>((string?)null, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: VehicleView created })
        {
            Navigation.NavigateTo($"fleet/{created.Id}");
        }
    }
}
