namespace TicketGrains.IntegrationTests.Sla;

/// <summary>Request bodies of the SLA tests: a Shanghai office calendar and policies on it.</summary>
internal static class SlaDocuments
{
    public static object OfficeCalendar(params string[] holidays) => new
    {
        timeZone = "Asia/Shanghai",
        weeklyHours = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }.Select(d => new { day = d, start = "09:00", end = "18:00" }),
        holidays,
    };

    /// <summary>VIP refunds: every metric an hour of business time, urgent first replies ten minutes.</summary>
    public static object VipRefunds(int order) => new
    {
        order,
        conditions = new { tier = new[] { "vip" }, category = new[] { "refund" } },
        calendar = "office",
        warnBeforeSeconds = 300,
        targets = new object[]
        {
            new { metric = "first_reply", priority = "urgent", seconds = 600, businessHours = true },
            new { metric = "first_reply", seconds = 3600, businessHours = true },
            new { metric = "requester_wait", seconds = 3600, businessHours = true },
            new { metric = "agent_work", seconds = 3600, businessHours = true },
            new { metric = "total_resolution", seconds = 86400, businessHours = false },
        },
        escalation = new { raisePriority = true, queue = "escalations", notify = "lead-1" },
    };

    /// <summary>A ticket of a VIP customer.</summary>
    public static object VipTicket(string category, string priority) => new
    {
        channel = "wechat",
        customer = new { externalId = "vip-" + Guid.NewGuid().ToString("N")[..12], name = "Han Meimei", tier = "vip" },
        subject = "Refund not received",
        body = "Returned the shoes two weeks ago.",
        category,
        priority,
    };
}
