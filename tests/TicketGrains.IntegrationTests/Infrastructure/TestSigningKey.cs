using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>A key pair of the test identity provider: the private half signs tokens, the public half is its JWK.</summary>
public sealed class TestSigningKey
{
    private TestSigningKey(string keyId, string algorithm, SecurityKey privateKey, JsonObject publicJwk) =>
        (KeyId, Algorithm, PrivateKey, PublicJwk) = (keyId, algorithm, privateKey, publicJwk);

    public string KeyId { get; }

    public string Algorithm { get; }

    public SecurityKey PrivateKey { get; }

    /// <summary>The public key as a JWKS entry, written out here (not by the library the API validates with).</summary>
    public JsonObject PublicJwk { get; }

    public static TestSigningKey Rsa()
    {
        var rsa = RSA.Create(2048);
        var kid = NewKeyId("rsa");
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        return new TestSigningKey(kid, SecurityAlgorithms.RsaSha256, new RsaSecurityKey(rsa) { KeyId = kid }, new JsonObject
        {
            ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        });
    }

    public static TestSigningKey EcP256()
    {
        var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var kid = NewKeyId("ec");
        var point = ec.ExportParameters(includePrivateParameters: false).Q;
        return new TestSigningKey(kid, SecurityAlgorithms.EcdsaSha256, new ECDsaSecurityKey(ec) { KeyId = kid }, new JsonObject
        {
            ["kty"] = "EC", ["use"] = "sig", ["alg"] = "ES256", ["kid"] = kid, ["crv"] = "P-256",
            ["x"] = Base64UrlEncoder.Encode(point.X), ["y"] = Base64UrlEncoder.Encode(point.Y),
        });
    }

    private static string NewKeyId(string kind) => $"{kind}-{Guid.NewGuid():N}"[..16];
}
