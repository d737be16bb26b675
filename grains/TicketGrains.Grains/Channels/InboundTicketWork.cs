using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.AutoFill.Intents;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Pipeline;
using TicketGrains.Grains.ReadModel;

namespace TicketGrains.Grains.Channels;

/// <summary>
/// One inbound message to ticket work, idempotently (the pipeline is at least once): the threading decision is decided
/// once and recorded as version 2 of the message's stream before it is carried out; a new ticket's id derives from the
/// message's stream, and a ticket adds an inbound message it already holds nothing. Linking the sender to a customer is
/// not done here but by <see cref="Customers.Linking.InboundLinkingSubscriber"/> beside it, so that a page of messages
/// becomes tickets without waiting for the merges of its senders. An automatic message (<see cref="InboundContent.Automatic"/>)
/// opens no ticket: it joins the one <see cref="AutomaticThreading"/> finds, or stays in its own stream only.
/// </summary>
public sealed class InboundTicketWork(
    IServiceProvider services, IEventLog log, InboundContentReader contents, ITicketReadModel readModel, IThreadingRules rules,
    NewTicketClassification classification, TimeProvider time, ILogger<InboundTicketWork> logger)
{
    // Resolved lazily: the grain factory depends on services that are built after this one.
    private readonly Lazy<IGrainFactory> _grains = new(services.GetRequiredService<IGrainFactory>);

    public static InboundMessageReceived Parse(CommittedEvent e) => (InboundMessageReceived)EventSerializer.Deserialize(e.EventType, e.Data);

    public async Task HandleAsync(CommittedEvent e, InboundMessageReceived received)
    {
        // Null: the customer was erased before the message became ticket work, and nothing of it is left to file.
        if (await contents.OpenAsync(e.TenantId, received) is not { } content)
        {
            return;
        }

        var rule = await rules.ForChannelAsync(e.TenantId, received.ChannelId);
        await FileAsync(e, received, content, rule, rule.OrderNumberIn(content.SearchText));
    }

    /// <summary>The message to its ticket: the one threading chose, or a new one.</summary>
    private async Task FileAsync(CommittedEvent e, InboundMessageReceived received, InboundContent content, ThreadingRule rule, string? orderNo)
    {
        var tenant = e.TenantId;
        var threadHash = InboundStreams.ThreadKeyHash(received.ChannelId, content.EffectiveThreadKey);
        var decision = await DecisionAsync(e, received, content, rule, threadHash, orderNo);
        var origin = new InboundOrigin(e.StreamId, received.ChannelId, threadHash, orderNo, decision.Rule, decision.Reason, received.Kind, content.Automatic);
        var body = InboundText.Of(received.Kind, content);
        if (content.Automatic is not null)
        {
            await FileAutomaticAsync(tenant, decision, body, origin);
            return;
        }

        if (!decision.NewTicket)
        {
            try
            {
                await Ticket(tenant, decision.TicketId).AddInboundMessageAsync(body, origin);
                return;
            }
            catch (InvalidFieldException closed) when (closed.Field == "status")
            {
                origin = origin with { Rule = ThreadingRule.New, Reason = "the ticket threading chose was closed before the message reached it" };
            }
        }

        await OpenAsync(tenant, e.StreamId, received, content, body, orderNo, origin);
    }

    /// <summary>An automatic message onto the ticket it joined; one that joined none, or whose ticket closed meanwhile, is left in its stream.</summary>
    private async Task FileAutomaticAsync(string tenant, InboundMessageThreaded decision, string body, InboundOrigin origin)
    {
        if (decision.Rule == AutomaticThreading.Unfiled)
        {
            logger.LogInformation("Automatic message {Stream} ({Automatic}) opened no ticket: {Reason}", origin.Message, origin.Automatic, decision.Reason);
            return;
        }

        try
        {
            await Ticket(tenant, decision.TicketId).AddInboundMessageAsync(body, origin);
        }
        catch (InvalidFieldException closed) when (closed.Field == "status")
        {
            logger.LogInformation("Automatic message {Stream} ({Automatic}) opened no ticket: ticket {Ticket} was closed before it reached it",
                origin.Message, origin.Automatic, decision.TicketId);
        }
    }

    private async Task OpenAsync(string tenant, string streamId, InboundMessageReceived received, InboundContent content, string body, string? orderNo,
        InboundOrigin origin)
    {
        var category = await classification.DecideAsync(content.Subject, content.Text);
        var command = new CreateTicket
        {
            Channel = received.ChannelType,
            CustomerId = received.CustomerId,
            CustomerTier = received.CustomerTier,
            Subject = InboundText.Subject(received.Kind, content),
            Body = body,
            Category = category.Category,
            ProposedCategory = category.Proposed,
            Priority = TicketCatalog.DefaultPriority,
            Fields = orderNo is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [OrderEventTypes.OrderNoField] = orderNo },
            RequestHash = "inbound:" + streamId,
            Inbound = origin,
        };
        await Ticket(tenant, InboundStreams.TicketIdOf(tenant, streamId)).CreateAsync(command);
    }

    /// <summary>The decision recorded for the message: decided now unless one was recorded before (a redelivery, a racing handler).</summary>
    private async Task<InboundMessageThreaded> DecisionAsync(
        CommittedEvent e, InboundMessageReceived received, InboundContent content, ThreadingRule rule, string threadHash, string? orderNo)
    {
        // Decided, then recorded at version 2 without reading first: almost every message is handled once, and a
        // redelivered one finds its first decision there through the conflict.
        var facts = new List<TicketThreadFacts>();
        foreach (var ticketId in await readModel.OpenTicketsOfCustomerAsync(e.TenantId, received.CustomerId))
        {
            facts.Add(await Ticket(e.TenantId, ticketId).ThreadFactsAsync());
        }

        var decided = content.Automatic is null
            ? ThreadingDecider.Decide(rule, received.ChannelId, threadHash, orderNo, received.At, facts)
            : AutomaticThreading.Decide(received.CustomerId, received.ChannelId, threadHash, await NamedTicketAsync(e.TenantId, content.ThreadKey), facts);
        // An unfiled automatic message records no ticket at all (the empty id): it opens none.
        var opens = decided.JoinTicket is null && decided.Rule != AutomaticThreading.Unfiled;
        var threaded = new InboundMessageThreaded(decided.JoinTicket ?? (opens ? InboundStreams.TicketIdOf(e.TenantId, e.StreamId) : Guid.Empty), opens,
            decided.Rule, decided.Reason, time.GetUtcNow());
        try
        {
            await log.AppendAsync(new AppendRequest(e.TenantId, e.StreamId, 2, EventSerializer.TypeName(threaded), EventSerializer.Serialize(threaded), null));
            logger.LogDebug("Inbound message {Stream} goes to ticket {Ticket} ({Rule})", e.StreamId, threaded.TicketId, threaded.Rule);
            return threaded;
        }
        catch (ConflictException)
        {
            return await RecordedAsync(e) ?? throw new InvalidOperationException($"Version 2 of {e.StreamId} conflicted but cannot be read.");
        }
    }

    /// <summary>The facts of the ticket a thread key names (<see cref="TicketThreadKeys"/>); null when it names none that exists.</summary>
    private async Task<TicketThreadFacts?> NamedTicketAsync(string tenant, string? threadKey)
    {
        if (TicketThreadKeys.TicketOf(threadKey) is not { } ticketId)
        {
            return null;
        }

        try
        {
            return await Ticket(tenant, ticketId).ThreadFactsAsync();
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private async Task<InboundMessageThreaded?> RecordedAsync(CommittedEvent e) =>
        (await log.ReadStreamAsync(e.TenantId, e.StreamId, 1)).FirstOrDefault(s => s.Version == 2) is { } stored
            ? (InboundMessageThreaded)EventSerializer.Deserialize(stored.EventType, stored.Json)
            : null;

    private ITicketGrain Ticket(string tenant, Guid id) => _grains.Value.Reference<ITicketGrain>(GrainKeys.For(tenant, id));
}
