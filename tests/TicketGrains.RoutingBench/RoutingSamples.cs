using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.RoutingBench;

/// <summary>Tickets of every category and tier, and tenant rules of every condition kind that mostly do not match.</summary>
internal static class RoutingSamples
{
    public static CreateTicket[] Tickets(int count)
    {
        var categories = TicketCatalog.Categories.Order(StringComparer.Ordinal).ToArray();
        string[] tiers = ["regular", "regular", "regular", "gold", "vip"];
        return [.. Enumerable.Range(0, count).Select(i => new CreateTicket
        {
            Channel = i % 3 == 0 ? "wechat" : "web",
            CustomerId = Guid.NewGuid(),
            CustomerTier = tiers[i % tiers.Length],
            Subject = i % 2 == 0 ? "快递三天没动" : "Where is my parcel?",
            Body = $"订单 2026-{i} 物流没有更新 / order 2026-{i} has not moved",
            Category = categories[i % categories.Length],
            Priority = "normal",
            Fields = new Dictionary<string, string> { ["orderNo"] = $"2026-{i}", ["shop"] = i % 4 == 0 ? "tmall" : "jd" },
            RequestHash = "bench",
        })];
    }

    public static List<RuleVersion> Rules(int count) => [.. Enumerable.Range(0, count).Select(i => new RuleVersion($"rule-{i}", 1, (i % 5) switch
    {
        0 => $$$"""{"type":"routing","order":{{{i}}},"when":{"keywords":["no-such-word-{{{i}}}"]},"then":{"queue":"q{{{i}}}"}}""",
        1 => $$$"""{"type":"routing","order":{{{i}}},"when":{"fields":{"shop":"shop-{{{i}}}"}},"then":{"queue":"q{{{i}}}"}}""",
        2 => $$$"""{"type":"routing","order":{{{i}}},"when":{"channels":["douyin"],"tiers":["gold"]},"then":{"queue":"q{{{i}}}"}}""",
        3 => $$$"""{"type":"routing","order":{{{i}}},"when":{"languages":["ja"]},"then":{"queue":"q{{{i}}}"}}""",
        _ => $$$"""{"type":"routing","order":{{{i}}},"when":{"categories":["account"],"businessHours":{"timeZone":"Asia/Shanghai","inside":false}},"then":{"queue":"q{{{i}}}"}}""",
    }, "bench", DateTimeOffset.UnixEpoch))];
}
