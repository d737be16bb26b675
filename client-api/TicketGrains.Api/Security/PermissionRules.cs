using TicketGrains.Api.Tickets;

namespace TicketGrains.Api.Security;

/// <summary>Validation of permission lists in request bodies.</summary>
public static class PermissionRules
{
    /// <summary>Adds an error naming "field[i]" for each entry that is not a known permission.</summary>
    public static void Check(FieldErrors errors, string field, IReadOnlyList<string?> permissions)
    {
        for (var i = 0; i < permissions.Count; i++)
        {
            if (permissions[i] is not { } permission || !Permissions.All.Contains(permission))
            {
                errors.Add($"{field}[{i}]", $"Not a known permission; use one of: {string.Join(", ", Permissions.All)}.");
            }
        }
    }
}
