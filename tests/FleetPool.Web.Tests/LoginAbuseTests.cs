using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FleetPool.Core.Organisation;
using FleetPool.Web.Setup;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FleetPool.Web.Tests;

/// <summary>The app with the sign-in limits as shipped (the other test hosts sign in far more often than a person).</summary>
public sealed class ShippedLimitsApp : SqliteApp
{
    protected override bool RelaxedSignInLimits => false;
}

/// <summary>Login cannot be abused: no account enumeration, no lock-out of others, throttled guessing, real logout, a refresh that works.</summary>
public partial class LoginAbuseTests(ShippedLimitsApp app) : IClassFixture<ShippedLimitsApp>
{
    private static int _nextAddress = 10;

    // Every test its own client address, as on the internet; the limits are per client.
    private static string NewAddress() => $"10.0.{Interlocked.Increment(ref _nextAddress)}.1";

    private async Task<(HttpStatusCode Status, string Body, string? RetryAfter)> LoginFromAsync(string address, string email, string password,
        string path = "/api/auth/login")
    {
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = path;
            c.Request.ContentType = "application/json";
            var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { email, password }));
            (c.Request.Body, c.Request.ContentLength) = (new MemoryStream(json), json.Length);
            c.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>(new HasBody());
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
        });
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return ((HttpStatusCode)context.Response.StatusCode, body, context.Response.Headers.RetryAfter.FirstOrDefault());
    }

    private static string WithoutTrace(string problem) => TraceId().Replace(problem, "");

    [Fact]
    public async Task Login_UnknownAndKnownAccount_SameAnswerAndTiming()
    {
        var known = await LoginFromAsync(NewAddress(), TestData.Staff, "wrong-password-1");
        var unknown = await LoginFromAsync(NewAddress(), "nobody.here@test.se", "wrong-password-1");
        var inactive = await LoginFromAsync(NewAddress(), TestData.Leaver, "wrong-password-1");
        Assert.Equal((HttpStatusCode.Unauthorized, WithoutTrace(known.Body)), (unknown.Status, WithoutTrace(unknown.Body)));
        Assert.Equal((HttpStatusCode.Unauthorized, WithoutTrace(known.Body)), (inactive.Status, WithoutTrace(inactive.Body)));

        // The check itself, timed without the HTTP stack: alternate known and unknown, compare medians.
        var times = new Dictionary<bool, List<double>> { [true] = [], [false] = [] };
        for (var i = 0; i < 40; i++) // 20 each: a loaded CI machine moves single timings by tens of ms
        {
            var isKnown = i % 2 == 0;
            await using var scope = app.Services.CreateAsyncScope();
            var http = new DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Parse(NewAddress()) } };
            var watch = Stopwatch.StartNew();
            var (result, _, _) = await scope.ServiceProvider.GetRequiredService<PasswordSignIn>().CheckAsync(http, isKnown ? TestData.Fleet : $"ghost{i}@test.se", "wrong-password-2");
            watch.Stop();
            Assert.Equal(PasswordSignInResult.Failed, result);
            times[isKnown].Add(watch.Elapsed.TotalMilliseconds);
        }
        static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        var (k, u) = (Median(times[true]), Median(times[false]));
        Measurements.Add($"Login timing: known account {k:0.0} ms, unknown {u:0.0} ms (median of 20 each; was ~55 vs ~2 ms)");
        Assert.InRange(u / k, 0.5, 2.0);
    }

    [Fact]
    public async Task Login_GuessingOneAccountFromOneClient_429WithRetryAfterRealUserNotLockedOut()
    {
        var attacker = NewAddress();
        var statuses = new List<HttpStatusCode>();
        var last = (Status: default(HttpStatusCode), Body: "", RetryAfter: (string?)null);
        for (var i = 0; i < 8 && last.Status != HttpStatusCode.TooManyRequests; i++)
        {
            last = await LoginFromAsync(attacker, TestData.Lead, $"guess-{i}");
            statuses.Add(last.Status);
        }

        Measurements.Add($"Login throttling: a client's {statuses.Count}th attempt at one account is refused with 429");
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5).Append(HttpStatusCode.TooManyRequests), statuses);
        Assert.True(int.TryParse(last.RetryAfter, out var seconds) && seconds is > 0 and <= 15 * 60, $"Retry-After: {last.RetryAfter}");
        Assert.Equal(429, JsonDocument.Parse(last.Body).RootElement.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginFromAsync(attacker, TestData.Lead, TestData.Password)).Status);
        Assert.Equal(HttpStatusCode.OK, (await LoginFromAsync(NewAddress(), TestData.Lead, TestData.Password)).Status); // the real user, elsewhere
        Assert.Null(await app.QueryAsync(db => db.Users.Where(u => u.Email == TestData.Lead).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/login/")]
    [InlineData("/Account/LOGIN")]
    [InlineData("/api/auth/login/")]
    [InlineData("/API/Auth/Login")]
    [InlineData("/api/auth/refresh/")]
    public async Task Login_AnySpellingOfASignInRoute_ClientLimitHolds(string path)
    {
        var sprayer = NewAddress();
        var refusedAt = 0;
        for (var i = 1; i <= 30 && refusedAt == 0; i++)
        {
            refusedAt = (await LoginFromAsync(sprayer, $"user{i}@test.se", "Sommar2026!", path)).Status == HttpStatusCode.TooManyRequests ? i : 0;
        }

        Measurements.Add($"Login throttling: POST {path} from one client is refused with 429 at attempt {refusedAt}");
        Assert.Equal(21, refusedAt); // the endpoint's limit, 20 a minute per client, whatever spelling reached it
    }

    [Fact]
    public async Task Login_AccountSpelledWithAKelvinSign_SharesThatAccountsBudget()
    {
        var email = $"kim.{Guid.NewGuid():N}"[..20] + "@test.se";
        await app.InScopeAsync<Microsoft.AspNetCore.Identity.UserManager<AppUser>, bool>(async users =>
            (await users.CreateAsync(new AppUser { UserName = email, Email = email, DisplayName = "Kim", DepartmentId = app.Ids.Department }, TestData.Password)).Succeeded);
        var kelvin = "\u212A" + email[1..]; // K, the Kelvin sign: Identity finds the same account
        var attacker = NewAddress();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await LoginFromAsync(attacker, email, $"guess-{i}")).Status);
        }

        var sixth = await LoginFromAsync(attacker, kelvin, TestData.Password);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.Status);
        Assert.Equal(HttpStatusCode.OK, (await LoginFromAsync(NewAddress(), kelvin, TestData.Password)).Status); // the same account, elsewhere
    }

    [Fact]
    public async Task Login_RightPasswordSixTimesFromOneClient_NeverThrottled()
    {
        var desk = NewAddress();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await LoginFromAsync(desk, TestData.Admin, TestData.Password)).Status);
        }
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s)); // only wrong passwords count against an account
    }

    [Fact]
    public async Task Login_ManyAccountsFromOneClient_429AfterTheClientLimit()
    {
        var sprayer = NewAddress();
        var refusedAt = 0;
        for (var i = 1; i <= 30 && refusedAt == 0; i++)
        {
            refusedAt = (await LoginFromAsync(sprayer, $"user{i}@test.se", "Sommar2026!")).Status == HttpStatusCode.TooManyRequests ? i : 0;
        }
        Assert.Equal(21, refusedAt); // 20 a minute per client
    }

    [Fact]
    public async Task Logout_Page_SavedCookieReplayedAfterwardsRefused()
    {
        var cookies = new CookieContainer();
        var browser = app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        Assert.Equal(HttpStatusCode.Redirect, (await BrowserLikeClient.SubmitLoginAsync(browser, TestData.Admin, TestData.Password)).StatusCode);
        var saved = cookies.GetCookieHeader(new Uri("http://localhost"));
        var page = await browser.GetStringAsync("/bookings");
        var token = VerificationToken().Match(page).Groups[1].Value;

        var logout = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/bookings");
        replay.Headers.Add("Cookie", saved);
        var response = await app.CreateDefaultClient(new Uri("http://localhost")).SendAsync(replay);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_ValidTokenThenAfterLogout_NewPairThen401()
    {
        var client = app.CreateClient();
        var login = await (await client.PostAsJsonAsync("/api/auth/login", new { email = TestData.Fleet, password = TestData.Password })).JsonAsync();
        var refreshToken = login.GetProperty("refreshToken").GetString();

        var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var access = (await refreshed.JsonAsync()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", access);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/bookings/mine")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/bookings/mine")).StatusCode);
        await (await app.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await app.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "forged" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private sealed class HasBody : Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex VerificationToken();
}
