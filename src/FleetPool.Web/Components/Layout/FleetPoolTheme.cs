using MudBlazor;

namespace FleetPool.Web.Components.Layout;

/// <summary>A calm municipal palette: deep blue with a green accent, contrast at least 4.5:1 against white (WCAG AA).</summary>
public static class FleetPoolTheme
{
    /// <summary>The app's theme.</summary>
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1F5F8B",
            Secondary = "#2E7D4F",
            Tertiary = "#4A6572",
            Success = "#2E7D4F",
            Info = "#1F5F8B",
            Warning = "#8A5A00",
            Error = "#B3261E",
            AppbarBackground = "#1F5F8B",
            Background = "#F6F8FA",
            DrawerBackground = "#FFFFFF",
            TextPrimary = "#1B1F23",
            TextSecondary = "#4A5560",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Liberation Sans", "Arial", "Helvetica", "sans-serif"] },
        },
    };
}
