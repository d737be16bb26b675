namespace TicketGrains.Grains.Customers.Linking;

/// <summary>Customers as merges made them: who survives whom, who belongs to a survivor, and the linker's merges.</summary>
public interface ICustomerGroups
{
    /// <summary>The customer a merged customer now answers as; the customer itself when it was never merged away.</summary>
    Task<Guid> SurvivorAsync(string tenant, Guid customer);

    /// <summary>The survivor and every customer merged into it, directly or through another.</summary>
    Task<IReadOnlyList<Guid>> MembersAsync(string tenant, Guid survivor);

    /// <summary>Merges <paramref name="merged"/> into <paramref name="survivor"/> as the linker's decision.</summary>
    Task MergeAsync(string tenant, Guid survivor, Guid merged, string reason);
}
