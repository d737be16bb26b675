using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>
/// A small OpenID Connect identity provider on a free loopback port: a discovery document and a JWKS whose keys a test
/// adds and removes (a key rotation), and tokens it signs with them. Counts how often its JWKS is fetched.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<TestSigningKey> _published = [];
    private int _jwksFetches;

    private TestIdentityProvider(WebApplication app) => _app = app;

    /// <summary>The issuer URL, which is also Auth:Authority.</summary>
    public string Issuer { get; private set; } = "";

    public int JwksFetches => Volatile.Read(ref _jwksFetches);

    /// <summary>Settings for a node that trusts this provider, as "--Key=value" arguments.</summary>
    public string[] NodeSettings(TimeSpan minRefreshInterval) =>
        [$"--Auth:Authority={Issuer}", "--Auth:RequireHttpsMetadata=false", $"--Auth:AuthorityMinRefreshInterval={minRefreshInterval:c}"];

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var provider = new TestIdentityProvider(builder.Build());
        provider._app.MapGet("/.well-known/openid-configuration", () => Results.Json(new JsonObject
        {
            ["issuer"] = provider.Issuer,
            ["jwks_uri"] = provider.Issuer + "/jwks",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256", "ES256"),
        }));
        provider._app.MapGet("/jwks", provider.Jwks);
        await provider._app.StartAsync();
        // Port 0: the address bound is known only once started.
        provider.Issuer = provider._app.Urls.Single().TrimEnd('/');
        return provider;
    }

    /// <summary>Publishes the key in the JWKS.</summary>
    public TestSigningKey Publish(TestSigningKey key)
    {
        lock (_gate)
        {
            _published.Add(key);
        }

        return key;
    }

    /// <summary>A token signed with the key; every part can be made wrong on purpose.</summary>
    public string Mint(TestSigningKey key, string? tenant, string subject, string[]? roles = null, TimeSpan? lifetime = null,
        string? issuer = null, string audience = TestTokens.Audience)
    {
        var claims = new List<Claim> { new("sub", subject) };
        if (tenant is not null)
        {
            claims.Add(new Claim("tenant", tenant));
        }

        claims.AddRange((roles ?? []).Select(r => new Claim("role", r)));
        var expires = DateTime.UtcNow + (lifetime ?? TimeSpan.FromHours(1));
        var notBefore = expires < DateTime.UtcNow ? expires - TimeSpan.FromHours(1) : DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key.PrivateKey, key.Algorithm),
        });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private IResult Jwks()
    {
        Interlocked.Increment(ref _jwksFetches);
        lock (_gate)
        {
            return Results.Json(new JsonObject { ["keys"] = new JsonArray([.. _published.Select(k => k.PublicJwk.DeepClone())]) });
        }
    }
}
