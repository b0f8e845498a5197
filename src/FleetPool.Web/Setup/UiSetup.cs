using FleetPool.Core.Organisation;
using FleetPool.Web.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using MudBlazor.Services;

namespace FleetPool.Web.Setup;

/// <summary>The Blazor UI: interactive server components, MudBlazor, Swedish by default and English on request.</summary>
public static class UiSetup
{
    /// <summary>The cultures offered; the first is the default.</summary>
    public static readonly string[] Cultures = ["sv-SE", "en-GB"];

    /// <summary>Registers components, MudBlazor and localisation.</summary>
    public static IServiceCollection AddFleetPoolUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        // Toasts at the bottom: at the top they covered the heading of the page a booking lands on, on a phone.
        services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomCenter);
        services.AddTransient<MudBlazor.MudLocalizer, Localization.SwedishMudLocalizer>();
        services.AddScoped<PublicUrls>();
        services.AddLocalization();
        // Swedish letters as themselves, not as &#xF6; entities: smaller and readable pages.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Cultures[0]).AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            // Swedish unless the user chose otherwise: the browser's language does not decide.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>API messages are English unless the client asks for Swedish with Accept-Language.</summary>
    public static RequestLocalizationOptions ApiLocalization()
    {
        var options = new RequestLocalizationOptions().SetDefaultCulture("en-GB").AddSupportedCultures("en-GB", "sv-SE").AddSupportedUICultures("en-GB", "sv-SE");
        options.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
        return options;
    }

    /// <summary>Maps the pages, the language switch and sign-out.</summary>
    public static void MapFleetPoolUi(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapGet("/culture", async (string? name, string? returnUrl, HttpContext http, Core.Organisation.Profiles profiles) =>
        {
            var culture = Cultures.Contains(name) ? name! : Cultures[0];
            if (http.User.Identity?.IsAuthenticated == true)
            {
                await profiles.SetLanguageAsync(http.User.ToActor(), Core.Organisation.Languages.CodeOf(culture)); // so e-mail follows the switch
            }
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();
        // [FromForm] makes the endpoint validate the antiforgery token the sign-out form carries.
        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, SignInManager<AppUser> signIn, HttpContext http) =>
        {
            // A new stamp ends the sign-in on the server: a copy of the cookie replayed later is refused (on every device).
            if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            }
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).ExcludeFromDescription();
    }
}
