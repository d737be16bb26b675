using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Templates;

/// <summary>The templates every tenant has (Templates/BuiltIn/*.json), listed as version 0 by "builtin"; a tenant's PUT of the same name replaces one.</summary>
public static class BuiltInTemplates
{
    public static readonly IReadOnlyList<string> Names = ["everyday", "618", "double11"];

    public static readonly IReadOnlyList<RuleVersion> Documents = [.. Names.Select(Load)];

    private static RuleVersion Load(string name)
    {
        using var stream = typeof(BuiltInTemplates).Assembly.GetManifestResourceStream($"TicketGrains.Templates.{name}.json")
            ?? throw new InvalidOperationException($"The built-in template {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return new RuleVersion(name, 0, reader.ReadToEnd(), Rules.BuiltInRules.Author, DateTimeOffset.UnixEpoch);
    }
}
