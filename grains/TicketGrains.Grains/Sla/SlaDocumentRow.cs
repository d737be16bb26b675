namespace TicketGrains.Grains.Sla;

/// <summary>The current version of one stored SLA policy or calendar; <see cref="Body"/> is its JSON.</summary>
public sealed record SlaDocumentRow(string Kind, string Name, int Version, string Body, string UpdatedBy, DateTimeOffset UpdatedAt)
{
    public const string Policy = "sla-policy";
    public const string Calendar = "calendar";
}
