using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TicketGrains.Api.Audit;

/// <summary>The audit log's services: one group-commit writer per process, and its reader.</summary>
public static class AuditHosting
{
    public static IServiceCollection AddAuditLog(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AuditWriter>();
        services.TryAddSingleton<IAuditTrail>(sp => sp.GetRequiredService<AuditWriter>());
        services.TryAddSingleton<AuditStore>();
        return services;
    }
}
