using FleetPool.Web.Setup;

var builder = WebApplication.CreateBuilder(args);
builder.AddFleetPool();
var app = builder.Build();
await app.UseFleetPoolAsync();
await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
