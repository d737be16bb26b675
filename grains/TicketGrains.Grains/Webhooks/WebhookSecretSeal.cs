using System.Text;
using TicketGrains.Grains.Encryption;

namespace TicketGrains.Grains.Webhooks;

/// <summary>
/// Seals a webhook's signing key under the current master key, bound to its tenant and webhook id, the way tenant and
/// lookup keys are wrapped: the database never holds a secret in clear, and a sealed key moved to another row fails to open.
/// </summary>
public sealed class WebhookSecretSeal(MasterKeys master)
{
    public (byte[] Sealed, string MasterKeyId) Seal(string tenant, Guid webhookId, byte[] key) =>
        (master.Wrap(key, Context(tenant, webhookId)), master.CurrentId);

    public byte[] Open(string tenant, Guid webhookId, byte[] sealedKey, string masterKeyId) =>
        master.Unwrap(masterKeyId, sealedKey, Context(tenant, webhookId));

    private static byte[] Context(string tenant, Guid webhookId) => Encoding.UTF8.GetBytes($"webhook-secret:{tenant}:{webhookId:D}");
}
