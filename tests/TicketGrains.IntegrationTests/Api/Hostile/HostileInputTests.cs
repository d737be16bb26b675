using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Api.Hostile;

/// <summary>
/// Walks every operation of the OpenAPI document as a tenant admin with hostile input: broken and mistyped JSON,
/// missing and poisoned fields, huge, nested and oversized bodies, wrong content types, bad path segments and query
/// values. Every request must be refused quickly with a 4xx ProblemDetails (never a 5xx, never a hang), and afterwards
/// the tenant's data must be exactly as before. The same bodies without the hostile part are accepted for another
/// tenant, so each refusal is owed to the hostile part alone.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class HostileInputTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    private const int Parallelism = 4;
    private static readonly TimeSpan RequestDeadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SuiteBudget = TimeSpan.FromSeconds(90);

    /// <summary>A stream (it never ends by itself) with no parameters or body to attack.</summary>
    /// <summary>
    /// The live feed is a stream; a web visitor's message is not a tenant's call (no bearer token: a visitor token and
    /// the page's Origin), and its hostile bodies, tokens and origins are WebChannelTests' own.
    /// </summary>
    private static readonly HashSet<string> NotWalked = ["TicketEventFeed", "PostWebMessage"];

    [Fact]
    public Task Hostile_requests_to_every_operation_are_refused_with_problem_details_and_store_nothing() => cluster.RunAsync(output, async () =>
    {
        var watch = Stopwatch.StartNew();
        var document = (await cluster.Client(null, "").GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK).Json;
        var (target, control) = (cluster.FreshTenant(), cluster.FreshTenant());
        var (targetSeed, controlSeed) = (await HostileSeed.PlantAsync(target), await HostileSeed.PlantAsync(control));
        var samples = OperationSample.For(targetSeed.TicketVersion);
        var before = await SnapshotAsync(target, targetSeed);

        var requests = Generate(document, targetSeed, samples).ToList();
        var violations = await SendAllAsync(target.Tenant!, requests);

        foreach (var violation in violations.Order(StringComparer.Ordinal))
        {
            output.WriteLine(violation);
        }

        output.WriteLine($"{requests.Count} hostile requests to {requests.Select(r => r.Operation).Distinct().Count()} operations in {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(violations.IsEmpty, $"{violations.Count} of {requests.Count} hostile requests were not refused properly; first: {violations.FirstOrDefault()}");
        Assert.Equal(before, await SnapshotAsync(target, targetSeed));
        Assert.True(requests.Count > 500, $"Only {requests.Count} hostile requests were generated.");
        Assert.Equal(samples.Keys.Order(StringComparer.Ordinal), requests.Select(r => r.Operation).Intersect(samples.Keys).Distinct().Order(StringComparer.Ordinal));
        await AssertSamplesAcceptedAsync(control, controlSeed, document, samples);
        Assert.True(watch.Elapsed < SuiteBudget, $"The hostile walk took {watch.Elapsed.TotalSeconds:0} s.");
    });

    private static IEnumerable<HostileRequest> Generate(JsonElement document, HostileSeed seed, IReadOnlyDictionary<string, OperationSample> samples)
    {
        var root = JsonNode.Parse(document.GetRawText())!.AsObject();
        JsonObject Resolve(string reference) => root["components"]!["schemas"]![reference.Split('/')[^1]]!.AsObject();

        foreach (var (template, operations) in root["paths"]!.AsObject())
        {
            if (template.StartsWith("/dashboard", StringComparison.Ordinal))
            {
                // Orleans' own dashboard, for operators only (a tenant admin is refused before any input is read).
                continue;
            }

            foreach (var (verb, node) in operations!.AsObject())
            {
                var operation = node!.AsObject();
                var name = operation["operationId"]?.GetValue<string>() ?? throw new InvalidOperationException($"{verb} {template} has no operationId.");
                if (NotWalked.Contains(name))
                {
                    continue;
                }

                var method = new HttpMethod(verb.ToUpperInvariant());
                var parameters = (operation["parameters"] as JsonArray ?? []).Select(p => p!.AsObject()).ToList();
                // A JSON body's schema, by reference to a component or written inline (POST /api/v1/extract describes its own).
                var jsonSchema = operation["requestBody"]?["content"]?["application/json"]?["schema"] as JsonObject;
                var bodySchema = jsonSchema?["$ref"] is { } reference ? Resolve(reference.GetValue<string>()) : jsonSchema;
                if ((bodySchema is not null || parameters.Any(p => p["in"]!.GetValue<string>() == "query")) && !samples.ContainsKey(name))
                {
                    throw new InvalidOperationException($"The hostile walk has no sample for {name} ({verb.ToUpperInvariant()} {template}); teach OperationSample.");
                }

                var sample = samples.GetValueOrDefault(name);
                var validUrl = Fill(template, seed, _ => null);
                byte[]? validBody = bodySchema is null ? null : System.Text.Encoding.UTF8.GetBytes(sample!.Body.ToJsonString());

                foreach (var parameter in parameters)
                {
                    var parameterName = parameter["name"]!.GetValue<string>();
                    if (parameter["in"]!.GetValue<string>() == "path")
                    {
                        var values = parameter["schema"]?["format"]?.GetValue<string>() == "uuid"
                            ? HostileValues.UrlSegments.Concat(HostileValues.UuidParameter)
                            : HostileValues.UrlSegments;
                        foreach (var (label, encoded) in values)
                        {
                            yield return new HostileRequest(name, $"{label} in path {parameterName}", method,
                                Fill(template, seed, p => p == parameterName ? encoded : null), validBody);
                        }

                        yield return new HostileRequest(name, $"nul in path {parameterName}", method,
                            Fill(template, seed, p => p == parameterName ? HostileValues.NulSegment : null), validBody, Status: 400, RefusedByServer: true);
                    }
                    else
                    {
                        var values = sample!.NumericQuery.Contains(parameterName)
                            ? HostileValues.UrlSegments.Concat(HostileValues.Numbers)
                            : HostileValues.UrlSegments;
                        // A free-text filter may take an odd value and find nothing: any 4xx ProblemDetails will do there.
                        var freeText = sample.FreeTextQuery?.Contains(parameterName) == true;
                        foreach (var (label, encoded) in values)
                        {
                            yield return new HostileRequest(name, $"{label} in query {parameterName}", method,
                                $"{validUrl}?{parameterName}={encoded}", validBody, Status: freeText ? null : 400, Field: freeText ? null : parameterName);
                        }
                    }
                }

                if (bodySchema is not null)
                {
                    var multipartPart = (operation["requestBody"]?["content"]?["multipart/form-data"]?["schema"]?["required"] as JsonArray)?[0]?.GetValue<string>();
                    foreach (var request in HostileBodies.For(name, method, validUrl, sample!, bodySchema, Resolve, multipartPart))
                    {
                        yield return request;
                    }
                }
            }
        }
    }

    /// <summary>The template with every path parameter set to the seed's value, or to the override where one is given.</summary>
    private static string Fill(string template, HostileSeed seed, Func<string, string?> overrideOf)
    {
        var url = template;
        foreach (var parameter in template.Split('{').Skip(1).Select(p => p[..p.IndexOf('}', StringComparison.Ordinal)]))
        {
            var value = overrideOf(parameter) ?? seed.ValueOf(template, parameter);
            url = url.Replace("{" + parameter + "}", value, StringComparison.Ordinal);
        }

        return url;
    }

    private async Task<ConcurrentBag<string>> SendAllAsync(string tenant, IReadOnlyList<HostileRequest> requests)
    {
        using var http = new HttpClient { BaseAddress = cluster.Http.BaseAddress, Timeout = RequestDeadline };
        http.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Admin(tenant));
        var violations = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (request, _) =>
        {
            var problem = await HostileResponses.CheckAsync(http, request);
            if (problem is not null)
            {
                violations.Add($"{request}: {problem}");
            }
        });
        return violations;
    }

    /// <summary>Everything the target tenant owns, as text: event log, read model, roles, keys, channels, and the seeded agent's queues.</summary>
    private async Task<string> SnapshotAsync(ApiClient tenant, HostileSeed seed)
    {
        var parts = new List<string>();
        foreach (var table in new[] { "tg_events", "tg_snapshots", "tg_tickets", "tg_roles", "tg_api_keys", "tg_channels" })
        {
            var rows = await cluster.Database.ColumnAsync<string>($"SELECT row_to_json(t)::text FROM {table} t WHERE tenant_id = $1 ORDER BY 1", tenant.Tenant!);
            parts.Add($"{table}: {rows.Count} rows\n{string.Join('\n', rows)}");
        }

        parts.Add((await tenant.GetAsync($"/api/v1/agents/{seed.Agent}")).Expect(HttpStatusCode.OK).Text);
        return string.Join("\n", parts);
    }

    /// <summary>
    /// Each operation's sample body itself (without the version it was pinned to) is accepted, for another tenant: so the
    /// refusals above were owed to the hostile part alone.
    /// </summary>
    private static async Task AssertSamplesAcceptedAsync(ApiClient control, HostileSeed seed, JsonElement document,
        IReadOnlyDictionary<string, OperationSample> samples)
    {
        var accepted = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            // JSON bodies only: a multipart upload's refusals are proven by its own tests (AttachmentApiTests).
            foreach (var operation in path.Value.EnumerateObject()
                .Where(o => o.Value.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out _)))
            {
                var name = operation.Value.GetProperty("operationId").GetString()!;
                if (NotWalked.Contains(name))
                {
                    continue;
                }

                var body = samples[name].Body.DeepClone().AsObject();
                body.Remove("expectedVersion");
                using var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), Fill(path.Name, seed, _ => null))
                {
                    Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
                };
                var response = await control.SendAsync(request);
                // A merge names another customer and an un-merge a merge, which the seed has not: their well-formed sample
                // gets as far as looking that up, and is refused for that alone.
                var refersToNothing = name is "MergeCustomers" or "UnmergeCustomers" && response.Status == HttpStatusCode.BadRequest
                    && response.ErrorFields.SequenceEqual(body.Select(p => p.Key)) && response.Text.Contains(name == "MergeCustomers" ? "does not exist" : "no merge");
                // The seeded ticket has no proposed field to accept.
                refersToNothing |= name == "AcceptProposedField" && response.Status == HttpStatusCode.BadRequest
                    && response.ErrorFields.SequenceEqual(["name"]) && response.Text.Contains("no proposed", StringComparison.Ordinal);
                Assert.True(response.Status is HttpStatusCode.OK or HttpStatusCode.Created || refersToNothing,
                    $"The valid {name} sample was refused: {(int)response.Status} {response.Text}");
                accepted++;
            }
        }

        Assert.Equal(samples.Values.Count(s => s.Body.Count > 0), accepted);
    }
}
