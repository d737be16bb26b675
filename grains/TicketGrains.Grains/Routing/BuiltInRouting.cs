namespace TicketGrains.Grains.Routing;

/// <summary>
/// The routing every tenant has after its own rules: VIP customers get their own lane, otherwise the category decides,
/// and the last rule is the default. Their ids start with "builtin-"; a tenant's rule with the same id replaces one.
/// </summary>
public static class BuiltInRouting
{
    public const string General = "general";
    public const string Vip = "vip";
    public const string DefaultRuleId = "builtin-default";

    public static readonly IReadOnlyList<RoutingRule> Rules =
    [
        new("builtin-vip", new RoutingWhen { Tiers = ["vip"] }, new RoutingThen { Queue = Vip }),
        new("builtin-after-sales", new RoutingWhen { Categories = ["return", "exchange", "return_exchange", "refund"] }, new RoutingThen { Queue = "after-sales" }),
        new("builtin-logistics", new RoutingWhen { Categories = ["logistics", "logistics_exception"] }, new RoutingThen { Queue = "logistics" }),
        new("builtin-complaints", new RoutingWhen { Categories = ["complaint"] }, new RoutingThen { Queue = "complaints" }),
        new("builtin-presale", new RoutingWhen { Categories = ["presale"] }, new RoutingThen { Queue = "presale" }),
        new(DefaultRuleId, new RoutingWhen(), new RoutingThen { Queue = General }),
    ];

    /// <summary>Every queue the built-in rules route to, for agents that serve all of them.</summary>
    public static readonly IReadOnlyList<string> AllQueues = [Vip, "complaints", "after-sales", "logistics", "presale", General];
}
