namespace TicketGrains.Abstractions.Catalog;

/// <summary>Agent and queue names become grain keys and URL segments, so their alphabet is narrow.</summary>
public static class AgentIds
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@');
}
