namespace TicketGrains.Api.Security;

/// <summary>The roles every tenant has; a tenant adds its own with PUT /api/v1/roles/{name}.</summary>
public static class BuiltInRoles
{
    public const string Agent = "agent";
    public const string SeniorAgent = "senior-agent";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";
    public const string Auditor = "auditor";
    public const string Integration = "integration";

    private static readonly string[] AgentWork = [Permissions.TicketsRead, Permissions.TicketsWrite, Permissions.TicketsAssign];

    private static readonly Dictionary<string, IReadOnlyList<string>> Map = new(StringComparer.Ordinal)
    {
        [Agent] = AgentWork,
        [SeniorAgent] = [.. AgentWork, Permissions.PiiRead],
        [Supervisor] = [.. AgentWork, Permissions.PiiRead, Permissions.ReportsExport, Permissions.RulesManage, Permissions.ChannelsManage,
            Permissions.CustomersMerge],
        [Admin] = [Permissions.Admin],
        [Auditor] = [Permissions.AuditRead, Permissions.TicketsRead],
        [Integration] = [Permissions.TicketsRead, Permissions.TicketsWrite],
    };

    public static IReadOnlyCollection<string> Names => Map.Keys;

    /// <summary>The permissions of a built-in role, or null when the name is not one.</summary>
    public static IReadOnlyList<string>? PermissionsOf(string role) => Map.GetValueOrDefault(role);

    public static bool IsBuiltIn(string role) => Map.ContainsKey(role);
}
