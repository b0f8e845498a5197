using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FleetPool.Web.Tests;

/// <summary>An enum value the type does not define ("cargoBike, van", "99") never reaches Core: every enum-typed field of every API body refuses it.</summary>
public class EnumInputTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static IEnumerable<(Type Owner, PropertyInfo Property, Type Enum)> EnumFields(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type) || type.Namespace?.StartsWith("FleetPool", StringComparison.Ordinal) != true)
        {
            yield break;
        }
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            t = t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>) ? t.GetGenericArguments()[0] : t;
            if (t.IsEnum)
            {
                yield return (type, p, t);
            }
            foreach (var inner in EnumFields(t, seen))
            {
                yield return inner;
            }
        }
    }

    [Fact]
    public void Deserialize_UndefinedValueInEveryEnumField_Refused()
    {
        var options = app.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var bodies = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType).OfType<Type>().Distinct().ToList();
        var seen = new HashSet<Type>();
        var fields = bodies.SelectMany(b => EnumFields(b, seen)).ToList();
        Assert.Contains(fields, f => f.Owner.Name == "VehicleInput" && f.Property.Name == "Kind");

        foreach (var (owner, property, type) in fields)
        {
            var names = Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName).ToList();
            var isList = property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(List<>);
            foreach (var bad in new[] { $"{names[0]}, {names[^1]}", $"{names[0]},{names[1]}", "99", "-1", names[0] + "\u0000" })
            {
                var value = isList ? $"[\"{bad}\"]" : JsonSerializer.Serialize(bad);
                var json = $"{{\"{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}\":{value}}}";
                Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, owner, options));
            }
            Assert.NotNull(JsonSerializer.Deserialize($"{{\"{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}\":{(isList ? $"[\"{names[0]}\"]" : $"\"{names[0]}\"")}}}", owner, options));
        }
        Measurements.Add($"Enum fields refusing undefined values: {fields.Count} in {bodies.Count} request bodies");
    }

    [Fact]
    public async Task UpdateVehicle_CombinedKind_400NamingKindAndVehicleUnchanged()
    {
        var manager = await app.ClientForAsync(TestData.Fleet);
        var response = await manager.PutAsJsonAsync($"/api/vehicles/{app.Ids.Bike}", new
        {
            kind = "cargoBike, van", name = "Cykel 1", siteId = app.Ids.OpenSite, departmentId = app.Ids.Department, seats = 1, acquiredOn = "2024-01-01",
        });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "kind");
        Assert.Equal(Core.Fleet.VehicleKind.Bike, await app.QueryAsync(db => db.Vehicles.Where(v => v.Id == app.Ids.Bike).Select(v => v.Kind).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/availability?site={app.Ids.OpenSite}&from=2026-04-01T09:00:00%2B02:00&to=2026-04-01T10:00:00%2B02:00")).StatusCode);
    }
}

/// <summary>Return URLs after sign-in and the language switch: local paths only, sent as ASCII, never a 500.</summary>
public class ReturnUrlTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    public static TheoryData<string> Hostile => new()
    {
        "/bokningar/å", "/％", "/\uFF0F\uFF0Fevil.example", "/\u3000", "/a%0d%0aSet-Cookie:x=1", "/\r\nSet-Cookie:x=1", "/\u0001", "/\t/evil.example",
        "//evil.example", "/\\evil.example", "https://evil.example", "/" + new string('a', 5000), "/\uD800", "/😀?q=ü#frag",
    };

    [Theory]
    [InlineData("/bokningar/å", "/bokningar/%C3%A5")]
    [InlineData("/😀?q=ü", "/%F0%9F%98%80?q=%C3%BC")]
    [InlineData("//evil.example", "/")]
    public async Task CookieSignIn_ReturnUrl_RedirectsLocalAndAscii(string returnUrl, string expected)
    {
        // The cookie handler itself redirects to the login page's returnUrl when signing in there; Kestrel refuses a raw non-ASCII Location (500).
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        var scheme = new Microsoft.AspNetCore.Authentication.AuthenticationScheme(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme, null,
            typeof(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationHandler));

        await options.Events.RedirectToReturnUrl(new Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(
            http, scheme, options, new Microsoft.AspNetCore.Authentication.AuthenticationProperties(), returnUrl));

        Assert.Equal(expected, http.Response.Headers.Location.ToString());
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task SignIn_HostileReturnUrl_LocalAsciiRedirectNever500(string returnUrl)
    {
        var client = BrowserLikeClient.Anonymous(app);
        var form = await client.GetAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var token = System.Text.RegularExpressions.Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await client.PostAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.Email"] = TestData.Staff, ["Input.Password"] = TestData.Password,
        }));
        var culture = await client.GetAsync("/culture?name=en&returnUrl=" + Uri.EscapeDataString(returnUrl));

        foreach (var r in new[] { response, culture })
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            var location = r.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal); // the page's own origin
            Assert.StartsWith("/", location, StringComparison.Ordinal);
            Assert.False(location.StartsWith("//", StringComparison.Ordinal) || location.StartsWith("/\\", StringComparison.Ordinal), location);
            Assert.All(location, c => Assert.InRange(c, '!', '~'));
        }
    }
}
