namespace TicketGrains.Grains.Sla;

/// <summary>Where a tenant's SLA policies and calendars are kept, with every version.</summary>
public interface ISlaDocumentStore
{
    /// <summary>The current version of each of the tenant's documents.</summary>
    Task<IReadOnlyList<SlaDocumentRow>> CurrentAsync(string tenantId);

    /// <summary>Stores <paramref name="row"/>'s body as version <see cref="SlaDocumentRow.Version"/>; a ConflictException when it exists.</summary>
    Task AddVersionAsync(string tenantId, SlaDocumentRow row);
}
