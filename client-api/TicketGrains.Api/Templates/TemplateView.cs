using System.Text.Json;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Rules;

namespace TicketGrains.Api.Templates;

/// <summary>One version of a scenario template: version 0 by "builtin" is a built-in one the tenant has not replaced.</summary>
public sealed record TemplateView(string Name, int Version, bool BuiltIn, JsonElement Template, string UpdatedBy, DateTimeOffset UpdatedAt)
{
    /// <summary>Whether this is the template the tenant applied last (only in the list).</summary>
    public bool Active { get; init; }

    public string? AppliedBy { get; init; }

    public DateTimeOffset? AppliedAt { get; init; }

    public static TemplateView From(RuleVersion version) => new(version.Id, version.Version, version.UpdatedBy == BuiltInRules.Author && version.Version == 0,
        Api.Rules.DocumentBody.AsJson(version.Document), version.UpdatedBy, version.UpdatedAt);
}
