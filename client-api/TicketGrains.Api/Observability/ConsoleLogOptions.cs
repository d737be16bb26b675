namespace TicketGrains.Api.Observability;

/// <summary>Console log format (key "Logging:Json"), beside the standard "Logging" settings.</summary>
public sealed class ConsoleLogOptions
{
    public const string Section = "Logging";

    /// <summary>One JSON object per line (UTC timestamp, level, category, message, its fields and scopes, trace and span ids) for log collectors; plain text when false.</summary>
    public bool Json { get; set; }
}
