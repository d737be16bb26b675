using System.Text.Json;
using Microsoft.Extensions.Options;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;

namespace TicketGrains.Grains.Sla;

/// <summary>A tenant's SLA policies and calendars in memory, written through to <see cref="ISlaDocumentStore"/>.</summary>
public sealed class SlaPolicyGrain(ISlaDocumentStore store, IOptions<SlaOptions> defaults, TimeProvider time) : Grain, ISlaPolicyGrain
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly Dictionary<string, SlaDocumentEntry<SlaPolicyDocument>> _policies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SlaDocumentEntry<CalendarDocument>> _calendars = new(StringComparer.Ordinal);
    private List<SlaDocumentEntry<SlaPolicyDocument>> _ordered = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var row in await store.CurrentAsync(this.GetPrimaryKeyString()))
        {
            if (row.Kind == SlaDocumentRow.Policy)
            {
                _policies[row.Name] = Entry<SlaPolicyDocument>(row);
            }
            else
            {
                _calendars[row.Name] = Entry<CalendarDocument>(row);
            }
        }

        _ordered = [.. SlaPolicySelector.InOrder(_policies.Values)];
    }

    public async Task<SlaDocumentEntry<SlaPolicyDocument>> PutPolicyAsync(string name, SlaPolicyDocument policy, string actor)
    {
        if (policy.Calendar is { } calendar && !_calendars.ContainsKey(calendar))
        {
            throw new InvalidFieldException("/calendar", $"No calendar '{calendar}'; PUT /api/v1/calendars/{calendar} first.");
        }

        var entry = await StoreAsync(SlaDocumentRow.Policy, name, policy, _policies.GetValueOrDefault(name)?.Version, actor);
        _policies[name] = entry;
        _ordered = [.. SlaPolicySelector.InOrder(_policies.Values)];
        return entry;
    }

    public async Task<SlaDocumentEntry<CalendarDocument>> PutCalendarAsync(string name, CalendarDocument calendar, string actor)
    {
        var entry = await StoreAsync(SlaDocumentRow.Calendar, name, calendar, _calendars.GetValueOrDefault(name)?.Version, actor);
        _calendars[name] = entry;
        return entry;
    }

    public Task<SlaDocumentEntry<SlaPolicyDocument>?> GetPolicyAsync(string name) => Task.FromResult(_policies.GetValueOrDefault(name));

    public Task<IReadOnlyList<SlaDocumentEntry<SlaPolicyDocument>>> ListPoliciesAsync() =>
        Task.FromResult<IReadOnlyList<SlaDocumentEntry<SlaPolicyDocument>>>(_ordered);

    public Task<SlaDocumentEntry<CalendarDocument>?> GetCalendarAsync(string name) => Task.FromResult(_calendars.GetValueOrDefault(name));

    public Task<IReadOnlyList<SlaDocumentEntry<CalendarDocument>>> ListCalendarsAsync() =>
        Task.FromResult<IReadOnlyList<SlaDocumentEntry<CalendarDocument>>>([.. _calendars.Values.OrderBy(c => c.Name, StringComparer.Ordinal)]);

    public Task<SlaPlan> PlanForAsync(SlaTicketFacts ticket) =>
        Task.FromResult(SlaPolicySelector.Select(_ordered, name => _calendars.GetValueOrDefault(name)?.Document, ticket, defaults.Value));

    private async Task<SlaDocumentEntry<T>> StoreAsync<T>(string kind, string name, T document, int? current, string actor)
        where T : class
    {
        var row = new SlaDocumentRow(kind, name, (current ?? 0) + 1, JsonSerializer.Serialize(document, Json), actor, time.GetUtcNow());
        await store.AddVersionAsync(this.GetPrimaryKeyString(), row);
        return new SlaDocumentEntry<T>(name, row.Version, actor, row.UpdatedAt, document);
    }

    private static SlaDocumentEntry<T> Entry<T>(SlaDocumentRow row)
        where T : class =>
        new(row.Name, row.Version, row.UpdatedBy, row.UpdatedAt,
            JsonSerializer.Deserialize<T>(row.Body, Json) ?? throw new InvalidOperationException($"Empty {row.Kind} '{row.Name}'."));
}
