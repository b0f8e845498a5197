namespace FleetPool.Web.Tests.Setup;

/// <summary>Reaches the app's internal demo seeder, to prove it is idempotent.</summary>
internal static class DemoSeederAccess
{
    public static Task SeedAsync(IServiceProvider services) => Web.Setup.DemoSeeder.SeedAsync(services);
}
