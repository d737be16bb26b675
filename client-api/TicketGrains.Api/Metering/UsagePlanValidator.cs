using TicketGrains.Api.Tickets;
using TicketGrains.Grains.Metering;

namespace TicketGrains.Api.Metering;

/// <summary>Checks a plan, naming each bad field by its path (<c>quotas.tickets.perDay.hard</c>, <c>bursts[0].to</c>).</summary>
public static class UsagePlanValidator
{
    public const int MaxBursts = 50;
    public const int MaxExtraPercent = 1000;

    public static UsagePlan Validate(UsagePlanRequest request, FieldErrors errors)
    {
        // The name is shown to people (usage reports, warnings): no control or deceptive characters.
        TextRules.Check(errors, "name", request.Name, 64, required: true);

        var quotas = new Dictionary<string, QuotaLimit>(StringComparer.Ordinal);
        foreach (var (key, limit) in request.Quotas ?? [])
        {
            if (Quota(errors, key, limit) is { } valid)
            {
                quotas[key] = valid;
            }
        }

        var bursts = request.Bursts ?? [];
        if (bursts.Count > MaxBursts)
        {
            errors.Add("bursts", $"A plan has at most {MaxBursts} bursts.");
        }

        var credits = bursts.Select((b, i) => Burst(errors, $"bursts[{i}]", b)).OfType<BurstCredit>().ToList();
        return new UsagePlan(request.Name ?? "", quotas, credits);
    }

    private static QuotaLimit? Quota(FieldErrors errors, string key, UsagePlanRequest.Limit? limit)
    {
        var field = $"quotas.{key}";
        if (!QuotaKeys.TryParse(key, out var measure, out _))
        {
            errors.Add(field, $"A quota is named measure.period: measure one of {string.Join(", ", QuotaKeys.Measures)}; period perHour or perDay.");
            return null;
        }

        if (limit is null || (limit.Soft is null && limit.Hard is null))
        {
            errors.Add(field, "A quota has soft, hard or both.");
            return null;
        }

        var problems = new List<(string Field, string Message)>();
        if (limit.Soft is < 0)
        {
            problems.Add((field + ".soft", "soft is a count of 0 or more."));
        }

        if (limit.Hard is < 0)
        {
            problems.Add((field + ".hard", "hard is a count of 0 or more."));
        }
        else if (limit.Hard is not null && !QuotaKeys.HardMeasures.Contains(measure))
        {
            problems.Add((field + ".hard", "Hard quotas exist for tickets and messages only (what the API can refuse)."));
        }
        else if (limit is { Soft: { } soft, Hard: { } hard } && soft > hard)
        {
            problems.Add((field + ".soft", "soft is at most hard."));
        }

        foreach (var (name, message) in problems)
        {
            errors.Add(name, message);
        }

        return problems.Count == 0 ? new QuotaLimit(limit.Soft, limit.Hard) : null;
    }

    private static BurstCredit? Burst(FieldErrors errors, string field, UsagePlanRequest.Burst? burst)
    {
        if (burst is not { From: { } from, To: { } to, ExtraPercent: { } extra })
        {
            errors.Add(field, "A burst has from, to (ISO 8601 instants) and extraPercent.");
            return null;
        }

        if (from >= to)
        {
            errors.Add(field + ".to", "to must be after from.");
            return null;
        }

        if (extra is < 1 or > MaxExtraPercent)
        {
            errors.Add(field + ".extraPercent", $"extraPercent is from 1 to {MaxExtraPercent}.");
            return null;
        }

        return new BurstCredit(from.ToUniversalTime(), to.ToUniversalTime(), extra);
    }
}
