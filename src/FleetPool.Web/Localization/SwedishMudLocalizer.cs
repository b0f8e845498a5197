using System.Collections.Frozen;
using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FleetPool.Web.Localization;

/// <summary>
/// MudBlazor's own texts (picker, number-field and close buttons, pagers) in Swedish, so a screen reader on a Swedish
/// page does not hear "Open" and "Increment". Other cultures, and keys not listed, fall back to MudBlazor's English.
/// </summary>
internal sealed class SwedishMudLocalizer : MudLocalizer
{
    private static readonly FrozenDictionary<string, string> Swedish = new Dictionary<string, string>
    {
        ["MudBaseDatePicker_Open"] = "Öppna kalendern",
        ["MudBaseDatePicker_NextMonth"] = "Nästa månad",
        ["MudBaseDatePicker_PrevMonth"] = "Föregående månad",
        ["MudBaseDatePicker_NextYear"] = "Nästa år",
        ["MudBaseDatePicker_PrevYear"] = "Föregående år",
        ["MudTimePicker_Open"] = "Öppna klockan",
        ["MudInput_Clear"] = "Rensa",
        ["MudInput_Increment"] = "Öka",
        ["MudInput_Decrement"] = "Minska",
        ["MudAlert_Close"] = "Stäng",
        ["MudChip_Close"] = "Ta bort",
        ["MudDialog_Close"] = "Stäng",
        ["MudSnackbar_Close"] = "Stäng",
        ["MudFormComponent_Required"] = "Obligatoriskt",
        ["MudSelect_SelectAll"] = "Välj alla",
        ["MudNavGroup_ToggleExpand"] = "Visa eller dölj",
        ["MudTable_Loading"] = "Laddar…",
        ["MudTablePager_FirstPage"] = "Första sidan",
        ["MudTablePager_LastPage"] = "Sista sidan",
        ["MudTablePager_NextPage"] = "Nästa sida",
        ["MudTablePager_PreviousPage"] = "Föregående sida",
        ["MudPagination_FirstPage"] = "Första sidan",
        ["MudPagination_LastPage"] = "Sista sidan",
        ["MudPagination_NextPage"] = "Nästa sida",
        ["MudPagination_PreviousPage"] = "Föregående sida",
        ["MudDataGridPager_RowsPerPage"] = "Rader per sida:",
        ["MudDataGridPager_InfoFormat"] = "{first_item}–{last_item} av {all_items}",
        ["MudDataGridPager_AllItems"] = "Alla",
        ["MudDataGridPager_FirstPage"] = "Första sidan",
        ["MudDataGridPager_LastPage"] = "Sista sidan",
        ["MudDataGridPager_NextPage"] = "Nästa sida",
        ["MudDataGridPager_PreviousPage"] = "Föregående sida",
        ["MudDateRangePicker_Start"] = "Från",
        ["MudDateRangePicker_End"] = "Till",
        ["MudBreadcrumbs_Label"] = "Sökväg",
        ["MudTable_SelectAllRows"] = "Markera alla rader",
        ["MudTable_SelectRow"] = "Markera raden",
        ["MudTabs_ScrollLeft"] = "Bläddra vänster",
        ["MudTabs_ScrollRight"] = "Bläddra höger",
        ["MudFileUpload_Button"] = "Välj fil",
        ["MudFileUpload_DragAndDrop"] = "Dra och släpp filer här",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public override LocalizedString this[string key] =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv" && Swedish.TryGetValue(key, out var text)
            ? new LocalizedString(key, text)
            : new LocalizedString(key, key, resourceNotFound: true);
}
