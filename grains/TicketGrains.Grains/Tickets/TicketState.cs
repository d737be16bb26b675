using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Agents;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.OrderEvents;
using TicketGrains.Grains.Routing;

namespace TicketGrains.Grains.Tickets;

/// <summary>
/// The fold of a ticket's events. Public setters exist only so a snapshot can be stored as JSON;
/// everything else changes it through <see cref="Apply"/>.
/// </summary>
public sealed class TicketState
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public string Status { get; set; } = TicketStatus.New;
    public Guid CustomerId { get; set; }
    public string Channel { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Category { get; set; } = TicketCatalog.DefaultCategory;
    public string Priority { get; set; } = TicketCatalog.DefaultPriority;
    public string Queue { get; set; } = QueueSelector.General;
    public string? Assignee { get; set; }
    public string RequestHash { get; set; } = "";
    public Dictionary<string, string> Fields { get; set; } = new(StringComparer.Ordinal);
    public List<TicketMessageView> Messages { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SlaDueAt { get; set; }
    public bool SlaBreached { get; set; }
    public bool FirstResponseGiven { get; set; }

    /// <summary>The agent a pull handed the ticket to, while they have not acknowledged it.</summary>
    public string? ClaimPendingBy { get; set; }

    /// <summary>When an unacknowledged claim goes back to the queue.</summary>
    public DateTimeOffset? ClaimAcceptBy { get; set; }

    /// <summary>The pending claim is a push queue's offer: if it lapses or is declined, its agent is skipped from then on.</summary>
    public bool ClaimIsOffer { get; set; }

    /// <summary>The customer's tier when the ticket was opened (absent in tickets created before it was kept).</summary>
    public string? Tier { get; set; }

    /// <summary>Skills the routing decision asked for.</summary>
    public List<string> Skills { get; set; } = [];

    /// <summary>Agents who declined an offer of this ticket or let one lapse: never offered it again.</summary>
    public List<string> SkippedAgents { get; set; } = [];

    /// <summary>The assignee has worked on the ticket (a message or status change of theirs) since it was handed to them.</summary>
    public bool StartedByAssignee { get; set; }

    /// <summary>The order-system event ids applied to the ticket, so a retried event is applied once.</summary>
    public List<string> OrderEventIds { get; set; } = [];

    public bool Exists => Version > 0;

    /// <summary>The SLA deadline still running, if any: a first response is awaited on an active ticket.</summary>
    public DateTimeOffset? PendingSlaDue =>
        SlaDueAt is { } due && !SlaBreached && !FirstResponseGiven && TicketStatus.IsWaiting(Status) ? due : null;

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
                Priority = c.Priority;
                Queue = c.Queue;
                RequestHash = c.RequestHash;
                Fields = new Dictionary<string, string>(c.Fields, StringComparer.Ordinal);
                Messages.Add(new TicketMessageView("customer", c.Body, false, c.At));
                CreatedAt = c.At;
                SlaDueAt = c.SlaDueAt;
                Tier = c.Tier;
                Status = TicketStatus.New;
                break;
            case MessageAdded m:
                Messages.Add(new TicketMessageView(m.Author, m.Body, m.Internal, m.At));
                FirstResponseGiven |= !m.Internal && m.Author != "customer";
                NoteWorkBy(m.Actor);
                break;
            case StatusChanged s:
                Status = s.To;
                NoteWorkBy(s.Actor);
                break;
            case AssigneeChanged a:
                // An explicit assignment decides who holds the ticket; a pending claim does not outlive it.
                AssignTo(a.To);
                EndClaim();
                break;
            case TicketClaimed c:
                AssignTo(c.Agent);
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

                AssignTo(null);
                EndClaim();
                break;
            case TicketRequeued:
                AssignTo(null);
                EndClaim();
                break;
            case TicketOverflowed o:
                Queue = o.To;
                break;
            case OrderEventApplied o:
                OrderEventIds.Add(o.EventId);
                break;
            case global::TicketGrains.Grains.Tickets.SlaBreached:
                SlaBreached = true;
                break;
            default:
                throw new InvalidOperationException($"A ticket cannot apply {e.GetType().Name}.");
        }

        Version++;
        UpdatedAt = e.At;
    }

    /// <summary>Assigns the ticket; the first assignment of a new ticket opens it. A new holder has not started on it yet.</summary>
    private void AssignTo(string? agent)
    {
        StartedByAssignee &= agent == Assignee;
        Assignee = agent;
        if (agent is not null && Status == TicketStatus.New)
        {
            Status = TicketStatus.Open;
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
        Fields = Fields.ToDictionary(StringComparer.Ordinal),
        Messages = [.. Messages],
    };
}
