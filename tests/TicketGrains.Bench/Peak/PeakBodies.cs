using System.Globalization;

namespace TicketGrains.Bench.Peak;

/// <summary>The bodies of the replay's requests: Chinese shop traffic with order numbers, built from the request's number.</summary>
public static class PeakBodies
{
    private static readonly string[] Subjects = ["双十一订单什么时候发货", "快递三天没动", "申请退款", "尺码不对想换货", "开发票"];
    private static readonly string[] Categories = ["logistics", "logistics", "refund", "return_exchange", "invoice"];
    private static readonly string[] OrderEventTypes = ["shipped", "shipped", "delivered", "logistics_exception", "refund_issued"];

    public static object Ticket(PeakSetup setup, int customer, string marker)
    {
        var kind = customer % Subjects.Length;
        return new
        {
            channel = "web",
            customer = new { externalId = $"d11-{setup.Seed}-{customer}", name = $"买家{customer}", tier = customer % 20 == 0 ? "vip" : "regular" },
            subject = $"{Subjects[kind]} ({marker})",
            body = $"订单号 {setup.OrderNo(customer % PeakSetup.SeedTicketCount)}，{Subjects[kind]}，麻烦尽快处理。",
            category = Categories[kind],
            priority = customer % 7 == 0 ? "high" : "normal",
            fields = new Dictionary<string, string> { ["orderNo"] = setup.OrderNo(customer % PeakSetup.SeedTicketCount) },
        };
    }

    public static object Message(string marker) => new { author = "peak-agent", body = $"您好，已为您加急处理 ({marker})", @internal = false };

    public static object OrderEvent(PeakSetup setup, string eventId, int ticket, long n) => new
    {
        eventId,
        type = OrderEventTypes[n % OrderEventTypes.Length],
        orderNo = setup.OrderNo(ticket),
        trackingNo = "SF" + (1_300_000_000L + ticket).ToString(CultureInfo.InvariantCulture),
        carrier = "SF",
    };

    public static object AppMessage(string messageId, int user) => new
    {
        messageId,
        userId = $"d11-app-{user}",
        userName = $"买家{user}",
        kind = "text",
        text = $"我的双十一订单还没发货，订单号 D11{user:D6}",
        sentAt = DateTimeOffset.UtcNow,
    };
}
