using System.Net;
using TicketGrains.IntegrationTests.Api;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Rules;

/// <summary>PUT/GET /api/v1/rules on a real silo and PostgreSQL: routing by the tenant's rules, validation, versions.</summary>
[Collection(ApiCollection.Name)]
public sealed class RulesApiTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public Task A_routing_rule_routes_the_next_ticket_and_the_decision_is_in_its_events() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        await RuleRequests.PutAsync(api, "stuck-parcels", """
            {"type":"routing","order":10,"when":{"categories":["logistics"],"keywords":["not moved"]},
             "then":{"queue":"logistics-urgent","priority":"high","skills":["courier-claims"],"tags":["stuck"]}}
            """);

        var stuck = await RuleRequests.CreateAsync(api, "logistics");
        var refund = await RuleRequests.CreateAsync(api, "refund");

        var ticket = (await api.GetAsync(TicketRequests.Ticket(stuck))).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(("logistics-urgent", "high"), (ticket.GetProperty("queue").GetString(), ticket.GetProperty("priority").GetString()));
        Assert.Equal(["courier-claims"], ticket.GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["stuck"], ticket.GetProperty("tags").EnumerateArray().Select(s => s.GetString()));
        var routed = await RuleRequests.RoutedAsync(api, stuck);
        Assert.Equal(("stuck-parcels", "category 'logistics', keyword 'not moved'"), (routed.GetProperty("ruleId").GetString(), routed.GetProperty("reason").GetString()));
        var fallback = await RuleRequests.RoutedAsync(api, refund);
        Assert.Equal(("builtin-after-sales", "after-sales"), (fallback.GetProperty("ruleId").GetString(), fallback.GetProperty("queue").GetString()));
    });

    [Fact]
    public Task A_bad_rule_is_a_400_naming_each_clause_by_json_pointer_and_is_not_stored() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();

        var refused = (await api.PutAsync($"{RuleRequests.Rules}/late", RuleRequests.Json("""
            {"type":"event","on":["ticket.created"],"conditions":{"any":[{"field":"status","op":"near","value":"new"}]},
             "actions":[{"type":"reply","body":"hi"},{"type":"setStatus","value":"archived"}]}
            """))).Expect(HttpStatusCode.BadRequest);
        var malformed = (await api.PutAsync($"{RuleRequests.Rules}/late", RuleRequests.Json("""{"type":"time","status":"pending","afterSeconds":60,"actions":[{"type":"reply","bdy":"x"}]}""")))
            .Expect(HttpStatusCode.BadRequest);

        Assert.Equal(["/actions/1/value", "/conditions/any/0/op"], refused.ErrorFields);
        Assert.Equal(["/actions/0/bdy"], malformed.ErrorFields);
        (await api.GetAsync($"{RuleRequests.Rules}/late")).Expect(HttpStatusCode.NotFound);
    });

    [Fact]
    public Task Every_version_of_a_rule_is_kept_and_built_in_rules_are_listed() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        await RuleRequests.PutAsync(api, "vip-tag", """{"type":"event","on":["ticket.created"],"actions":[{"type":"addTags","values":["v1"]}]}""");
        await RuleRequests.PutAsync(api, "vip-tag", """{"type":"event","on":["ticket.created"],"actions":[{"type":"addTags","values":["v2"]}]}""");

        var versions = (await api.GetAsync($"{RuleRequests.Rules}/vip-tag/versions")).Expect(HttpStatusCode.OK).Json.EnumerateArray().ToList();
        var current = (await api.GetAsync($"{RuleRequests.Rules}/vip-tag")).Expect(HttpStatusCode.OK).Json;
        var all = (await api.GetAsync(RuleRequests.Rules)).Expect(HttpStatusCode.OK).Json.EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();

        Assert.Equal([1, 2], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(["v1", "v2"], versions.Select(v => v.GetProperty("rule").GetProperty("actions")[0].GetProperty("values")[0].GetString()));
        Assert.Equal((2, "it-admin"), (current.GetProperty("version").GetInt32(), current.GetProperty("updatedBy").GetString()));
        Assert.Equal(["vip-tag", "builtin-vip", "builtin-after-sales", "builtin-logistics", "builtin-complaints", "builtin-presale", "builtin-default", "builtin-shipped"], all);
    });

    [Fact]
    public Task Rules_need_rules_manage() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var agent = cluster.Client(tenant, TestTokens.Mint(tenant, "ann", roles: ["agent"]));
        var supervisor = cluster.Client(tenant, TestTokens.Mint(tenant, "sue", roles: ["supervisor"]));

        (await agent.GetAsync(RuleRequests.Rules)).Expect(HttpStatusCode.Forbidden);
        (await agent.GetAsync("/api/v1/templates")).Expect(HttpStatusCode.Forbidden);
        (await supervisor.GetAsync(RuleRequests.Rules)).Expect(HttpStatusCode.OK);
    });
}
