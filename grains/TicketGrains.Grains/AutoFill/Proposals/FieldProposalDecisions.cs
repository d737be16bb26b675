using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.AutoFill.Fields;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.AutoFill.Proposals;

/// <summary>
/// Fill or propose (ADR 0023): a field the ticket does not have yet, read with at least the fill threshold's confidence,
/// is filled in; any other new value is proposed, one proposal per field name (the more confident one kept). A value the
/// ticket already holds is dropped, once its source is known. Agents accept (optionally correcting the value) or reject proposals.
/// </summary>
public static class FieldProposalDecisions
{
    /// <summary>The field a refusal of an accept or reject names: the route's {name}.</summary>
    public const string NameField = "name";

    /// <summary>The source recorded for a field whose proposal an agent accepted with a value of their own.</summary>
    public const string AgentSource = "agent";

    public static FieldsProposed? Record(TicketState state, FieldReading reading, DateTimeOffset now)
    {
        if (!state.Exists)
        {
            throw new NotFoundException("No such ticket.");
        }

        if (state.FieldReadings.Contains(reading.FromVersion))
        {
            return null;
        }

        var findings = new List<FieldFinding>();
        foreach (var field in MostConfidentByName(reading.Fields))
        {
            if (Decide(state, field, reading.FillThreshold) is { } finding)
            {
                findings.Add(finding);
            }
        }

        return findings.Count == 0 ? null : new FieldsProposed(reading.FromVersion, findings, now);
    }

    public static ProposedFieldAccepted Accept(TicketState state, string name, string? value, string actor, DateTimeOffset now)
    {
        var proposal = RequireProposal(state, name);
        var chosen = value?.Trim() is { Length: > 0 } corrected ? corrected : proposal.Value;
        return new ProposedFieldAccepted(name, chosen, chosen == proposal.Value ? proposal.Source : AgentSource, actor, now);
    }

    public static ProposedFieldRejected Reject(TicketState state, string name, string actor, DateTimeOffset now)
    {
        RequireProposal(state, name);
        return new ProposedFieldRejected(name, actor, now);
    }

    private static FieldFinding? Decide(TicketState state, ProposedFieldView field, double threshold)
    {
        if (!FieldNames.All.Contains(field.Name) || field.Value.Length == 0)
        {
            return null;
        }

        var current = state.Fields.GetValueOrDefault(field.Name);
        if (current == field.Value)
        {
            // A value the ticket got without a source (a channel message's order number, taken for threading as it came
            // in) is now known to have been read: its source is recorded, once. A value the creator gave has its source.
            return state.FieldSources.ContainsKey(field.Name) || state.CreatorFields.Contains(field.Name) ? null : Finding(field, filled: true);
        }

        if (current is null && field.Confidence >= threshold)
        {
            return Finding(field, filled: true);
        }

        // One proposal per field: a repeat of it, or a less confident other value, changes nothing.
        var proposed = state.ProposedFields.FirstOrDefault(p => p.Name == field.Name);
        var keepsProposal = proposed is not null && (proposed.Value == field.Value ? proposed.Confidence >= field.Confidence : proposed.Confidence > field.Confidence);
        return keepsProposal ? null : Finding(field, filled: false);
    }

    private static FieldFinding Finding(ProposedFieldView field, bool filled) =>
        new(field.Name, field.Value, Math.Round(Math.Clamp(field.Confidence, 0, 1), 4), field.Source, field.AttachmentId, filled);

    private static IEnumerable<ProposedFieldView> MostConfidentByName(IEnumerable<ProposedFieldView> fields) =>
        fields.GroupBy(f => f.Name, StringComparer.Ordinal).Select(g => g.MaxBy(f => f.Confidence)!);

    private static ProposedFieldView RequireProposal(TicketState state, string name)
    {
        if (!state.Exists)
        {
            throw new NotFoundException("No such ticket.");
        }

        if (!FieldNames.All.Contains(name))
        {
            throw new InvalidFieldException(NameField, $"'{name}' is not a field that is proposed; one of {string.Join(", ", FieldNames.All)}.");
        }

        return state.ProposedFields.FirstOrDefault(p => p.Name == name)
            ?? throw new InvalidFieldException(NameField, $"The ticket has no proposed {name}.");
    }
}
