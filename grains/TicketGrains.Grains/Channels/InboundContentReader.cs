using TicketGrains.Grains.Encryption;

namespace TicketGrains.Grains.Channels;

/// <summary>
/// Opens the sealed content of a committed inbound message for the pipeline's subscribers that act on it (ticket work,
/// identity linking): null when the customer was erased before it got there, since nothing of it is left to act on.
/// </summary>
public sealed class InboundContentReader(IPersonalDataProtection protection)
{
    public async Task<InboundContent?> OpenAsync(string tenant, InboundMessageReceived received)
    {
        string json;
        using (var cipher = await protection.ForReadingAsync(tenant, received.CustomerId))
        {
            json = cipher.Open(received.Content);
        }

        return json == PersonalData.Erased ? null : InboundContent.FromJson(json);
    }
}
