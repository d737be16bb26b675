using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace TicketGrains.Tests.Security;

/// <summary>An identity provider's discovery document and JWKS in memory, with EC keys a test publishes and removes.</summary>
internal sealed class FakeProviderDocuments(string issuer) : IDocumentRetriever
{
    private readonly Dictionary<string, JsonObject> _published = [];

    /// <summary>The issuer the discovery document names; null: the provider's own (a test makes it wrong).</summary>
    public string? DocumentIssuer { get; set; }

    /// <summary>While true every request fails, as a provider that cannot be reached.</summary>
    public bool Down { get; set; }

    public int DiscoveryRequests { get; private set; }

    public int JwksFetches { get; private set; }

    public string MetadataAddress => issuer + "/.well-known/openid-configuration";

    public void Publish(string keyId)
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var point = ec.ExportParameters(includePrivateParameters: false).Q;
        _published[keyId] = new JsonObject
        {
            ["kty"] = "EC", ["use"] = "sig", ["kid"] = keyId, ["crv"] = "P-256",
            ["x"] = Base64UrlEncoder.Encode(point.X), ["y"] = Base64UrlEncoder.Encode(point.Y),
        };
    }

    public void Remove(string keyId) => _published.Remove(keyId);

    public Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        if (Down)
        {
            throw new IOException("The provider cannot be reached.");
        }

        if (address == MetadataAddress)
        {
            DiscoveryRequests++;
            return Task.FromResult(new JsonObject { ["issuer"] = DocumentIssuer ?? issuer, ["jwks_uri"] = issuer + "/jwks" }.ToJsonString());
        }

        if (address == issuer + "/jwks")
        {
            JwksFetches++;
            return Task.FromResult(new JsonObject { ["keys"] = new JsonArray([.. _published.Values.Select(k => k.DeepClone())]) }.ToJsonString());
        }

        throw new IOException($"Not found: {address}");
    }
}
