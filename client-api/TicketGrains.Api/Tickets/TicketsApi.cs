using Microsoft.AspNetCore.Http.HttpResults;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Api.Audit;
using TicketGrains.Api.Channels.Outbound;
using TicketGrains.Api.Customers;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Metering;
using TicketGrains.Api.Privacy;
using TicketGrains.Api.Security;
using TicketGrains.Grains.Metering;

namespace TicketGrains.Api.Tickets;

/// <summary>/api/v1/tickets: create, read, list, history and the ticket's commands.</summary>
public static class TicketsApi
{
    public static RouteGroupBuilder MapTicketsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tickets").WithTags("Tickets").MasksPersonalData();
        group.MapPost("/", CreateAsync).WithName("CreateTicket").WithSummary("Open a ticket (durable before 201; Idempotency-Key supported; without a category it is predicted from the text).")
            .Accepts<CreateTicketRequest>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .RequirePermission(Permissions.TicketsWrite).WithinQuota(QuotaKeys.Tickets)
            .AuditedByHandler(AuditActions.Create);
        group.MapGet("/", TicketListing.ListAsync).WithName("ListTickets").WithSummary("List tickets from the read model, keyset-paged.")
            .ProducesValidationProblem().RequirePermission(Permissions.TicketsRead);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetTicket").WithSummary("Read one ticket with its thread.")
            .RequirePermission(Permissions.TicketsRead);
        group.MapGet("/{id:guid}/events", GetEventsAsync).WithName("GetTicketEvents").WithSummary("The ticket's full event history.")
            .RequirePermission(Permissions.TicketsRead);
        group.MapPost("/{id:guid}/messages", AddMessageAsync).WithName("AddTicketMessage").WithSummary("Add a public reply or an internal note.")
            .Accepts<AddMessageRequest>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .RequirePermission(Permissions.TicketsWrite).WithinQuota(QuotaKeys.Messages).Audited(AuditActions.AddMessage, AuditEndpoints.RouteTarget("ticket", "id"));
        group.MapPost("/{id:guid}/status", ChangeStatusAsync).WithName("ChangeTicketStatus").WithSummary("Move the ticket through its state machine.")
            .Accepts<ChangeStatusRequest>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .RequirePermission(Permissions.TicketsWrite).Audited(AuditActions.ChangeStatus, AuditEndpoints.RouteTarget("ticket", "id")).WithSmallBody();
        group.MapPost("/{id:guid}/priority", ChangePriorityAsync).WithName("ChangeTicketPriority")
            .WithSummary("Set the ticket's priority; its SLA clocks and queue position follow (the same priority changes nothing).")
            .Accepts<ChangePriorityRequest>("application/json").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequirePermission(Permissions.TicketsWrite).Audited(AuditActions.ChangePriority, AuditEndpoints.RouteTarget("ticket", "id")).WithSmallBody();
        group.MapPost("/{id:guid}/assignee", AssignAsync).WithName("AssignTicket").WithSummary("Assign or unassign (agentId null) the ticket.")
            .Accepts<AssignRequest>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .RequirePermission(Permissions.TicketsAssign).Audited(AuditActions.Assign, AuditEndpoints.RouteTarget("ticket", "id")).WithSmallBody();
        return group;
    }

    private static async Task<Created<TicketView>> CreateAsync(HttpContext context, IClusterClient cluster)
    {
        var tenant = Tenant.Of(context);
        var request = await JsonBody.ReadAsync<CreateTicketRequest>(context.Request);
        var errors = new FieldErrors();
        var valid = CreateTicketValidator.Validate(request, errors);
        if (valid is null)
        {
            throw new ValidationFailed(errors);
        }

        var idempotencyKey = context.Request.Headers[TicketIds.IdempotencyHeader].ToString();
        var ticketId = TicketIds.For(tenant, idempotencyKey);
        var abort = context.RequestAborted;
        var identity = cluster.Reference<IChannelIdentityGrain>(GrainKeys.For(tenant, $"{valid.Customer.Channel}:{valid.Customer.ExternalId}"));
        // A request that names no category gets the predicted one (set when sure, else proposed), as an inbound message
        // does; the prediction runs while the customer is resolved.
        var deciding = valid.Category is { } named
            ? Task.FromResult(new CategoryDecision(named, null))
            : GrainRetry.Idempotent(() => cluster.Reference<IIntentClassifierGrain>(0).DecideCategoryAsync(valid.Subject, valid.Body), abort);
        var customer = await GrainRetry.Idempotent(() => identity.ResolveAsync(valid.Customer), abort);
        var category = await deciding;
        var command = new CreateTicket
        {
            Channel = valid.Channel,
            CustomerId = customer.Id,
            CustomerTier = customer.Tier,
            Subject = valid.Subject,
            Body = valid.Body,
            Category = category.Category,
            ProposedCategory = category.Proposed,
            Priority = valid.Priority,
            Fields = valid.Fields,
            RequestHash = idempotencyKey.Length == 0 ? "" : CreateTicketValidator.RequestHash(request),
        };
        var ticket = cluster.Reference<ITicketGrain>(GrainKeys.For(tenant, ticketId));
        var whatIsCreated = AuditDetails.OfCreated(command.Category, command.Priority, command.Channel);
        var view = await CreateAudit.AroundAsync(context, ticketId, mayRepeat: idempotencyKey.Length > 0, whatIsCreated,
            () => GrainRetry.Idempotent(() => ticket.CreateAsync(command), abort));
        await cluster.Reference<ICustomerLinkGrain>(tenant).LinkAsync(CustomerLinks.Evidence(valid, customer.Id));
        return TypedResults.Created($"/api/v1/tickets/{view.Id}", view);
    }

    /// <summary>The first read by the agent a pull handed the ticket to acknowledges that hand-out; replies show their delivery.</summary>
    private static async Task<Ok<TicketView>> GetAsync(Guid id, HttpContext context, IClusterClient cluster, ReplyStore replies) =>
        TypedResults.Ok(await replies.WithDeliveriesAsync(
            await GrainRetry.Idempotent(() => Ticket(cluster, context, id).ReadAsync(Actor.Of(context)), context.RequestAborted), context.RequestAborted));

    private static async Task<Ok<IReadOnlyList<TicketEventView>>> GetEventsAsync(Guid id, HttpContext context, IClusterClient cluster) =>
        TypedResults.Ok(await GrainRetry.Idempotent(() => Ticket(cluster, context, id).GetEventsAsync(), context.RequestAborted));

    private static async Task<Ok<TicketView>> AddMessageAsync(Guid id, HttpContext context, IClusterClient cluster)
    {
        var ticket = Ticket(cluster, context, id);
        var request = await JsonBody.ReadAsync<AddMessageRequest>(context.Request);
        var errors = new FieldErrors();
        TextRules.Check(errors, "author", request.Author, 64, required: true);
        TextRules.Check(errors, "body", request.Body, CreateTicketValidator.MaxBody, required: true, multiline: true);
        ValidationFailed.ThrowIfAny(errors);
        return TypedResults.Ok(await GrainRetry.Once(
            () => ticket.AddMessageAsync(request.Author!, request.Body!, request.Internal, Actor.Of(context), request.ExpectedVersion), context.RequestAborted));
    }

    private static async Task<Ok<TicketView>> ChangeStatusAsync(Guid id, HttpContext context, IClusterClient cluster)
    {
        var request = await JsonBody.ReadAsync<ChangeStatusRequest>(context.Request);
        var status = RequiredOneOf("status", request.Status, TicketStatus.All);
        return TypedResults.Ok(await GrainRetry.Once(
            () => Ticket(cluster, context, id).ChangeStatusAsync(status, Actor.Of(context), request.ExpectedVersion), context.RequestAborted));
    }

    private static async Task<Ok<TicketView>> ChangePriorityAsync(Guid id, HttpContext context, IClusterClient cluster)
    {
        var request = await JsonBody.ReadAsync<ChangePriorityRequest>(context.Request);
        var priority = RequiredOneOf("priority", request.Priority, TicketCatalog.Priorities);
        return TypedResults.Ok(await GrainRetry.Once(
            () => Ticket(cluster, context, id).ChangePriorityAsync(priority, Actor.Of(context), request.ExpectedVersion), context.RequestAborted));
    }

    /// <summary>A required field that must be one of a short list of names, or a 400 naming it.</summary>
    private static string RequiredOneOf(string field, string? value, IEnumerable<string> allowed)
    {
        var errors = new FieldErrors();
        TextRules.Check(errors, field, value, 16, required: true);
        TextRules.OneOf(errors, field, value, allowed);
        ValidationFailed.ThrowIfAny(errors);
        return value!;
    }

    private static async Task<Ok<TicketView>> AssignAsync(Guid id, HttpContext context, IClusterClient cluster)
    {
        var ticket = Ticket(cluster, context, id);
        var request = await JsonBody.ReadAsync<AssignRequest>(context.Request);
        if (request.AgentId is not null && !AgentIds.IsValid(request.AgentId))
        {
            // Checked here, not only in the grain: a bad id is a 400 whatever the ticket's version.
            throw new InvalidFieldException("agentId", "An agent id is 1-64 letters, digits, '.', '_', '-' or '@' (null unassigns).");
        }

        return TypedResults.Ok(await GrainRetry.Once(
            () => ticket.AssignAsync(request.AgentId, Actor.Of(context), request.ExpectedVersion), context.RequestAborted));
    }

    private static ITicketGrain Ticket(IClusterClient cluster, HttpContext context, Guid id) =>
        cluster.Reference<ITicketGrain>(GrainKeys.For(Tenant.Of(context), id));
}
