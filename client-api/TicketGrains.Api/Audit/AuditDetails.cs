using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Api.Reports;
using TicketGrains.Api.Security;

namespace TicketGrains.Api.Audit;

/// <summary>The detail of an audited command, from its result: state and permissions, never personal data.</summary>
public static class AuditDetails
{
    public const string UnmaskedNote = "personal data shown unmasked";

    public static string Of(object? value, bool unmasked)
    {
        var detail = value switch
        {
            TicketView t => OfTicket(t.Status, t.Assignee, t.Version),
            RolesApi.RoleView r => "permissions=" + string.Join(',', r.Permissions),
            ApiKeysApi.CreatedKey k => "permissions=" + string.Join(',', k.Permissions),
            TicketExport e => $"rows={e.Rows.Count}",
            OrderEvents.OrderEventsApi.OrderEventResult o => $"type={o.Type}; tickets={o.TicketIds.Count}",
            Webhooks.CreatedWebhook w => $"url={w.Url}; events={string.Join(',', w.Events)}",
            Channels.ChannelView c => $"type={c.Type}; settings={string.Join(',', c.SettingNames)}",
            Grains.Metering.UsagePlan p => $"plan={p.Name}; quotas={string.Join(',', p.Quotas.Keys)}; bursts={p.Bursts.Count}",
            CustomerMerge m => $"merge={m.MergeId}; survivor={m.SurvivorId}; merged={m.MergedId}" + (m.UnmergedAt is null ? "" : "; unmerged"),
            _ => "",
        };
        return Noting(detail, unmasked);
    }

    /// <summary>The detail, with the note that the response showed personal data unmasked when it did.</summary>
    public static string Noting(string detail, bool unmasked) => unmasked ? Join(detail, UnmaskedNote) : detail;

    /// <summary>What a create makes: a new ticket at version 1, nobody assigned, with its category, priority and channel (no personal data).</summary>
    public static string OfCreated(string category, string priority, string channel) =>
        $"{OfTicket(TicketStatus.New, null, 1)}; category={category}; priority={priority}; channel={channel}";

    public static string OfTicket(string status, string? assignee, int version) => $"status={status}; assignee={assignee ?? "-"}; version={version}";

    public static string Join(string first, string second) => first.Length == 0 ? second : $"{first}; {second}";
}
