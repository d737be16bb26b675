namespace TicketGrains.Grains.Rules;

/// <summary>
/// One thing an event or time rule does (<see cref="Types"/>): setStatus / setPriority (<see cref="Value"/>), addTags /
/// removeTags (<see cref="Values"/>), setFields (<see cref="Fields"/>), route (<see cref="Queue"/>, optional
/// <see cref="Values"/> as skills), reply (<see cref="Body"/>, a template with {{ticket.x}}, {{fields.x}}, {{event.x}};
/// <see cref="Internal"/> for a note), notify (<see cref="To"/>, <see cref="Body"/>), webhook (<see cref="Url"/>).
/// </summary>
public sealed class RuleAction
{
    public static readonly string[] Types = ["setStatus", "setPriority", "addTags", "removeTags", "setFields", "route", "reply", "notify", "webhook"];

    public string? Type { get; init; }
    public string? Value { get; init; }
    public List<string>? Values { get; init; }
    public Dictionary<string, string>? Fields { get; init; }
    public string? Queue { get; init; }
    public string? Body { get; init; }
    public bool Internal { get; init; }
    public string? To { get; init; }
    public string? Url { get; init; }
}
