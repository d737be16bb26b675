using System.Security.Cryptography;
using System.Text;
using TicketGrains.Abstractions.Errors;

namespace TicketGrains.Api.Tickets;

/// <summary>
/// Chooses the id of a new ticket. With an Idempotency-Key the id is derived from it, so every retry
/// lands on the same ticket grain and the event log's unique version makes the create happen once.
/// </summary>
public static class TicketIds
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const int MaxKeyLength = 128;

    public static Guid For(string tenantId, string? idempotencyKey)
    {
        if (string.IsNullOrEmpty(idempotencyKey))
        {
            // Time-ordered ids keep the read model's index inserts local.
            return Guid.CreateVersion7();
        }

        if (idempotencyKey.Length > MaxKeyLength || idempotencyKey.Any(c => c < 0x21 || c > 0x7e))
        {
            throw new InvalidFieldException(IdempotencyHeader, $"An Idempotency-Key is 1-{MaxKeyLength} printable ASCII characters.");
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("ticket\n" + tenantId + "\n" + idempotencyKey));
        return new Guid(hash.AsSpan(0, 16));
    }
}
