using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.AutoFill.Proposals;

/// <summary>How the proposal events change a ticket's fields, their sources and its proposals.</summary>
public static class FieldProposalFold
{
    public static void Apply(TicketState state, FieldsProposed proposed)
    {
        state.FieldReadings.Add(proposed.FromVersion);
        foreach (var f in proposed.Fields)
        {
            if (f.Filled)
            {
                Set(state, f.Field, f.Value, f.Source);
            }
            else
            {
                Drop(state, f.Field);
                state.ProposedFields.Add(new ProposedFieldView(f.Field, f.Value, f.Confidence, f.Source, f.AttachmentId));
            }
        }
    }

    public static void Apply(TicketState state, ProposedFieldAccepted accepted) => Set(state, accepted.Field, accepted.Value, accepted.Source);

    public static void Apply(TicketState state, ProposedFieldRejected rejected) => Drop(state, rejected.Field);

    /// <summary>A value set otherwise (a rule) no longer came from reading: its source goes.</summary>
    public static void Overwritten(TicketState state, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            state.FieldSources.Remove(name);
        }
    }

    private static void Set(TicketState state, string name, string value, string source)
    {
        state.Fields[name] = value;
        state.FieldSources[name] = source;
        Drop(state, name);
    }

    private static void Drop(TicketState state, string name) => state.ProposedFields.RemoveAll(p => p.Name == name);
}
