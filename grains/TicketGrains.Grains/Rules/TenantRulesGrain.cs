using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.Routing;
using TicketGrains.Grains.Surges;
using TicketGrains.Grains.Templates;

namespace TicketGrains.Grains.Rules;

/// <summary>
/// A tenant's rules and templates in memory, written through to <see cref="IRuleStore"/>. One activation cluster-wide,
/// so the decision after a change already uses it, on every silo.
/// </summary>
public sealed class TenantRulesGrain(IRuleStore store, TimeProvider time) : Grain, ITenantRulesGrain
{
    private Dictionary<string, RuleVersion> _rules = [];
    private Dictionary<string, RuleVersion> _templates = [];
    private readonly Dictionary<string, string> _surgeRoutes = new(StringComparer.Ordinal);
    private TenantRuleSet _set = new([]);
    private RuleVersion? _applied;

    private string Tenant => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => Load(await store.CurrentAsync(Tenant));

    public Task<RoutingDecision> RouteAsync(CreateTicket ticket) =>
        Task.FromResult(SurgeRouting.Route(_surgeRoutes, ticket) ?? RoutingEngine.Route(_set.Routing, RoutingInput.From(ticket, time.GetUtcNow())));

    public async Task SetSurgeRouteAsync(string category, string? queue, string actor)
    {
        if (_surgeRoutes.GetValueOrDefault(category) != queue)
        {
            await WriteAsync([(DocumentKinds.SurgeRoute, category, queue ?? "")], actor);
        }
    }

    public Task<IReadOnlyList<RuleVersion>> ListRulesAsync() => Task.FromResult<IReadOnlyList<RuleVersion>>(_set.Rules.Select(r => r.Version).ToList());

    public async Task<IReadOnlyList<RuleVersion>> RuleHistoryAsync(string id)
    {
        var stored = await store.HistoryAsync(Tenant, DocumentKinds.Rule, id);
        var builtIn = BuiltInRules.Documents.Where(d => d.Id == id);
        return [.. builtIn, .. stored];
    }

    public async Task<RuleVersion> PutRuleAsync(string id, string document, string actor) =>
        (await WriteAsync([(DocumentKinds.Rule, id, document)], actor))[0].Version;

    public Task<IReadOnlyList<RuleVersion>> TriggersForAsync(string kind) => Task.FromResult(_set.TriggersFor(kind));

    public Task<RuleInterest> InterestAsync() => Task.FromResult(_set.Interest);

    public Task<IReadOnlyList<RuleVersion>> TimeRulesAsync() =>
        Task.FromResult<IReadOnlyList<RuleVersion>>(_set.TimeRules.Select(r => r.Version).ToList());

    public Task<IReadOnlyList<RuleVersion>> ListTemplatesAsync()
    {
        var merged = BuiltInTemplates.Documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        foreach (var (name, version) in _templates)
        {
            merged[name] = version;
        }

        return Task.FromResult<IReadOnlyList<RuleVersion>>(merged.Values.OrderBy(v => v.Id, StringComparer.Ordinal).ToList());
    }

    public Task<RuleVersion?> AppliedTemplateAsync() => Task.FromResult(_applied);

    public async Task<RuleVersion> PutTemplateAsync(string name, string document, string actor) =>
        (await WriteAsync([(DocumentKinds.Template, name, document)], actor))[0].Version;

    public async Task<IReadOnlyList<string>> ApplyTemplateAsync(string name, string actor)
    {
        var version = (await ListTemplatesAsync()).FirstOrDefault(t => t.Id == name) ?? throw new NotFoundException($"No template '{name}'.");
        var template = TemplateValidator.Parse(version.Document, []) ?? throw new InvalidFieldException("name", $"The stored template '{name}' is not valid.");
        // Calendars, policies and queues before the rules: from the first decision under the template's routing, tickets
        // get its SLA targets and its queues order and match as it says.
        var sla = GrainFactory.Reference<ISlaPolicyGrain>(Tenant);
        foreach (var (calendar, document) in template.Calendars ?? [])
        {
            await sla.PutCalendarAsync(calendar, document, actor);
        }

        foreach (var (policy, document) in template.SlaPolicies ?? [])
        {
            await sla.PutPolicyAsync(policy, document, actor);
        }

        await Task.WhenAll((template.Queues ?? []).Select(q => GrainFactory.Reference<IAgentQueueGrain>(GrainKeys.For(Tenant, q.Key)).DefineAsync(q.Value)));
        var current = _set.Rules.Where(r => r.Version.Version > 0).Select(r => (r.Version.Id, r.Rule, r.Version.Document));
        var written = await WriteAsync(TemplateApplication.Plan(name, template, current), actor);
        return [.. written.Where(d => d.Kind == DocumentKinds.Rule).Select(d => d.Version.Id)];
    }

    private async Task<IReadOnlyList<StoredDocument>> WriteAsync(IReadOnlyList<(string Kind, string Id, string Document)> documents, string actor)
    {
        var written = await store.AppendAsync(Tenant, documents, actor, time.GetUtcNow());
        Load(written);
        return written;
    }

    /// <summary>Takes in current versions (all of them at activation, the new ones after a write) and rebuilds the rule set.</summary>
    private void Load(IReadOnlyList<StoredDocument> documents)
    {
        foreach (var document in documents)
        {
            if (document.Kind == DocumentKinds.SurgeRoute)
            {
                SurgeRouting.Take(_surgeRoutes, document.Version.Id, document.Version.Document);
                continue;
            }

            var into = document.Kind switch
            {
                DocumentKinds.Rule => _rules,
                DocumentKinds.Template => _templates,
                _ => null,
            };
            if (document.Kind == DocumentKinds.Applied)
            {
                _applied = document.Version;
            }

            into?.Remove(document.Version.Id);
            into?.Add(document.Version.Id, document.Version);
        }

        _set = new TenantRuleSet(_rules.Values);
    }
}
