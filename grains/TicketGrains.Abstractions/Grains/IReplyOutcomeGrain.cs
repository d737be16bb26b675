using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Abstractions.Grains;

/// <summary>
/// Records a reply's later outcome in the event log, which only silos hold: the host that receives a delivery report
/// (a silo co-hosting the API, or a stand-alone front end running the SMTP listener) asks one of them. Stateless, so a
/// co-hosting silo answers locally.
/// </summary>
[Alias("TicketGrains.IReplyOutcomeGrain")]
public interface IReplyOutcomeGrain : IGrainWithIntegerKey
{
    /// <summary>The reply's second outcome, failed with the report's reason; recording it again changes nothing.</summary>
    [Alias("RecordBounce")]
    Task RecordBounceAsync(ReplyBounce bounce);
}
