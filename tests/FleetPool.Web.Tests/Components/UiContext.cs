using System.Globalization;
using System.Security.Claims;
using Bunit;
using FleetPool.Core.Common;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace FleetPool.Web.Tests.Components;

/// <summary>
/// bUnit with MudBlazor, Swedish culture and the staff user signed in; every other service (Core, clock, database)
/// comes from the real app, so components run against real rules on a real SQLite file.
/// </summary>
public sealed class UiContext : BunitContext
{
    // Like a circuit: one scope of the app's services for the component's lifetime (scoped Core services live in it).
    private readonly IServiceScope _scope;

    public UiContext(FleetPoolFactory app, int userId, string role = Roles.Staff)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("sv-SE");
        JSInterop.Mode = JSRuntimeMode.Loose;
        DefaultWaitTimeout = TimeSpan.FromSeconds(10); // real database calls, on a busy 2-core CI machine
        Services.AddMudServices();
        Services.AddLocalization();
        _scope = app.Services.CreateScope();
        Services.AddFallbackServiceProvider(_scope.ServiceProvider);
        var auth = AddAuthorization();
        auth.SetAuthorized("Sara Lind");
        auth.SetRoles(role); // for AuthorizeView Roles=…
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId.ToString(CultureInfo.InvariantCulture)), new Claim(ClaimTypes.Role, role));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _scope.Dispose();
        }
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        _scope.Dispose();
    }
}
