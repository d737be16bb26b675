namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// Whose ticket changes the live feed must publish: the tenants with at least one open listener, or every tenant
/// (<paramref name="Everyone"/>) while the list may be incomplete, e.g. just after it was lost with its silo.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.LiveFeedAudience")]
public sealed record class LiveFeedAudience([property: Id(0)] bool Everyone, [property: Id(1)] IReadOnlyList<string> Tenants)
{
    public bool Includes(string tenantId) => Everyone || Tenants.Contains(tenantId, StringComparer.Ordinal);
}
