using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TicketGrains.Grains.Customers.Linking;

/// <summary>Registers identity resolution: the key table and proposals on PostgreSQL (API and silo), the linker (silo).</summary>
public static class LinkingServices
{
    public static IServiceCollection AddLinkProposalStore(this IServiceCollection services)
    {
        services.TryAddSingleton<ILinkProposals, PostgresLinkProposals>();
        return services;
    }

    public static IServiceCollection AddCustomerLinking(this IServiceCollection services)
    {
        services.AddLinkProposalStore();
        services.TryAddSingleton<IIdentityKeyStore, PostgresIdentityKeyStore>();
        services.TryAddSingleton<ICustomerGroups, GrainCustomerGroups>();
        services.TryAddSingleton<RecentContacts>();
        services.TryAddSingleton<CustomerLinker>();
        return services;
    }
}
