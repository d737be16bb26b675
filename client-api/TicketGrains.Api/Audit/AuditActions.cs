namespace TicketGrains.Api.Audit;

/// <summary>What an audit entry records.</summary>
public static class AuditActions
{
    /// <summary>Personal data shown unmasked to a caller with pii:read.</summary>
    public const string ReadUnmasked = "read-unmasked";

    public const string Create = "create";

    /// <summary>A create whose entry was written alongside it (see <see cref="CreateAudit"/>) and that then failed.</summary>
    public const string CreateFailed = "create-failed";
    public const string ChangeStatus = "change-status";
    public const string Assign = "assign";

    /// <summary>An agent set a ticket's priority (POST /api/v1/tickets/{id}/priority).</summary>
    public const string ChangePriority = "change-priority";

    /// <summary>A reply or an internal note added to a ticket.</summary>
    public const string AddMessage = "add-message";

    /// <summary>A file attached to a ticket (POST /api/v1/tickets/{id}/attachments).</summary>
    public const string Attach = "attach";

    /// <summary>A field value read from the ticket accepted into its fields (POST …/proposed-fields/{name}/accept).</summary>
    public const string AcceptField = "accept-field";

    /// <summary>A field value read from the ticket rejected (POST …/proposed-fields/{name}/reject).</summary>
    public const string RejectField = "reject-field";

    /// <summary>An agent's pull handed it a ticket (a pull that found none records nothing).</summary>
    public const string Pull = "pull";

    /// <summary>
    /// A "pull" entry written while its claim was being made (see <see cref="Agents.WitnessedPull"/>) whose ticket was not
    /// handed after all: the claim failed, the caller left and the ticket went back, or the pull failed.
    /// </summary>
    public const string PullAbandoned = "pull-abandoned";

    /// <summary>An agent accepted a ticket its pull handed it.</summary>
    public const string Accept = "accept";
    public const string Export = "export";
    public const string Erase = "erase";
    public const string RoleChange = "role-change";
    public const string ApiKeyCreate = "api-key-create";
    public const string ApiKeyRevoke = "api-key-revoke";
    public const string KeyRotation = "key-rotation";

    /// <summary>An SLA policy or business calendar was created or replaced.</summary>
    public const string SlaChange = "sla-change";

    /// <summary>The tenant's usage plan was set (PUT /api/v1/usage/plan).</summary>
    public const string PlanChange = "plan-change";

    /// <summary>A new version of a routing, event or time rule (PUT /api/v1/rules/{id}).</summary>
    public const string RuleChange = "rule-change";

    /// <summary>A new version of a scenario template.</summary>
    public const string TemplateChange = "template-change";

    /// <summary>A scenario template applied: its routing and triggers replaced the previous template's.</summary>
    public const string TemplateApply = "template-apply";

    /// <summary>An order-system event received (and applied to the tickets carrying its order number).</summary>
    public const string OrderEvent = "order-event";
    public const string WebhookCreate = "webhook-create";
    public const string WebhookDelete = "webhook-delete";

    /// <summary>A channel (with its platform credentials) created, changed or deleted.</summary>
    public const string ChannelChange = "channel-change";

    /// <summary>Two customers merged (POST /api/v1/customers/{id}/merge) or a merge undone.</summary>
    public const string CustomerMerge = "customer-merge";
    public const string CustomerUnmerge = "customer-unmerge";

    /// <summary>A macro or canned reply created, replaced or deleted (PUT or DELETE /api/v1/macros/{id}).</summary>
    public const string MacroChange = "macro-change";

    /// <summary>A customer's personal data revealed on purpose in the workbench (POST /api/v1/customers/{id}/reveal).</summary>
    public const string Reveal = "reveal";

    /// <summary>A credential was presented and refused (expired, forged, wrong audience, unknown API key ...).</summary>
    public const string SignInFailed = "sign-in-failed";

    public static IReadOnlyList<string> All { get; } =
        [ReadUnmasked, Create, CreateFailed, ChangeStatus, ChangePriority, Assign, AddMessage, Attach, Pull, PullAbandoned, Accept, Export, Erase, RoleChange, ApiKeyCreate, ApiKeyRevoke, KeyRotation, SlaChange, OrderEvent,
        WebhookCreate, WebhookDelete, ChannelChange, RuleChange, TemplateChange, TemplateApply, CustomerMerge, CustomerUnmerge, SignInFailed, PlanChange,
        MacroChange, Reveal];
}
