using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using TicketGrains.Api.Audit;
using TicketGrains.Api.Security;
using Xunit;

namespace TicketGrains.Tests.Audit;

public sealed class FailedSignInsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 21, 0, 0, TimeSpan.Zero));
    private readonly RecordingTrail _trail = new();

    [Fact]
    public async Task A_refused_token_is_recorded_in_the_operator_tenant_by_its_hash_prefix_and_reason()
    {
        using var failed = Create(perMinute: 10);

        await failed.RecordAsync(Request("10.0.0.7", bearer: "abc.def.ghi"), new SecurityTokenExpiredException("expired"));

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("abc.def.ghi")))[..16];
        var entry = Assert.Single(_trail.Events);
        Assert.Equal(
            ("ops", "anonymous", AuditActions.SignInFailed, $"bearer-token:{hash}", "10.0.0.7", "reason=The token has expired.", _time.GetUtcNow()),
            (entry.Tenant, entry.Actor, entry.Action, entry.Target, entry.ClientAddress, entry.Detail, entry.At));
    }

    [Fact]
    public async Task An_api_key_is_named_by_its_public_id_only_when_well_formed()
    {
        using var failed = Create(perMinute: 10);
        var keyId = new string('a', 16);

        await failed.RecordAsync(Request("10.0.0.7", apiKey: $"tgk_{keyId}_secret"), new AuthenticationFailureException("The API key is unknown or revoked."));
        await failed.RecordAsync(Request("10.0.0.7", apiKey: "garbage"), new AuthenticationFailureException("The API key is malformed."));

        Assert.Equal(
            [($"api-key:{keyId}", "reason=The API key is unknown or revoked."), ("api-key", "reason=The API key is malformed.")],
            _trail.Events.Select(e => (e.Target, e.Detail)));
    }

    [Fact]
    public async Task Over_the_budget_an_address_is_counted_and_the_count_rides_on_its_next_entry()
    {
        using var failed = Create(perMinute: 3);
        var expired = new SecurityTokenExpiredException("expired");
        for (var i = 0; i < 5; i++)
        {
            await failed.RecordAsync(Request("10.0.0.7", bearer: "t"), expired);
        }

        await failed.RecordAsync(Request("10.0.0.8", bearer: "t"), expired);
        _time.Advance(TimeSpan.FromMinutes(1));
        await failed.RecordAsync(Request("10.0.0.7", bearer: "t"), expired);

        Assert.Equal(
            [
                ("10.0.0.7", "reason=The token has expired."), ("10.0.0.7", "reason=The token has expired."), ("10.0.0.7", "reason=The token has expired."),
                ("10.0.0.8", "reason=The token has expired."), ("10.0.0.7", "reason=The token has expired.; suppressed=2"),
            ],
            _trail.Events.Select(e => (e.ClientAddress, e.Detail)));
    }

    [Fact]
    public async Task A_failing_audit_store_leaves_the_refusal_as_it_was()
    {
        _trail.Fail = true;
        using var failed = Create(perMinute: 10);

        await failed.RecordAsync(Request("10.0.0.7", bearer: "t"), new SecurityTokenExpiredException("expired"));

        Assert.Empty(_trail.Events);
    }

    private FailedSignIns Create(int perMinute) =>
        new(_trail, new AuthOptions { OperatorTenant = "ops", FailedSignInAuditPerMinute = perMinute }, _time, NullLogger<FailedSignIns>.Instance);

    private static DefaultHttpContext Request(string address, string? bearer = null, string? apiKey = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        context.Request.Path = "/api/v1/tickets";
        if (bearer is not null)
        {
            context.Request.Headers.Authorization = "Bearer " + bearer;
        }

        if (apiKey is not null)
        {
            context.Request.Headers[ApiKeyAuthenticationHandler.Header] = apiKey;
        }

        return context;
    }

    private sealed class RecordingTrail : IAuditTrail
    {
        public List<AuditEvent> Events { get; } = [];

        public bool Fail { get; set; }

        public Task RecordAsync(AuditEvent auditEvent)
        {
            if (Fail)
            {
                return Task.FromException(new InvalidOperationException("the audit store is down"));
            }

            Events.Add(auditEvent);
            return Task.CompletedTask;
        }
    }
}
