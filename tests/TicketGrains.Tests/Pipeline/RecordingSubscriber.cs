using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Tests.Pipeline;

/// <summary>Records every page it is handed; fails the next calls when told to.</summary>
internal sealed class RecordingSubscriber(SubscriberStart start = SubscriberStart.Beginning, string? takesOverFrom = null, string? handsOverTo = null)
    : IEventSubscriber
{
    public string Name => "recorder";

    public SubscriberStart StartFrom => start;

    public string? TakesOverFrom => takesOverFrom;

    public string? HandsOverTo => handsOverTo;

    public List<long[]> Pages { get; } = [];

    public int FailNext { get; set; }

    public Task HandleAsync(IReadOnlyList<CommittedEvent> events, CancellationToken cancellationToken)
    {
        Pages.Add([.. events.Select(e => e.Position)]);
        if (FailNext > 0)
        {
            FailNext--;
            throw new InvalidOperationException("webhook answered 500");
        }

        return Task.CompletedTask;
    }
}
