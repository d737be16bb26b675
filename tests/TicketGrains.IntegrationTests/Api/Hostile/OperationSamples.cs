using System.Text.Json.Nodes;

namespace TicketGrains.IntegrationTests.Api.Hostile;

/// <summary>
/// What the hostile walk must know about an operation beyond its OpenAPI description: a valid body to start from, the
/// fields without which it is invalid, which strings are identifiers (any odd character is wrong) and which are free
/// text, which query parameters are whole numbers and which are free text (any odd value may also just find nothing, a
/// 404), and whether its body is limited to a few KiB (small body). Fields are
/// dotted paths; ".0" is an array's first item.
/// </summary>
public sealed record OperationSample(JsonObject Body, string[] Required, string[] Constrained, string[] FreeText, string[] NumericQuery, bool SmallBody = false,
    string[]? FreeTextQuery = null)
{
    /// <summary>The samples, for the tenant's seeded ticket at its current version.</summary>
    public static IReadOnlyDictionary<string, OperationSample> For(int ticketVersion) => new Dictionary<string, OperationSample>
    {
        ["CreateTicket"] = new(
            Json("""
                {"channel":"web","customer":{"channel":"web","externalId":"hostile-customer","name":"Li Lei","phone":"+8613800138000",
                 "email":"li.lei@example.com","tier":"vip"},"subject":"Parcel stuck","body":"Order 42 has not moved.","category":"logistics",
                 "priority":"high","fields":{"orderNo":"20261111-42"}}
                """),
            Required: ["channel", "customer", "customer.externalId", "subject", "body"],
            Constrained: ["channel", "customer.channel", "customer.phone", "customer.email", "customer.tier", "category", "priority"],
            FreeText: ["customer.externalId", "customer.name", "subject", "body", "fields.orderNo"],
            NumericQuery: []),
        ["AddTicketMessage"] = new(
            Json($$"""{"author":"agent-1","body":"We are on it.","internal":false,"expectedVersion":{{ticketVersion}}}"""),
            Required: ["author", "body"], Constrained: [], FreeText: ["author", "body"], NumericQuery: []),
        ["ChangeTicketStatus"] = new(
            Json($$"""{"status":"pending","expectedVersion":{{ticketVersion}}}"""),
            Required: ["status"], Constrained: ["status"], FreeText: [], NumericQuery: [], SmallBody: true),
        ["ChangeTicketPriority"] = new(
            Json($$"""{"priority":"high","expectedVersion":{{ticketVersion}}}"""),
            Required: ["priority"], Constrained: ["priority"], FreeText: [], NumericQuery: [], SmallBody: true),
        ["AssignTicket"] = new(
            Json($$"""{"agentId":"agent-1","expectedVersion":{{ticketVersion}}}"""),
            Required: [], Constrained: ["agentId"], FreeText: [], NumericQuery: [], SmallBody: true),
        ["SetAgentQueues"] = new(Json("""{"queues":["complaint"]}"""), Required: ["queues"], Constrained: ["queues.0"], FreeText: [], NumericQuery: [],
            SmallBody: true),
        ["PutAgent"] = new(
            Json("""{"skills":{"refund":3},"capacity":{"email":10,"chat":3,"voice":1},"queues":["complaint"]}"""),
            Required: [], Constrained: ["queues.0"], FreeText: [], NumericQuery: [], SmallBody: true),
        ["SetAgentPresence"] = new(Json("""{"presence":"online"}"""), Required: ["presence"], Constrained: ["presence"], FreeText: [], NumericQuery: [],
            SmallBody: true),
        ["PutQueue"] = new(
            Json("""
                {"requiredSkills":{"refund":3},"order":["priority","tier","slaDue","wait"],"overflowQueue":"general","overflowAfterSeconds":600,
                 "strategy":"push","pushStrategy":"round-robin","offerTimeoutSeconds":30,"widenAfterSeconds":120}
                """),
            Required: [], Constrained: ["order.0", "overflowQueue", "strategy", "pushStrategy"], FreeText: [], NumericQuery: [], SmallBody: true),
        ["PutRole"] = new(Json("""{"permissions":["tickets:write"]}"""), Required: ["permissions"], Constrained: ["permissions.0"], FreeText: [], NumericQuery: [],
            SmallBody: true),
        ["CreateApiKey"] = new(
            Json("""{"name":"hostile-key","permissions":["tickets:read"]}"""),
            Required: ["name", "permissions"], Constrained: ["permissions.0"], FreeText: ["name"], NumericQuery: [], SmallBody: true),
        ["PutSlaPolicy"] = new(
            Json("""
                {"order":1,"conditions":{"tier":["vip"]},"warnBeforeSeconds":60,"targets":[{"metric":"first_reply","priority":"high","seconds":600}],
                 "escalation":{"raisePriority":true,"queue":"escalations","notify":"lead-1"}}
                """),
            Required: ["targets"], Constrained: ["targets.0.metric", "targets.0.priority", "conditions.tier.0", "escalation.queue", "escalation.notify"],
            FreeText: [], NumericQuery: [], SmallBody: true),
        ["PutCalendar"] = new(
            Json("""{"timeZone":"Asia/Shanghai","weeklyHours":[{"day":"monday","start":"09:00","end":"18:00"}],"holidays":["2026-10-01"]}"""),
            Required: ["timeZone", "weeklyHours"], Constrained: ["timeZone", "weeklyHours.0.day", "weeklyHours.0.start", "weeklyHours.0.end", "holidays.0"],
            FreeText: [], NumericQuery: [], SmallBody: true),
        ["PutRule"] = new(Json("""
            {"type":"routing","description":"hostile rule","when":{"categories":["refund"],"businessHours":{"timeZone":"Asia/Shanghai"}},
             "then":{"queue":"refund-desk"},"conditions":{}}
            """),
            Required: ["type"], Constrained: ["type", "then.queue"], FreeText: ["description"], NumericQuery: [], SmallBody: true),
        ["PutTemplate"] = new(Json("""{"description":"hostile template","routing":{"r1":{"type":"routing","then":{"queue":"q1"}}},"triggers":{}}"""),
            Required: [], Constrained: ["routing.r1.then.queue"], FreeText: ["description"], NumericQuery: [], SmallBody: true),
        ["ListTickets"] = new([], [], [], [], NumericQuery: ["limit"]),
        ["PullNextTicket"] = new([], [], [], [], NumericQuery: ["waitSeconds"]),
        ["ListAuditEntries"] = new([], [], [], [], NumericQuery: ["limit", "cursor"]),
        ["ExportTicketsCsv"] = new([], [], [], [], NumericQuery: []),
        ["FindCustomer"] = new([], [], [], [], NumericQuery: [], FreeTextQuery: ["externalId"]),
        // No seeded ticket carries this order number, so an accepted event changes nothing the walk compares.
        ["ReceiveOrderEvent"] = new(
            Json("""
                {"eventId":"hostile-event","type":"shipped","orderNo":"hostile-order","trackingNo":"SF1234567890","carrier":"SF Express",
                 "occurredAt":"2026-11-11T08:00:00Z","data":{"warehouse":"HZ-2"}}
                """),
            Required: ["eventId", "type", "orderNo"], Constrained: ["type"], FreeText: ["eventId", "orderNo", "trackingNo", "carrier"], NumericQuery: []),
        ["ClassifyIntent"] = new(Json("""{"text":"申请退款一周了还没到账 refund"}"""), Required: ["text"], Constrained: [], FreeText: ["text"], NumericQuery: []),
        ["ExtractFields"] = new(Json("""{"text":"订单号 4567890123456789，运单 SF1234567890123"}"""), Required: ["text"], Constrained: [],
            FreeText: ["text"], NumericQuery: []),
        // The seeded ticket has no proposals: a well-formed accept is refused for that alone (HostileInputTests), so the value's
        // own refusals are its wrong types; an odd but well-formed value would be refused naming the proposal, not the value.
        ["AcceptProposedField"] = new(Json("""{"value":"3456789012345678901"}"""), Required: [], Constrained: [], FreeText: [], NumericQuery: [],
            SmallBody: true),
        ["ReadUsage"] = new([], [], [], [], NumericQuery: []),
        ["TicketsPerHour"] = new([], [], [], [], NumericQuery: []),
        ["ListSurges"] = new([], [], [], [], NumericQuery: ["limit"]),
        ["GetSurge"] = new([], [], [], [], NumericQuery: []),
        ["SetSurgeSettings"] = new(
            Json("""{"openProblemTicket":true,"notifyCustomers":true,"notice":{"zh":"物流延迟，我们正在处理。","en":"Deliveries are late; we are on it."},"surgeQueue":"surge"}"""),
            Required: [], Constrained: ["surgeQueue"], FreeText: ["notice.zh", "notice.en"], NumericQuery: [], SmallBody: true),
        ["PutMacro"] = new(Json("""{"title":"Refund ETA","body":"Refunds reach you in 3-5 days.","status":"solved","internal":false}"""),
            Required: ["title", "body"], Constrained: ["status"], FreeText: ["title", "body"], NumericQuery: [], SmallBody: true),
        ["SetUsagePlan"] = new(Json("""{"name":"hostile-plan","quotas":{"tickets.perDay":{"soft":1000000}}}"""), Required: ["name"],
            Constrained: [], FreeText: ["name"], NumericQuery: [], SmallBody: true),
        ["CreateWebhook"] = new(
            Json("""{"url":"https://93.184.215.14/hook","events":["ticket.created"]}"""),
            Required: ["url", "events"], Constrained: ["url", "events.0"], FreeText: [], NumericQuery: [], SmallBody: true),
        ["ListWebhookDeliveries"] = new([], [], [], [], NumericQuery: ["limit", "cursor"]),
        ["CreateChannel"] = ChannelSample,
        ["ReplaceChannel"] = ChannelSample,
        // Customers the seeded tenant does not have and a merge it never made: a valid body that merges nothing.
        ["MergeCustomers"] = new(Json("""{"customerId":"0193a5c2-7b1e-7d40-9a3f-2c8e5b6d4f10"}"""), Required: ["customerId"], Constrained: ["customerId"],
            FreeText: [], NumericQuery: [], SmallBody: true),
        ["UnmergeCustomers"] = new(Json("""{"mergeId":"0193a5c3-1f0a-7e22-8b5d-6a9c3e7f2d41"}"""), Required: ["mergeId"], Constrained: ["mergeId"],
            FreeText: [], NumericQuery: [], SmallBody: true),
    };

    private static OperationSample ChannelSample => new(
        Json("""{"type":"app","name":"hostile channel","settings":{"secret":"s3cret-value","threading":{"windowHours":24,"joinOn":["thread"]}}}"""),
        Required: ["type", "name", "settings"], Constrained: ["type"], FreeText: ["name"], NumericQuery: []);

    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();
}
