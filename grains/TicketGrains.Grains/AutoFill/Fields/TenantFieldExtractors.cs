using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>The field extractor of each tenant: the platforms' formats plus the tenant's own (<see cref="FieldExtractionOptions"/>).</summary>
public sealed class TenantFieldExtractors(IOptions<FieldExtractionOptions> options)
{
    private readonly FieldExtractor _platformsOnly = new();
    private readonly ConcurrentDictionary<string, FieldExtractor> _byTenant = new(StringComparer.Ordinal);

    public int MaxTextLength => options.Value.MaxTextLength;

    public FieldExtractor For(string tenant) =>
        options.Value.OrderNoFormats.TryGetValue(tenant, out var formats) && formats.Count > 0
            ? _byTenant.GetOrAdd(tenant, _ => new FieldExtractor([.. formats.Select(OrderNumberFormats.Tenant)]))
            : _platformsOnly;
}
