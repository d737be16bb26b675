using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketGrains.Grains.Hosting;

namespace TicketGrains.Grains.AutoFill.Fields;

/// <summary>Registers field extraction: the per-tenant formats (validated at start) and the extractors built from them.</summary>
public static class FieldExtractionServices
{
    public static IServiceCollection AddFieldExtraction(this IServiceCollection services)
    {
        services.AddValidatedOptions<FieldExtractionOptions>(FieldExtractionOptions.Section);
        services.TryAddSingleton<TenantFieldExtractors>();
        return services;
    }
}
