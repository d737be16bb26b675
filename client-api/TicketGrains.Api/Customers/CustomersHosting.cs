using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketGrains.Grains.Customers.Linking;

namespace TicketGrains.Api.Customers;

/// <summary>What the customer routes read besides the grains: the read model's context and the link proposals.</summary>
public static class CustomersHosting
{
    public static IServiceCollection AddCustomerContext(this IServiceCollection services)
    {
        services.TryAddSingleton<CustomerContextReader>();
        services.AddLinkProposalStore();
        return services;
    }
}
