using System.Text.Json;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.Encryption;

/// <summary>A ticket snapshot's personal fields (subject, message bodies, field values and proposed values, request hash) sealed or opened.</summary>
public static class TicketStateProtection
{
    public static string SealToJson(TicketState state, PersonalDataCipher cipher)
    {
        var copy = JsonSerializer.Deserialize<TicketState>(JsonSerializer.Serialize(state, EventSerializer.Options), EventSerializer.Options)!;
        Map(copy, cipher.Seal);
        return JsonSerializer.Serialize(copy, EventSerializer.Options);
    }

    public static void Map(TicketState state, Func<string, string> transform)
    {
        state.Subject = transform(state.Subject);
        state.RequestHash = EventProtection.RequestHash(state.RequestHash, transform);
        state.Fields = EventProtection.MapValues(state.Fields, transform);
        state.ProposedFields = [.. state.ProposedFields.Select(p => p with { Value = transform(p.Value) })];
        state.Messages = [.. state.Messages.Select(m => m with { Body = transform(m.Body) })];
    }
}
