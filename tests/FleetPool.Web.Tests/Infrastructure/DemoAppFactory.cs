namespace FleetPool.Web.Tests.Infrastructure;

/// <summary>The app as <c>dotnet run</c> starts it: Development, so it seeds the demo municipality.</summary>
public sealed class DemoAppFactory : FleetPoolFactory
{
    protected override string EnvironmentName => "Development";
}
