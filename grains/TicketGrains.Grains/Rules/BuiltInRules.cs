using System.Text.Json;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Routing;

namespace TicketGrains.Grains.Rules;

/// <summary>
/// The rules every tenant starts with, listed as version 0 by "builtin": today's routing (VIP lane, queue by category,
/// the default) and the "shipped" trigger. A tenant's rule with the same id replaces one (e.g. "enabled": false).
/// </summary>
public static class BuiltInRules
{
    public const string Author = "builtin";
    public const string ShippedId = "builtin-shipped";

    private static readonly RuleDocument Shipped = new()
    {
        Type = RuleKinds.Event,
        Order = 2000,
        Description = "An order shipped: reply with the tracking number and wait for the customer.",
        On = [RuleKinds.OrderEvent],
        Conditions = new RuleConditions { All = [new RuleCondition { Field = "event.type", Op = "is", Value = "shipped" }] },
        Actions =
        [
            new RuleAction { Type = "reply", Body = "您的订单 {{event.orderNo}} 已发货，{{event.carrier}} 运单号 {{event.trackingNo}}。Your order {{event.orderNo}} has shipped: {{event.carrier}} tracking number {{event.trackingNo}}." },
            new RuleAction { Type = "setStatus", Value = "pending" },
        ],
    };

    public static readonly IReadOnlyList<RuleVersion> Documents =
    [
        .. BuiltInRouting.Rules.Select((rule, i) => Version(rule.Id, new RuleDocument
        {
            Type = RuleKinds.Routing,
            Order = 1000 + i,
            When = rule.When,
            Then = rule.Then,
        })),
        Version(ShippedId, Shipped),
    ];

    private static RuleVersion Version(string id, RuleDocument document) =>
        new(id, 0, JsonSerializer.Serialize(document, EventLog.EventSerializer.Options), Author, DateTimeOffset.UnixEpoch);
}
