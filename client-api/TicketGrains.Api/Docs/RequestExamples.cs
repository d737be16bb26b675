using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using TicketGrains.Api.Agents;
using TicketGrains.Api.Channels;
using TicketGrains.Api.Customers;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.OrderEvents;
using TicketGrains.Api.Security;
using TicketGrains.Api.Tickets;
using TicketGrains.Api.Webhooks;
using TicketGrains.Grains.Rules;
using TicketGrains.Grains.Templates;

namespace TicketGrains.Api.Docs;

/// <summary>
/// An example body for each operation that takes one, shown and pre-filled by the reference's "try it". Built from the
/// request types themselves, so a renamed field cannot leave a stale example behind.
/// </summary>
public static class RequestExamples
{
    private static readonly JsonSerializerOptions Json = new(JsonBody.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private static readonly ChannelRequest ChannelExample = new("app", "Shop app (iOS and Android)",
        JsonDocument.Parse("""{"secret": "7c1f0e5a9b2d4c6e8f10a3b5c7d9e1f2", "threading": {"windowHours": 72, "joinOn": ["thread", "order"]}}""").RootElement.Clone());

    /// <summary>By operation id (the endpoint's name).</summary>
    public static IReadOnlyDictionary<string, object> ByOperation { get; } = new Dictionary<string, object>(StringComparer.Ordinal)
    {
        ["CreateTicket"] = new CreateTicketRequest(
            "wechat",
            new CustomerRequest(null, "o6_bmjrPTlm6_2sgVt7hMZOPfL2M", "李雷", "13800138000", null, "vip"),
            "快递三天没动",
            "订单 20261111-42 物流没有更新",
            "logistics",
            "high",
            new Dictionary<string, string> { ["orderNo"] = "20261111-42" }),
        ["ClassifyIntent"] = new AutoFill.ClassifyRequest("申请退款一周了还没到账，订单 20261111-42"),
        ["AcceptProposedField"] = new AutoFill.AcceptFieldRequest("3456789012345678901"),
        ["CreateChannel"] = ChannelExample,
        ["ReplaceChannel"] = ChannelExample,
        ["PostWebMessage"] = new Channels.Web.WebMessage("f3a9c1d27b5e4a60", "尺码不合适，想换大一号", "李雷", "lilei@example.com", "换货"),
        ["AddTicketMessage"] = new AddMessageRequest("alice", "您好，已为您催促快递，预计明天送达。", Internal: false, ExpectedVersion: null),
        ["ChangeTicketStatus"] = new ChangeStatusRequest("pending", ExpectedVersion: null),
        ["AssignTicket"] = new AssignRequest("alice", ExpectedVersion: null),
        ["SetAgentQueues"] = new SetQueuesRequest(["vip", "logistics"]),
        ["PutAgent"] = new PutAgentRequest(
            new Dictionary<string, int> { ["refund"] = 3, ["logistics"] = 2 },
            new Dictionary<string, int> { ["email"] = 10, ["chat"] = 3, ["voice"] = 1 },
            ["vip", "after-sales"]),
        ["SetAgentPresence"] = new PresenceRequest("online"),
        ["PutQueue"] = new PutQueueRequest(
            new Dictionary<string, int> { ["refund"] = 3 }, ["priority", "tier", "slaDue", "wait"], "general", 600, "push", "most-spare-capacity", 30, 120),
        ["PutRole"] = new RolesApi.PutRoleRequest([Permissions.TicketsRead, Permissions.TicketsWrite, Permissions.ReportsExport]),
        ["CreateApiKey"] = new ApiKeysApi.CreateRequest("erp-sync", [Permissions.TicketsRead, Permissions.TicketsWrite]),
        ["PutCalendar"] = SlaExamples.Calendar,
        ["PutSlaPolicy"] = SlaExamples.Policy,
        ["PutRule"] = new RuleDocument
        {
            Type = RuleKinds.Event,
            Description = "A refund rejected on the order: tell the customer and raise the ticket.",
            On = [RuleKinds.OrderEvent],
            Conditions = new RuleConditions { All = [new RuleCondition { Field = "event.type", Op = "is", Value = "refund_rejected" }] },
            Actions =
            [
                new RuleAction { Type = "reply", Body = "您的订单 {{event.orderNo}} 退款未通过，客服将尽快联系您。" },
                new RuleAction { Type = "setPriority", Value = "high" },
                new RuleAction { Type = "addTags", Values = ["refund-rejected"] },
            ],
        },
        ["PutMacro"] = new Macros.PutMacroRequest("催快递", "您好，已为您联系快递公司，今天内会更新物流信息。", "pending", Internal: false),
        ["PutTemplate"] = TemplateValidator.Parse(BuiltInTemplates.Documents.Single(t => t.Id == "618").Document, [])!,
        ["ReceiveOrderEvent"] = new OrderEventRequest("oms-20261111-42-shipped", "shipped", "20261111-42", "SF1234567890", "顺丰速运",
            new DateTimeOffset(2026, 11, 11, 9, 30, 0, TimeSpan.FromHours(8)), null),
        ["CreateWebhook"] = new CreateWebhookRequest("https://erp.example.com/hooks/ticketgrains", ["ticket.created", "order_event.received"]),
        ["MergeCustomers"] = new MergeRequest("0193a5c2-7b1e-7d40-9a3f-2c8e5b6d4f10"),
        ["UnmergeCustomers"] = new UnmergeRequest("0193a5c3-1f0a-7e22-8b5d-6a9c3e7f2d41"),
        ["SetSurgeSettings"] = new Surges.SurgeSettingsRequest(true, true,
            new Dictionary<string, string?> { ["zh"] = "近期物流延迟，您的订单我们正在跟进，无需重复咨询。", ["en"] = "Deliveries are delayed; we are following your order." },
            "logistics-surge"),
        ["IssueDevToken"] = new DevTokensApi.Request("default", "alice", ["agent"], null, 60),
    };

    public static OpenApiOptions AddRequestExamples(this OpenApiOptions options)
    {
        options.AddOperationTransformer((operation, _, _) =>
        {
            if (operation.OperationId is { } id && ByOperation.TryGetValue(id, out var example)
                && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true)
            {
                media.Example = JsonSerializer.SerializeToNode(example, example.GetType(), Json);
            }

            return Task.CompletedTask;
        });
        return options;
    }
}
