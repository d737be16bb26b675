using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Api.Audit;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Privacy;
using TicketGrains.Api.Security;
using TicketGrains.Api.Tickets;
using TicketGrains.Grains.AutoFill.Fields;
using TicketGrains.Grains.AutoFill.Proposals;

namespace TicketGrains.Api.AutoFill;

/// <summary>
/// An agent's answer to a field value read from the ticket (its <c>proposedFields</c>): accept it, optionally with a
/// corrected value, into the ticket's fields, or reject it. Both answer with the ticket, masked like its read.
/// </summary>
public static class ProposedFieldsApi
{
    public static IEndpointRouteBuilder MapProposedFieldsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tickets/{id:guid}/proposed-fields/{name}").WithTags("AutoFill").MasksPersonalData();
        group.MapPost("/accept", AcceptAsync).WithName("AcceptProposedField")
            .WithSummary("Set the field to its proposed value, or to the optional body's {\"value\"}, and drop the proposal.")
            .Accepts<AcceptFieldRequest>("application/json").Produces<TicketView>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequirePermission(Permissions.TicketsWrite).Audited(AuditActions.AcceptField, AuditEndpoints.RouteTarget("ticket", "id")).WithSmallBody();
        group.MapPost("/reject", RejectAsync).WithName("RejectProposedField").WithSummary("Drop the proposed field; the ticket's fields stay as they are.")
            .Produces<TicketView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .RequirePermission(Permissions.TicketsWrite).Audited(AuditActions.RejectField, AuditEndpoints.RouteTarget("ticket", "id")).WithSmallBody();
        return app;
    }

    private static async Task<IResult> AcceptAsync(Guid id, string name, HttpContext context, IClusterClient cluster)
    {
        CheckName(name);
        // The body is optional: without one the proposed value is taken as it is.
        var request = HasBody(context.Request) ? await JsonBody.ReadAsync<AcceptFieldRequest>(context.Request) : new AcceptFieldRequest(null);
        var errors = new FieldErrors();
        if (request.Value is not null)
        {
            TextRules.Check(errors, "value", request.Value, CreateTicketValidator.MaxFieldValue, required: true);
        }

        ValidationFailed.ThrowIfAny(errors);
        return TypedResults.Ok(await GrainRetry.Once(
            () => Ticket(cluster, context, id).AcceptProposedFieldAsync(name, request.Value?.Trim(), Actor.Of(context)), context.RequestAborted));
    }

    private static async Task<IResult> RejectAsync(Guid id, string name, HttpContext context, IClusterClient cluster)
    {
        CheckName(name);
        return TypedResults.Ok(await GrainRetry.Once(
            () => Ticket(cluster, context, id).RejectProposedFieldAsync(name, Actor.Of(context)), context.RequestAborted));
    }

    /// <summary>Checked before the ticket is asked, so an unknown name is a 400 whatever the ticket holds.</summary>
    private static void CheckName(string name)
    {
        if (!FieldNames.All.Contains(name))
        {
            var shown = name.Length <= 32 ? name : name[..32] + "…";
            throw new InvalidFieldException(FieldProposalDecisions.NameField,
                $"'{shown}' is not a field that is proposed; use one of: {string.Join(", ", FieldNames.All)}.");
        }
    }

    private static bool HasBody(HttpRequest request) => request.ContentLength > 0 || (request.ContentLength is null && request.ContentType is not null);

    private static ITicketGrain Ticket(IClusterClient cluster, HttpContext context, Guid id) =>
        cluster.Reference<ITicketGrain>(GrainKeys.For(Tenant.Of(context), id));
}

/// <summary>Body of POST /api/v1/tickets/{id}/proposed-fields/{name}/accept (optional): a corrected value.</summary>
public sealed record AcceptFieldRequest(string? Value);
