using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FleetPool.Web.Tests.Infrastructure;

/// <summary>
/// An OpenID Connect provider's back channel on a loopback port, as Entra ID answers it: the token endpoint redeems a code
/// it handed out (checking the client, its secret, the redirect URI and the PKCE verifier) for an id_token signed with
/// its own RSA key, and the userinfo endpoint answers for the access token. The browser's part (the authorize page) is
/// played by the test: it reads the challenge's nonce and code challenge and calls <see cref="Authorize"/>.
/// </summary>
public sealed class TestIssuer : LoopbackHttpServer
{
    public const string ClientId = "fleetpool-test", ClientSecret = "issuer-secret";
    private readonly ConcurrentDictionary<string, (IReadOnlyList<Claim> Claims, string Nonce, string Challenge)> _codes = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<Claim>> _accessTokens = new();

    /// <summary>The issuer the tokens name (https, as the app requires; only the back channel is served, on loopback).</summary>
    public const string Issuer = "https://login.kommun.example/tenant/v2.0";

    public string TokenEndpoint => $"http://127.0.0.1:{Port}/token";

    public string UserInfoEndpoint => $"http://127.0.0.1:{Port}/userinfo";

    /// <summary>The key the id_tokens are signed with (the app knows its public half, as from the provider's jwks).</summary>
    public RsaSecurityKey SigningKey { get; } = new(RSA.Create(2048)) { KeyId = "test-key-1" };

    /// <summary>When set, id_tokens are signed with this key instead (a forger's, with the same key id).</summary>
    public RsaSecurityKey? ForgeWith { get; set; }

    /// <summary>Token requests refused, with why.</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    /// <summary>The person signs in at the provider: a one-time code for these claims, bound to the challenge's nonce and PKCE challenge.</summary>
    public string Authorize(IEnumerable<Claim> claims, string nonce, string codeChallenge)
    {
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = ([.. claims], nonce, codeChallenge);
        return code;
    }

    protected override async Task<(int, string)> AnswerAsync(HttpListenerRequest request) => request.Url!.AbsolutePath switch
    {
        "/token" => await TokenAsync(request),
        "/userinfo" => UserInfo(request),
        _ => (404, "{}"),
    };

    private async Task<(int, string)> TokenAsync(HttpListenerRequest request)
    {
        var form = await ReadFormAsync(request);
        var code = form.GetValueOrDefault("code") ?? "";
        var why = !_codes.TryRemove(code, out var granted) ? "unknown or used code"
            : form.GetValueOrDefault("client_id") != ClientId || form.GetValueOrDefault("client_secret") != ClientSecret ? "client"
            : form.GetValueOrDefault("grant_type") != "authorization_code" ? "grant"
            : Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form.GetValueOrDefault("code_verifier") ?? ""))) != granted.Challenge ? "PKCE verifier"
            : null;
        if (why is not null)
        {
            Refusals.Enqueue(why);
            return (400, """{"error":"invalid_grant"}""");
        }
        var now = DateTime.UtcNow;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer, Audience = ClientId, IssuedAt = now, NotBefore = now, Expires = now.AddMinutes(10),
            Subject = new ClaimsIdentity(granted.Claims.Append(new Claim("nonce", granted.Nonce))),
            SigningCredentials = new SigningCredentials(ForgeWith ?? SigningKey, SecurityAlgorithms.RsaSha256),
        });
        var accessToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _accessTokens[accessToken] = granted.Claims;
        return (200, JsonSerializer.Serialize(new { token_type = "Bearer", expires_in = 3600, access_token = accessToken, id_token = idToken }));
    }

    private (int, string) UserInfo(HttpListenerRequest request)
    {
        var token = request.Headers["Authorization"]?.Replace("Bearer ", "", StringComparison.Ordinal) ?? "";
        return _accessTokens.TryGetValue(token, out var claims)
            ? (200, JsonSerializer.Serialize(claims.Where(c => c.Type is "sub" or "email" or "name").ToDictionary(c => c.Type, c => c.Value)))
            : (401, "{}");
    }
}
