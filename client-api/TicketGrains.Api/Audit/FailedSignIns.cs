using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using TicketGrains.Api.Security;

namespace TicketGrains.Api.Audit;

/// <summary>
/// Refused credentials go to the operator tenant's audit chain: failed sign-ins are security events that ISO 27001
/// (A.8.15) and 等保三级 expect in the trail. The entry names the credential without keeping it (an API key's public id,
/// or a hash prefix of the token, so repeated tries of one token can be told apart) and the reason it was refused.
/// One client address gets at most <see cref="AuthOptions.FailedSignInAuditPerMinute"/> entries a minute: the rest are
/// counted and the count rides on that address's next entry, so a flood of bad credentials cannot flood the database
/// while the trail still says how many there were.
/// </summary>
public sealed class FailedSignIns(IAuditTrail trail, AuthOptions options, TimeProvider time, ILogger<FailedSignIns> logger) : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Addresses tracked at once; beyond it the least recently used are forgotten with their counts.</summary>
    private const int TrackedAddresses = 10_000;

    private readonly MemoryCache _windows = new(new MemoryCacheOptions { SizeLimit = TrackedAddresses });

    /// <summary>Records the refusal, unless the address is over its budget; a failing audit store is logged, the 401 stands.</summary>
    public async Task RecordAsync(HttpContext context, Exception failure)
    {
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "";
        var now = time.GetUtcNow();
        if (!Admit(client, now, out var suppressed))
        {
            return;
        }

        var detail = "reason=" + BearerTokens.Explain(failure) + (suppressed > 0 ? $"; suppressed={suppressed}" : "");
        try
        {
            await trail.RecordAsync(new AuditEvent(options.OperatorTenant, now, "anonymous", AuditActions.SignInFailed, Credential(context.Request), client, detail));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not record a refused credential from {Client}", client);
        }
    }

    /// <summary>"api-key:{id}" for a well-formed API key, "api-key" otherwise, "bearer-token:{first 16 hex of its SHA-256}" for a token.</summary>
    private static string Credential(HttpRequest request)
    {
        var apiKey = request.Headers[ApiKeyAuthenticationHandler.Header].ToString();
        if (apiKey.Length > 0)
        {
            return ApiKeySecret.TryParse(apiKey, out var keyId, out _) ? "api-key:" + keyId : "api-key";
        }

        var authorization = request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim()
            : DashboardSignIn.TokenFor(request) ?? "";
        return "bearer-token:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..16];
    }

    private bool Admit(string client, DateTimeOffset now, out int suppressed)
    {
        var window = _windows.GetOrCreate(client, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = Window * 10;
            return new AddressWindow(now);
        })!;
        lock (window)
        {
            if (now - window.Start >= Window)
            {
                (window.Start, window.Recorded) = (now, 0);
            }

            if (window.Recorded >= options.FailedSignInAuditPerMinute)
            {
                window.Suppressed++;
                suppressed = 0;
                return false;
            }

            window.Recorded++;
            (suppressed, window.Suppressed) = (window.Suppressed, 0);
            return true;
        }
    }

    public void Dispose() => _windows.Dispose();

    private sealed class AddressWindow(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; set; } = start;

        public int Recorded { get; set; }

        public int Suppressed { get; set; }
    }
}
