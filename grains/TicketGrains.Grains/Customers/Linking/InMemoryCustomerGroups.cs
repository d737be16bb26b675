namespace TicketGrains.Grains.Customers.Linking;

/// <summary>Merges in memory (each merged customer points at its survivor), for unit tests and the linking benchmark.</summary>
public sealed class InMemoryCustomerGroups : ICustomerGroups
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Guid> _mergedInto = [];
    private readonly Dictionary<Guid, List<Guid>> _absorbed = [];

    public int Merges { get; private set; }

    public Task<Guid> SurvivorAsync(string tenant, Guid customer)
    {
        lock (_gate)
        {
            return Task.FromResult(Survivor(customer));
        }
    }

    public Task<IReadOnlyList<Guid>> MembersAsync(string tenant, Guid survivor)
    {
        lock (_gate)
        {
            var members = new List<Guid> { survivor };
            for (var i = 0; i < members.Count; i++)
            {
                members.AddRange(_absorbed.GetValueOrDefault(members[i]) ?? []);
            }

            return Task.FromResult<IReadOnlyList<Guid>>(members);
        }
    }

    public Task MergeAsync(string tenant, Guid survivor, Guid merged, string reason)
    {
        lock (_gate)
        {
            if (Survivor(survivor) == Survivor(merged))
            {
                throw new InvalidOperationException($"Customers {survivor} and {merged} are one customer already.");
            }

            _mergedInto[merged] = survivor;
            if (!_absorbed.TryGetValue(survivor, out var absorbed))
            {
                _absorbed[survivor] = absorbed = [];
            }

            absorbed.Add(merged);
            Merges++;
        }

        return Task.CompletedTask;
    }

    private Guid Survivor(Guid customer)
    {
        while (_mergedInto.TryGetValue(customer, out var next))
        {
            customer = next;
        }

        return customer;
    }
}
