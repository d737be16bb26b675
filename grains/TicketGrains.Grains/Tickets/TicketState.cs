using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.EventLog;
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

    public bool Exists => Version > 0;

    /// <summary>The SLA deadline still running, if any: a first response is awaited on an active ticket.</summary>
    public DateTimeOffset? PendingSlaDue =>
        SlaDueAt is { } due && !SlaBreached && !FirstResponseGiven && TicketStatus.IsWaiting(Status) ? due : null;

    /// <summary>Whether the ticket should sit in its queue waiting for an agent.</summary>
    public bool WaitsInQueue => Exists && Assignee is null && TicketStatus.IsWaiting(Status);

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
                Status = TicketStatus.New;
                break;
            case MessageAdded m:
                Messages.Add(new TicketMessageView(m.Author, m.Body, m.Internal, m.At));
                FirstResponseGiven |= !m.Internal && m.Author != "customer";
                break;
            case StatusChanged s:
                Status = s.To;
                break;
            case AssigneeChanged a:
                Assignee = a.To;
                if (a.To is not null && Status == TicketStatus.New)
                {
                    Status = TicketStatus.Open;
                }

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
        Fields = Fields.ToDictionary(StringComparer.Ordinal),
        Messages = [.. Messages],
    };
}
