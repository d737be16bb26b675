using System.Text.Json;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Rules;

namespace TicketGrains.Api.Rules;

/// <summary>One version of a rule: version 0 by "builtin" is a built-in rule the tenant has not replaced.</summary>
public sealed record RuleView(string Id, int Version, bool BuiltIn, JsonElement Rule, string UpdatedBy, DateTimeOffset UpdatedAt)
{
    public static RuleView From(RuleVersion version) => new(version.Id, version.Version, version.UpdatedBy == BuiltInRules.Author && version.Version == 0,
        DocumentBody.AsJson(version.Document), version.UpdatedBy, version.UpdatedAt);
}
