namespace TicketGrains.Grains.Rules;

/// <summary>
/// One test on the ticket or its event: <see cref="Field"/> is status, priority, category, channel, queue, assignee,
/// subject, tags, fields.&lt;name&gt; or event.&lt;attribute&gt;; <see cref="Op"/> one of <see cref="Ops"/>.
/// </summary>
public sealed class RuleCondition
{
    public static readonly string[] Ops = ["is", "isNot", "in", "notIn", "contains", "notContains", "present", "absent"];
    public static readonly string[] Fields = ["status", "priority", "category", "channel", "queue", "assignee", "subject", "tags"];

    public string? Field { get; init; }
    public string? Op { get; init; }
    public string? Value { get; init; }
    public List<string>? Values { get; init; }
}
