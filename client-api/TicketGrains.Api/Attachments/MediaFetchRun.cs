using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Grains.Attachments;
using TicketGrains.Grains.AutoFill.Speech;
using TicketGrains.Grains.Channels;
using TicketGrains.Grains.Encryption;

namespace TicketGrains.Api.Attachments;

/// <summary>
/// One attempt at an inbound message's media: the files an e-mail carried (stored when it arrived) or the media its
/// platform names (fetched from the platform's media API), each checked, sealed, stored and recorded on the ticket the
/// message went to. Every step repeats safely: a file's id derives from the message and its place in it.
/// </summary>
public sealed class MediaFetchRun(
    InboundRecords records, IPersonalDataProtection protection, IChannelDirectory channels, IEnumerable<IMediaSource> sources, AttachmentVault vault,
    VoiceTranscripts transcripts, IClusterClient cluster)
{
    /// <summary>
    /// One attempt; a passing failure on attempt <paramref name="maxAttempts"/> is final. A final failure is recorded on
    /// the ticket the message went to, beside its text.
    /// </summary>
    public async Task<MediaFetchOutcome> RunAsync(MediaFetch fetch, int maxAttempts, CancellationToken cancellationToken)
    {
        var (outcome, ticket) = await AttemptAsync(fetch, cancellationToken);
        if (outcome is MediaFetchOutcome.Retry { Counts: true } retry && fetch.Attempts >= maxAttempts)
        {
            outcome = new MediaFetchOutcome.Failed($"Gave up after {fetch.Attempts} attempts: {retry.Reason}");
        }

        if (outcome is MediaFetchOutcome.Failed failed && ticket is not null)
        {
            await ticket.RecordAttachmentFailureAsync(fetch.StreamId, failed.Reason);
        }

        return outcome;
    }

    private async Task<(MediaFetchOutcome Outcome, ITicketGrain? Ticket)> AttemptAsync(MediaFetch fetch, CancellationToken cancellationToken)
    {
        var (received, threaded) = await records.ReadAsync(fetch.Tenant, fetch.StreamId, cancellationToken);
        if (received is null)
        {
            return (new MediaFetchOutcome.Failed("The inbound message is not in the log."), null);
        }

        if (threaded is null)
        {
            return (new MediaFetchOutcome.Retry("The message has not reached a ticket yet.", Counts: false), null);
        }

        string json;
        using (var cipher = await protection.ForReadingAsync(fetch.Tenant, received.CustomerId))
        {
            json = cipher.Open(received.Content);
        }

        if (json == PersonalData.Erased)
        {
            return (new MediaFetchOutcome.Done(), null);
        }

        var content = InboundContent.FromJson(json);
        var ticket = cluster.Reference<ITicketGrain>(GrainKeys.For(fetch.Tenant, threaded.TicketId));
        var actor = "channel:" + received.ChannelId.ToString("D");
        try
        {
            (List<AttachmentNote> Notes, string? Missing) files = (new List<AttachmentNote>(), null);
            if (content.Files.Count > 0)
            {
                files = await CarriedAsync(fetch, content, actor, cancellationToken);
            }
            else if (content.MediaId is not null || content.MediaUrl is not null)
            {
                files.Notes.Add(await FetchedAsync(fetch, received.ChannelId, content, actor, cancellationToken));
            }

            var (notes, missing) = files;
            foreach (var stored in notes)
            {
                // A voice note's transcript, for the agent and the field proposals: the platform's recognition, else the speech reader's.
                var note = stored with
                {
                    Transcript = await transcripts.ForAsync(fetch.Kind, content.Text, stored.ContentType,
                        async ct => (await vault.OpenAsync(fetch.Tenant, stored.AttachmentId, ct))?.Content, cancellationToken),
                };
                if (!await MessageTicket.RecordAsync(cluster, fetch.Tenant, fetch.StreamId, threaded, note))
                {
                    // Stored already: the next attempt finds the file and records it without fetching it again.
                    return (new MediaFetchOutcome.Retry("The message is not on its ticket yet.", Counts: true), ticket);
                }
            }

            return (missing is null ? new MediaFetchOutcome.Done() : new MediaFetchOutcome.Failed(missing), ticket);
        }
        catch (MediaFetchException e) when (e.Transient)
        {
            return (new MediaFetchOutcome.Retry(e.Message, Counts: true), ticket);
        }
        catch (MediaFetchException e)
        {
            return (new MediaFetchOutcome.Failed(e.Message), ticket);
        }
    }

    /// <summary>
    /// The files a request carried (an e-mail's, a phone recording): stored when it arrived (<see cref="CarriedFiles"/>),
    /// recorded now; the names of those that were not stored (type or size refused) say why the rest is missing.
    /// </summary>
    private async Task<(List<AttachmentNote> Notes, string? Missing)> CarriedAsync(
        MediaFetch fetch, InboundContent content, string actor, CancellationToken cancellationToken)
    {
        var notes = new List<AttachmentNote>();
        var refused = new List<string>();
        for (var i = 0; i < content.Files.Count; i++)
        {
            if (await StoredAsync(fetch, i, actor, cancellationToken) is { } stored)
            {
                notes.Add(stored);
            }
            else
            {
                refused.Add(content.Files[i].FileName);
            }
        }

        return (notes, refused.Count == 0 ? null : $"Not stored when the message arrived (type or size not accepted): {string.Join(", ", refused)}.");
    }

    /// <summary>The message's file at <paramref name="index"/> if it is stored (carried in, or fetched by an earlier attempt).</summary>
    private async Task<AttachmentNote?> StoredAsync(MediaFetch fetch, int index, string actor, CancellationToken cancellationToken) =>
        await vault.OpenAsync(fetch.Tenant, AttachmentIds.OfInbound(fetch.Tenant, fetch.StreamId, index), cancellationToken) is { } stored
            ? new AttachmentNote(stored.Id, stored.FileName, stored.ContentType, stored.Content.Length, actor, fetch.StreamId)
            : null;

    private async Task<AttachmentNote> FetchedAsync(MediaFetch fetch, Guid channelId, InboundContent content, string actor, CancellationToken cancellationToken)
    {
        if (await StoredAsync(fetch, 0, actor, cancellationToken) is { } fetchedBefore)
        {
            return fetchedBefore;
        }

        var channel = await channels.FindAsync(channelId, cancellationToken)
            ?? throw new MediaFetchException("The channel was deleted before its media were fetched.", transient: false);
        var source = sources.FirstOrDefault(s => s.Type == channel.Type)
            ?? throw new MediaFetchException($"A {channel.Type} channel has no media API to fetch '{content.MediaId ?? content.MediaUrl}' from.", transient: false);
        var file = await source.FetchAsync(channel, content, cancellationToken);
        var type = vault.Check(file.Content) switch
        {
            AttachmentVerdict.Accepted accepted => accepted.Type,
            AttachmentVerdict.Refused refused => throw new MediaFetchException(refused.Detail, transient: false),
            _ => throw new InvalidOperationException("The attachment check returned no known verdict."),
        };
        return await vault.StoreAsync(fetch.Tenant, fetch.CustomerId, AttachmentIds.OfInbound(fetch.Tenant, fetch.StreamId, 0),
            file.FileName ?? $"{fetch.Kind}.{type.Name}", file.Content, type, actor, fetch.StreamId, cancellationToken);
    }
}
