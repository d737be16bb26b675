using System.Text.RegularExpressions;

namespace TicketGrains.Api.Audit;

/// <summary>
/// The shape of the targets the log writes ("tickets", "ticket:{uuid}", "api-key:{id}", "role:{name}"): a filter that
/// could never match is refused as a 400 instead of silently finding nothing.
/// </summary>
public static partial class AuditTargets
{
    public static bool IsValid(string target) => target.Length <= 160 && Shape().IsMatch(target);

    [GeneratedRegex("^[a-z][a-z-]{0,31}(:[A-Za-z0-9][A-Za-z0-9._@:-]{0,127})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
