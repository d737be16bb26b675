using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using TicketGrains.IntegrationTests.Api;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Metering;

/// <summary>Usage, plans and quotas through real HTTP on a silo counting from its own pipeline.</summary>
[Collection(ApiCollection.Name)]
public sealed class UsageApiTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    private const string Usage = "/api/v1/usage";
    private const string Plan = "/api/v1/usage/plan";
    private const string Warnings = "/api/v1/usage/warnings";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public Task Created_tickets_are_counted_in_the_days_report_as_json_and_as_csv() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        for (var i = 0; i < 3; i++)
        {
            (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create($"counted {i}"))).Expect(HttpStatusCode.Created);
        }

        var today = DateTimeOffset.UtcNow.Date;
        var range = $"?from={today:yyyy-MM-dd}T00:00:00Z&to={today.AddDays(1):yyyy-MM-dd}T00:00:00Z&granularity=day";
        await Poll.UntilAsync("the meter to count the three tickets", Deadline, async () =>
            (await api.GetAsync(Usage + range)).Expect(HttpStatusCode.OK).Json.GetProperty("items")[0].GetProperty("tickets").GetInt64() == 3);

        var csv = (await api.GetAsync(Usage + range + "&format=csv")).Expect(HttpStatusCode.OK);
        using var byAccept = new HttpRequestMessage(HttpMethod.Get, Usage + range);
        byAccept.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var accepted = await api.SendAsync(byAccept);

        Assert.Equal("text/csv", csv.MediaType);
        Assert.Equal(
            "start,end,tickets,messages,activeSeats,automationRuns,webhookDeliveries,storageBytes\r\n" +
            $"{today:yyyy-MM-dd}T00:00:00Z,{today.AddDays(1):yyyy-MM-dd}T00:00:00Z,3,0,0,0,0,0\r\n", csv.Text);
        Assert.Equal(csv.Text, accepted.Text);
    });

    [Fact]
    public Task A_bad_range_is_400_naming_the_field() => cluster.RunAsync(output, async () =>
    {
        var refused = (await cluster.FreshTenant().GetAsync(Usage + "?from=2026-11-12T00:00:00Z&to=2026-11-11T00:00:00Z")).Expect(HttpStatusCode.BadRequest);

        Assert.Equal(["to"], refused.ErrorFields);
    });

    [Fact]
    public Task A_hard_quota_refuses_creates_with_429_until_the_day_ends_and_a_soft_one_warns_once() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        (await api.PutAsync(Plan, new { name = "trial", quotas = new Dictionary<string, object> { ["tickets.perDay"] = new { soft = 2, hard = 3 } } }))
            .Expect(HttpStatusCode.OK);
        for (var i = 0; i < 3; i++)
        {
            (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create($"within {i}"))).Expect(HttpStatusCode.Created);
        }

        ApiResponse? refused = null;
        await Poll.UntilAsync("a create to be refused", Deadline, async () =>
        {
            var attempt = await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("one more"));
            refused = attempt.Status == HttpStatusCode.TooManyRequests ? attempt : null;
            return refused is not null;
        });

        var untilMidnight = DateTimeOffset.UtcNow.Date.AddDays(1) - DateTimeOffset.UtcNow;
        var retryAfter = int.Parse(refused!.Header("Retry-After")!, CultureInfo.InvariantCulture);
        Assert.Equal("application/problem+json", refused.MediaType);
        Assert.Equal("tickets.perDay", refused.String("quota"));
        Assert.Equal(429, refused.Json.GetProperty("status").GetInt32());
        Assert.InRange(retryAfter, untilMidnight.TotalSeconds - 60, untilMidnight.TotalSeconds + 1);

        // A quota every tenant reaches at once (0 messages): its warning proves a refresh ran after the tickets' one was written.
        (await api.PutAsync(Plan, new
        {
            name = "trial",
            quotas = new Dictionary<string, object> { ["tickets.perDay"] = new { soft = 2, hard = 3 }, ["messages.perDay"] = new { soft = 0 } },
        })).Expect(HttpStatusCode.OK);
        await Poll.UntilAsync("the messages warning", Deadline, async () =>
            (await api.GetAsync(Warnings)).Expect(HttpStatusCode.OK).Json.EnumerateArray().Any(w => w.GetProperty("quota").GetString() == "messages.perDay"));

        var warnings = (await api.GetAsync(Warnings)).Expect(HttpStatusCode.OK).Json.EnumerateArray().ToList();
        var tickets = Assert.Single(warnings, w => w.GetProperty("quota").GetString() == "tickets.perDay");
        Assert.Equal(2, tickets.GetProperty("limit").GetInt64());
        Assert.Equal(2, warnings.Count);
        var audit = (await api.GetAsync("/api/v1/audit?action=plan-change")).Expect(HttpStatusCode.OK).Json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(
            ["plan=trial; quotas=tickets.perDay,messages.perDay; bursts=0", "plan=trial; quotas=tickets.perDay; bursts=0"],
            audit.Select(e => e.GetProperty("detail").GetString()).Order(StringComparer.Ordinal));
    });

    [Fact]
    public Task A_tenant_without_a_plan_has_the_default_plan_without_quotas() => cluster.RunAsync(output, async () =>
    {
        var plan = (await cluster.FreshTenant().GetAsync(Plan)).Expect(HttpStatusCode.OK).Json;

        Assert.Equal("default", plan.GetProperty("name").GetString());
        Assert.Empty(plan.GetProperty("quotas").EnumerateObject());
    });
}
