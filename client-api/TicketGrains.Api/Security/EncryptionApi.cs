using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Api.Audit;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Grains.Encryption;

namespace TicketGrains.Api.Security;

/// <summary>
/// /api/v1/encryption: key rotation. Both re-wrap keys in place; no ticket or customer data is re-encrypted and nothing
/// stops while they run.
/// </summary>
public static class EncryptionApi
{
    /// <summary>The tenant's new key version and how many customer data keys were re-wrapped under it.</summary>
    public sealed record TenantKeyRotated(string Tenant, int Version, int RewrappedDataKeys);

    /// <summary>The master key now wrapping every tenant key, and how many keys were re-wrapped.</summary>
    public sealed record MasterKeyRotated(string MasterKeyId, int RewrappedKeys);

    public static RouteGroupBuilder MapEncryptionApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/encryption").WithTags("Encryption");
        group.MapPost("/tenant-key/rotate", RotateTenantKeyAsync).WithName("RotateTenantKey")
            .WithSummary("Create a new version of the caller's tenant key and re-wrap every customer data key with it.")
            .ProducesProblem(StatusCodes.Status409Conflict).RequirePermission(Permissions.Admin)
            .Audited(AuditActions.KeyRotation, (_, _) => "tenant-key");
        group.MapPost("/master-key/rotate", RotateMasterKeyAsync).WithName("RotateMasterKey")
            .WithSummary("Re-wrap every tenant key still wrapped by a former master key (Encryption:PreviousMasterKeys) with the current one.")
            .ProducesProblem(StatusCodes.Status409Conflict).RequireOperator(app.Services)
            .Audited(AuditActions.KeyRotation, (_, _) => "master-key");
        return group;
    }

    private static async Task<Ok<TenantKeyRotated>> RotateTenantKeyAsync(HttpContext context, IServiceProvider services)
    {
        var tenant = Tenant.Of(context);
        var (version, rewrapped) = await KeyRingOf(services).RotateTenantKeyAsync(tenant);
        return TypedResults.Ok(new TenantKeyRotated(tenant, version, rewrapped));
    }

    private static async Task<Ok<MasterKeyRotated>> RotateMasterKeyAsync(IServiceProvider services)
    {
        var rewrapped = await KeyRingOf(services).RotateMasterKeyAsync();
        return TypedResults.Ok(new MasterKeyRotated(services.GetRequiredService<MasterKeys>().CurrentId, rewrapped));
    }

    private static KeyRing KeyRingOf(IServiceProvider services) =>
        services.GetRequiredService<IOptions<EncryptionOptions>>().Value.Enabled
            ? services.GetRequiredService<KeyRing>()
            : throw new ConflictException("Encryption is switched off (Encryption:Enabled=false): there are no keys to rotate.");
}
