namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// How one queue orders, matches and hands out its tickets (PUT /api/v1/queues/{name}). Order keys are "priority",
/// "tier", "slaDue" and "wait", tried in the order given; strategy "pull" waits for agents to ask, "push" offers each
/// ticket to an agent chosen by <see cref="PushStrategy"/> ("most-spare-capacity" or "round-robin").
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.QueueDefinition")]
public sealed record class QueueDefinition
{
    public const string Pull = "pull";
    public const string Push = "push";
    public const string MostSpareCapacity = "most-spare-capacity";
    public const string RoundRobin = "round-robin";

    /// <summary>The order of a queue nobody defined: priority, then the longest wait.</summary>
    public static readonly QueueDefinition Default = new();

    /// <summary>The queue's name (set by the queue itself).</summary>
    [Id(8)] public string Name { get; init; } = "";

    /// <summary>Skill name to the lowest level an agent needs.</summary>
    [Id(0)] public IReadOnlyDictionary<string, int> RequiredSkills { get; init; } = new Dictionary<string, int>();

    [Id(1)] public IReadOnlyList<string> Order { get; init; } = ["priority", "wait"];

    /// <summary>The queue a ticket moves to after waiting <see cref="OverflowAfterSeconds"/> here; none when null.</summary>
    [Id(2)] public string? OverflowQueue { get; init; }

    [Id(3)] public int? OverflowAfterSeconds { get; init; }

    [Id(4)] public string Strategy { get; init; } = Pull;

    [Id(5)] public string PushStrategy { get; init; } = MostSpareCapacity;

    /// <summary>How long an agent has to accept a pushed offer before the ticket goes back and skips them.</summary>
    [Id(6)] public int OfferTimeoutSeconds { get; init; } = 30;

    /// <summary>After this wait a ticket no longer needs the skills: any agent serving the queue may take it. Never when null.</summary>
    [Id(7)] public int? WidenAfterSeconds { get; init; }
}
