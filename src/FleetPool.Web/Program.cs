using FleetPool.Web.Setup;

var builder = WebApplication.CreateBuilder(args);
if (builder.Configuration.GetValue<bool>("Hosting:UseStaticWebAssets"))
{
    builder.WebHost.UseStaticWebAssets(); // a Production-like run from a build output, not a publish (the deployment test)
}
builder.AddFleetPool();
var app = builder.Build();
if (CreateAdminCommand.IsRequested(args))
{
    return await CreateAdminCommand.RunAsync(app, args);
}
if (RestoreCommand.IsRequested(args))
{
    return await RestoreCommand.RunAsync(app, args);
}
await app.UseFleetPoolAsync();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
