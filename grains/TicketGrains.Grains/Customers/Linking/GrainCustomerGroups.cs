using Microsoft.Extensions.DependencyInjection;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Grains;

namespace TicketGrains.Grains.Customers.Linking;

/// <summary>Merges as the customer grains hold them; the linker's merges are recorded as made by "linker".</summary>
public sealed class GrainCustomerGroups(IServiceProvider services) : ICustomerGroups
{
    public const string Linker = "linker";

    // Resolved lazily: the grain factory depends on services that are built after this one.
    private readonly Lazy<IGrainFactory> _grains = new(services.GetRequiredService<IGrainFactory>);

    public Task<Guid> SurvivorAsync(string tenant, Guid customer) => Customer(tenant, customer).SurvivorAsync();

    public Task<IReadOnlyList<Guid>> MembersAsync(string tenant, Guid survivor) => Customer(tenant, survivor).MembersAsync();

    public Task MergeAsync(string tenant, Guid survivor, Guid merged, string reason) => Customer(tenant, survivor).MergeAsync(merged, Linker, reason);

    private ICustomerGrain Customer(string tenant, Guid id) => _grains.Value.Reference<ICustomerGrain>(GrainKeys.For(tenant, id));
}
