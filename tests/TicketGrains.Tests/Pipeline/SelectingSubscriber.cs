using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Tests.Pipeline;

/// <summary>A selective subscriber that wants the events of the tenants in <see cref="Audience"/>, asked anew per page.</summary>
internal sealed class SelectingSubscriber : ISelectiveEventSubscriber
{
    public string Name => "selector";

    public SubscriberStart StartFrom => SubscriberStart.Beginning;

    public HashSet<string> Audience { get; } = new(StringComparer.Ordinal);

    public int Selections { get; private set; }

    public List<string[]> Pages { get; } = [];

    public ValueTask<Func<EventHeader, bool>> SelectAsync(IReadOnlyList<EventHeader> page, CancellationToken cancellationToken)
    {
        Selections++;
        var audience = Audience.ToHashSet(StringComparer.Ordinal);
        return ValueTask.FromResult<Func<EventHeader, bool>>(header => audience.Contains(header.TenantId));
    }

    public Task HandleAsync(IReadOnlyList<CommittedEvent> events, CancellationToken cancellationToken)
    {
        Pages.Add([.. events.Select(e => $"{e.TenantId}:{e.Data}")]);
        return Task.CompletedTask;
    }
}
