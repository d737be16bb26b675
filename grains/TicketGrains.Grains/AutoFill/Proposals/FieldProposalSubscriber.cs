using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.AutoFill.Ocr;
using TicketGrains.Grains.AutoFill.Speech;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.AutoFill.Proposals;

/// <summary>
/// Fills tickets from what they hold, off the request path: for each committed ticket event with something to read
/// (<see cref="FieldSourceItems"/>) it asks the ticket for the item, reads its fields (<see cref="ItemFieldReader"/>)
/// and has the ticket record them (fill or propose, <see cref="FieldProposalDecisions"/>). Tickets of a page are read
/// <see cref="ProposalOptions.MaxConcurrency"/> at a time, each ticket's items in log order, at most
/// <see cref="ProposalOptions.MediaConcurrency"/> of them reading an image or a voice note; an item that cannot be read
/// in <see cref="ProposalOptions.ItemTimeout"/> or at all is logged and skipped. A repeated page finds its readings
/// recorded on the tickets and reads nothing again.
/// </summary>
public sealed class FieldProposalSubscriber(
    IServiceProvider services, ItemFieldReader reader, IOptions<ProposalOptions> options, ILogger<FieldProposalSubscriber> logger)
    : ISelectiveEventSubscriber, IDisposable
{
    public const string SubscriberName = "field-proposals";

    private static readonly Func<EventHeader, bool> Select = h => FieldSourceItems.EventTypes.Contains(h.EventType) && StreamIds.TryTicketId(h.StreamId, out _);

    private readonly Lazy<IGrainFactory> _grains = new(services.GetRequiredService<IGrainFactory>);
    private readonly SemaphoreSlim _mediaReadings = new(options.Value.MediaConcurrency);

    public string Name => SubscriberName;

    /// <summary>From now: switching reading on does not go through every ticket ever written.</summary>
    public SubscriberStart StartFrom => SubscriberStart.Now;

    public ValueTask<Func<EventHeader, bool>> SelectAsync(IReadOnlyList<EventHeader> page, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Select);

    public async Task HandleAsync(IReadOnlyList<CommittedEvent> events, CancellationToken cancellationToken)
    {
        var byTicket = events.Where(e => FieldSourceItems.EventTypes.Contains(e.EventType)).GroupBy(e => (e.TenantId, e.StreamId)).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(byTicket, parallel, async (ticketEvents, token) =>
        {
            foreach (var e in ticketEvents)
            {
                await ReadAsync(e, token);
            }
        });
    }

    private async Task ReadAsync(CommittedEvent e, CancellationToken cancellationToken)
    {
        StreamIds.TryTicketId(e.StreamId, out var ticketId);
        var ticket = _grains.Value.Reference<ITicketGrain>(GrainKeys.For(e.TenantId, ticketId));
        if (await ticket.FieldSourceAsync(e.Version) is not { } item)
        {
            return;
        }

        var settings = options.Value;
        IReadOnlyList<ProposedFieldView> fields;
        var media = item.NeedsMediaReader;
        if (media)
        {
            // Waiting here is the media limit's doing, not the item's: its clock starts once its turn has come.
            await _mediaReadings.WaitAsync(cancellationToken);
        }

        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(settings.ItemTimeout);
            try
            {
                fields = await reader.ReadAsync(e.TenantId, item, timeout.Token);
            }
            catch (Exception ex) when (IsUnreadable(ex) || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // An unreadable file or a stuck reader must not hold every later ticket back: it is skipped, and said so.
                logger.LogWarning("Fields of ticket {Ticket} event {Version} ({Kind}) were not read: {Reason}", ticketId, e.Version, item.Kind, ex.Message);
                return;
            }
            finally
            {
                if (media)
                {
                    _mediaReadings.Release();
                }
            }
        }

        logger.LogDebug("Ticket {Ticket} event {Version} ({Kind}): {Count} fields read", ticketId, e.Version, item.Kind, fields.Count);
        if (fields.Count > 0)
        {
            await ticket.RecordFieldReadingAsync(new FieldReading(e.Version, fields, settings.FillThreshold));
        }
    }

    public void Dispose() => _mediaReadings.Dispose();

    private static bool IsUnreadable(Exception e) => e is OcrFailedException or SpeechToolException or TimeoutException or InvalidFieldException;
}
