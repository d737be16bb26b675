using System.Text.Json.Serialization;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Agents;
using TicketGrains.Grains.Attachments;
using TicketGrains.Grains.AutoFill.Proposals;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.OrderEvents;
using TicketGrains.Grains.Routing;
using TicketGrains.Grains.Rules;
using TicketGrains.Grains.Sla;

namespace TicketGrains.Grains.Tickets;

/// <summary>
/// The fold of a ticket's events. Public setters exist only so a snapshot can be stored as JSON;
/// everything else changes it through <see cref="Apply"/>.
/// </summary>
public sealed class TicketState : IJsonOnDeserialized
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public string Status { get; set; } = TicketStatus.New;
    public Guid CustomerId { get; set; }
    public string Channel { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Category { get; set; } = TicketCatalog.DefaultCategory;
    public CategoryConfidence? ProposedCategory { get; set; }
    public string Priority { get; set; } = TicketCatalog.DefaultPriority;
    public string Queue { get; set; } = BuiltInRouting.General;

    /// <summary>Skills an agent needs for the ticket, as its last routing decision set them.</summary>
    public List<string> Skills { get; set; } = [];
    public List<string> Tags { get; set; } = [];

    /// <summary>When the ticket entered its current status (time rules count from here).</summary>
    public DateTimeOffset StatusSince { get; set; }

    /// <summary>The log position of the last event whose rules ran on this ticket, so a redelivered one runs nothing.</summary>
    public long TriggersRanUpTo { get; set; }

    /// <summary>Time rules fired on this ticket: rule id → the StatusSince of the stay it fired for (once per stay).</summary>
    public Dictionary<string, DateTimeOffset> TimeRulesFired { get; set; } = new(StringComparer.Ordinal);
    public string? Assignee { get; set; }
    public string RequestHash { get; set; } = "";
    public Dictionary<string, string> Fields { get; set; } = new(StringComparer.Ordinal);
    public List<TicketMessageView> Messages { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The first-reply due time as the ticket was created (the view's slaDueAt); the running clocks are in <see cref="Sla"/>.</summary>
    public DateTimeOffset? SlaDueAt { get; set; }

    /// <summary>Whether any SLA clock of the ticket was breached.</summary>
    public bool SlaBreached { get; set; }
    public SlaClockSet Sla { get; set; } = new();
    public bool FirstResponseGiven { get; set; }

    /// <summary>The agent a pull handed the ticket to, while they have not acknowledged it.</summary>
    public string? ClaimPendingBy { get; set; }

    /// <summary>When an unacknowledged claim goes back to the queue.</summary>
    public DateTimeOffset? ClaimAcceptBy { get; set; }

    /// <summary>The pending claim is a push queue's offer: if it lapses or is declined, its agent is skipped from then on.</summary>
    public bool ClaimIsOffer { get; set; }

    /// <summary>The customer's tier when the ticket was opened (absent in tickets created before it was kept).</summary>
    public string? Tier { get; set; }

    /// <summary>Agents who declined an offer of this ticket or let one lapse: never offered it again.</summary>
    public List<string> SkippedAgents { get; set; } = [];

    /// <summary>The assignee has worked on the ticket (a message or status change of theirs) since it was handed to them.</summary>
    public bool StartedByAssignee { get; set; }

    /// <summary>The order-system event ids applied to the ticket, so a retried event is applied once.</summary>
    public List<string> OrderEventIds { get; set; } = [];

    /// <summary>The inbound channel messages on the ticket (their streams), so a redelivered one is added once.</summary>
    public HashSet<string> InboundMessages { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The channel the ticket's inbound messages came on (the first one's), for threading.</summary>
    public Guid? InboundChannelId { get; set; }

    /// <summary>Hashes of the thread keys of the ticket's inbound messages, for threading.</summary>
    public List<string> ThreadKeyHashes { get; set; } = [];

    /// <summary>The customer's last inbound message on the ticket: public replies go back through its channel.</summary>
    public InboundOrigin? LastInbound { get; set; }

    /// <summary>The files attached to the ticket (their ids), so a repeated attach records each once.</summary>
    public HashSet<Guid> Attachments { get; set; } = [];

    /// <summary>Channel messages (their inbound streams) whose media could not be fetched, so each failure is recorded once.</summary>
    public HashSet<string> AttachmentFailures { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Field values read from the ticket that wait for an agent (at most one per name); values sealed in snapshots.</summary>
    public List<ProposedFieldView> ProposedFields { get; set; } = [];

    /// <summary>Where each field filled in by reading came from (text, ocr, speech, agent).</summary>
    public Dictionary<string, string> FieldSources { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Fields the creator gave in an API create (not a channel message's order number taken for threading): their source
    /// is the creator, so a reading that finds the same value has nothing to record.
    /// </summary>
    public HashSet<string> CreatorFields { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The versions of the ticket's events whose fields were recorded, so a repeated reading records nothing.</summary>
    public HashSet<int> FieldReadings { get; set; } = [];

    /// <summary>When the customer last wrote on the ticket.</summary>
    public DateTimeOffset LastCustomerMessageAt { get; set; }

    public bool Exists => Version > 0;

    /// <summary>When an SLA clock next needs a warning or breach decided (tg_tickets.sla_due_at, what the tenant's sweep reads).</summary>
    public DateTimeOffset? PendingSlaDue => Sla.NextCheckAt;

    /// <summary>Whether the ticket should sit in its queue waiting for an agent.</summary>
    public bool WaitsInQueue => Exists && Assignee is null && TicketStatus.IsWaiting(Status);

    /// <summary>The agent whose capacity the ticket uses: its assignee while it is new or open.</summary>
    public string? CapacityHolder => Exists && TicketStatus.IsWaiting(Status) ? Assignee : null;

    public void Apply(IDomainEvent e)
    {
        switch (e)
        {
            case TicketCreated c:
                Id = c.TicketId;
                CustomerId = c.CustomerId;
                Channel = c.Channel;
                Subject = c.Subject;
                Category = c.Category;
                ProposedCategory = c.ProposedCategory;
                Priority = c.Priority;
                Queue = c.Queue;
                RequestHash = c.RequestHash;
                Fields = new Dictionary<string, string>(c.Fields, StringComparer.Ordinal);
                if (c.Inbound is null)
                {
                    CreatorFields = new HashSet<string>(c.Fields.Keys, StringComparer.Ordinal);
                }

                Messages.Add(new TicketMessageView("customer", c.Body, false, c.At));
                NoteInbound(c.Inbound, c.At);
                CreatedAt = c.At;
                SlaDueAt = c.SlaDueAt;
                Tier = c.Tier;
                Status = TicketStatus.New;
                if ((c.Sla ?? DefaultSlaPlan.FromLegacy(c)) is { } plan)
                {
                    Sla.Start(plan, c.At);
                }

                StatusSince = c.At;
                if (c.Routed is { } routed)
                {
                    Route(routed);
                }

                break;
            case MessageAdded { Inbound.Automatic: { } automatic } m:
                // Kept on the ticket, and nothing else: an automatic message is not the customer waiting for an answer, so
                // it moves no clock, and a reply still answers the customer's last own message (ADR 0013).
                Messages.Add(new TicketMessageView(m.Author, m.Body, m.Internal, m.At, Automatic: automatic));
                InboundMessages.Add(m.Inbound.Message);
                break;
            case MessageAdded m:
                Messages.Add(new TicketMessageView(m.Author, m.Body, m.Internal, m.At,
                    m.Reply is { } reply ? new MessageDelivery(reply.MessageId, reply.ChannelId, MessageDelivery.Queued, 0) : null));
                NoteInbound(m.Inbound, m.At);
                ApplyToClocks(m);
                NoteWorkBy(m.Actor);
                break;
            case StatusChanged s:
                Status = s.To;
                Sla.StatusChanged(s.To, s.At);
                StatusSince = s.At;
                NoteWorkBy(s.Actor);
                break;
            case AssigneeChanged a:
                // An explicit assignment decides who holds the ticket; a pending claim does not outlive it.
                AssignTo(a.To, a.At);
                EndClaim();
                break;
            case TicketClaimed c:
                AssignTo(c.Agent, c.At);
                (ClaimPendingBy, ClaimAcceptBy, ClaimIsOffer) = (c.Agent, c.AcceptBy, c.Offered);
                break;
            case ClaimAccepted:
                EndClaim();
                break;
            case ClaimReturned r:
                if (ClaimIsOffer && r.Reason != ClaimDecisions.Abandoned && !SkippedAgents.Contains(r.Agent))
                {
                    SkippedAgents.Add(r.Agent);
                }

                AssignTo(null, r.At);
                EndClaim();
                break;
            case TicketRequeued q:
                AssignTo(null, q.At);
                EndClaim();
                break;
            case TicketOverflowed o:
                Queue = o.To;
                break;
            case AttachmentAdded a:
                Attachments.Add(a.AttachmentId);
                break;
            case AttachmentFetchFailed f:
                AttachmentFailures.Add(f.InboundMessage);
                break;
            case OrderEventApplied o:
                OrderEventIds.Add(o.EventId);
                break;
            case global::TicketGrains.Grains.Tickets.SlaBreached b:
                SlaBreached = true;
                Sla.Breached(b.Metric ?? SlaMetrics.FirstReply, b.At);
                Priority = b.RaisedPriority ?? Priority;
                if (b.Sla is { } escalatedPlan)
                {
                    Sla.Replan(escalatedPlan, b.At);
                }

                Queue = b.Queue ?? Queue;
                if (SlaEscalationNote.For(b) is { } note)
                {
                    Messages.Add(note);
                }

                break;
            case SlaWarned w:
                Sla.Warned(w.Metric, w.At);
                break;
            case TicketRouted r:
                Route(r);
                break;
            case PriorityChanged p:
                Priority = p.To;
                if (p.Sla is { } newPlan)
                {
                    Sla.Replan(newPlan, p.At);
                }

                break;
            case TagsChanged t:
                Tags = [.. Tags.Except(t.Removed).Union(t.Added)];
                break;
            case FieldsChanged f:
                foreach (var (name, value) in f.Set)
                {
                    Fields[name] = value;
                }

                FieldProposalFold.Overwritten(this, f.Set.Keys);
                break;
            case FieldsProposed p:
                FieldProposalFold.Apply(this, p);
                break;
            case ProposedFieldAccepted a:
                FieldProposalFold.Apply(this, a);
                break;
            case ProposedFieldRejected r:
                FieldProposalFold.Apply(this, r);
                break;
            case TriggersFired t:
                TriggersRanUpTo = Math.Max(TriggersRanUpTo, t.Position);
                if (t.Kind == RuleKinds.Time)
                {
                    foreach (var rule in t.Rules)
                    {
                        TimeRulesFired[rule] = StatusSince;
                    }
                }

                break;
            default:
                throw new InvalidOperationException($"A ticket cannot apply {e.GetType().Name}.");
        }

        Version++;
        UpdatedAt = e.At;
    }

    private void NoteInbound(InboundOrigin? origin, DateTimeOffset at)
    {
        if (origin is null)
        {
            return;
        }

        InboundMessages.Add(origin.Message);
        LastInbound = origin;
        InboundChannelId ??= origin.ChannelId;
        if (!ThreadKeyHashes.Contains(origin.ThreadKeyHash))
        {
            ThreadKeyHashes.Add(origin.ThreadKeyHash);
        }

        LastCustomerMessageAt = at;
    }

    private void ApplyToClocks(MessageAdded m)
    {
        // A rule's automatic reply is not the response the customer waits for: it neither stops nor restarts a clock.
        if (m.Internal || m.Actor?.StartsWith("trigger:", StringComparison.Ordinal) == true)
        {
            return;
        }

        if (m.Author == "customer")
        {
            Sla.RequesterWrote(FirstResponseGiven, Status, m.At);
            return;
        }

        FirstResponseGiven = true;
        Sla.AgentReplied(Status, m.At);
    }

    /// <summary>A snapshot written before SLA clocks existed gets back the one clock it had: an unmet first response.</summary>
    public void OnDeserialized()
    {
        if (Sla.Plan is null && SlaDueAt is { } due && !SlaBreached && !FirstResponseGiven && TicketStatus.IsActive(Status))
        {
            Sla.RestoreFirstReply(DefaultSlaPlan.FromDueTime(CreatedAt, due), due, Status, UpdatedAt);
        }
    }

    private void Route(TicketRouted routed)
    {
        (Queue, Priority, Skills) = (routed.Queue, routed.Priority, [.. routed.Skills]);
        Tags = [.. Tags.Union(routed.Tags)];
    }

    /// <summary>Assigns the ticket; the first assignment of a new ticket opens it. A new holder has not started on it yet.</summary>
    private void AssignTo(string? agent, DateTimeOffset at)
    {
        StartedByAssignee &= agent == Assignee;
        Assignee = agent;
        if (agent is not null && Status == TicketStatus.New)
        {
            Status = TicketStatus.Open;
            StatusSince = at;
        }
    }

    /// <summary>
    /// A message or status change by the assignee shows they have started on the ticket; by the agent holding an
    /// unacknowledged claim, that they have it.
    /// </summary>
    private void NoteWorkBy(string? actor)
    {
        if (actor is null)
        {
            return;
        }

        StartedByAssignee |= actor == Assignee;
        if (actor == ClaimPendingBy)
        {
            EndClaim();
        }
    }

    private void EndClaim() => (ClaimPendingBy, ClaimAcceptBy, ClaimIsOffer) = (null, null, false);

    public TicketView ToView(string tenantId) => new()
    {
        Id = Id,
        TenantId = tenantId,
        Status = Status,
        Category = Category,
        Priority = Priority,
        Queue = Queue,
        CustomerId = CustomerId,
        Assignee = Assignee,
        Channel = Channel,
        Subject = Subject,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        SlaDueAt = SlaDueAt,
        SlaBreached = SlaBreached,
        Version = Version,
        AcceptBy = ClaimAcceptBy,
        SlaClocks = Sla.Views(),
        Fields = Fields.ToDictionary(StringComparer.Ordinal),
        Messages = [.. Messages],
        Skills = [.. Skills],
        Tags = [.. Tags],
        ProposedCategory = ProposedCategory,
        ProposedFields = [.. ProposedFields],
        FieldSources = FieldSources.ToDictionary(StringComparer.Ordinal),
    };
}
