using Microsoft.AspNetCore.Mvc;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Api.Audit;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Security;
using TicketGrains.Grains.Attachments;

namespace TicketGrains.Api.Attachments;

/// <summary>
/// Files on tickets: uploaded to a ticket (multipart, part "file"), checked by their magic bytes and the size limit of
/// their kind, sealed with the ticket customer's key, recorded on the ticket; downloaded by id within the tenant.
/// </summary>
public static class AttachmentsApi
{
    public static IEndpointRouteBuilder MapAttachmentsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/tickets/{id:guid}/attachments", UploadAsync).WithName("UploadTicketAttachment").WithTags("Attachments")
            .WithSummary("Attach a file (multipart/form-data, part 'file'): its type is taken from its content, never from what the sender declares.")
            .DescribesFileUpload().Produces<AttachmentView>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).DisableAntiforgery()
            .RequirePermission(Permissions.TicketsWrite).AuditedByHandler(AuditActions.Attach);
        app.MapGet("/api/v1/attachments/{id:guid}", DownloadAsync).WithName("GetAttachment").WithTags("Attachments")
            .WithSummary("Download a file of the tenant's tickets, as its content showed it to be, under its file name.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound)
            .RequirePermission(Permissions.TicketsRead);
        return app;
    }

    private static async Task<IResult> UploadAsync(Guid id, HttpContext context, IClusterClient cluster, AttachmentVault vault)
    {
        var tenant = Tenant.Of(context);
        var abort = context.RequestAborted;
        var ticket = cluster.Reference<ITicketGrain>(GrainKeys.For(tenant, id));
        // The ticket first: another tenant's id, or a closed ticket, is answered before a byte of the file is read.
        var view = await GrainRetry.Idempotent(ticket.GetAsync, abort);
        if (view.Status == TicketStatus.Closed)
        {
            throw new InvalidFieldException("status", "A closed ticket takes no more attachments; open a follow-up ticket.");
        }

        var upload = await AttachmentUpload.ReadAsync(context, vault.Limits.LargestBytes);
        if (upload.Refusal is { } refused)
        {
            return FileProblem(refused);
        }

        switch (vault.Check(upload.Content))
        {
            case AttachmentVerdict.Refused refusal:
                return FileProblem(refusal);
            case AttachmentVerdict.Accepted accepted:
                var note = await vault.StoreAsync(tenant, view.CustomerId, Guid.CreateVersion7(), upload.FileName, upload.Content, accepted.Type,
                    Actor.Of(context), inboundMessage: null, abort);
                // Idempotent: the ticket records an attachment id once, so a repeat after a lost answer adds nothing.
                await GrainRetry.Idempotent(() => ticket.AddAttachmentAsync(note), abort);
                // Written here, not by the audit filter: a refused file is answered as a result, and must not be audited as attached.
                await AuditRequests.RecordAsync(context, AuditActions.Attach, $"ticket:{id}",
                    $"attachment={note.AttachmentId}; type={accepted.Type.Name}; bytes={note.Bytes}");
                return TypedResults.Created($"/api/v1/attachments/{note.AttachmentId}", AttachmentView.Of(id, note, accepted.Type));
            default:
                throw new InvalidOperationException("The attachment check returned no known verdict.");
        }
    }

    private static async Task<IResult> DownloadAsync(Guid id, HttpContext context, AttachmentVault vault)
    {
        var opened = await vault.OpenAsync(Tenant.Of(context), id, context.RequestAborted) ?? throw new NotFoundException($"No attachment '{id}'.");
        return TypedResults.File(opened.Content, opened.ContentType, opened.FileName);
    }

    private static IResult FileProblem(AttachmentVerdict.Refused refused) =>
        TypedResults.Problem(new ValidationProblemDetails(new Dictionary<string, string[]> { [AttachmentUpload.FilePart] = [refused.Detail] })
        {
            Status = refused.Status,
            Title = refused.Status switch
            {
                AttachmentVerdict.TooLarge => "The file is too large.",
                AttachmentVerdict.UnsupportedType => "The file's type is not accepted.",
                _ => "No file.",
            },
            Detail = refused.Detail,
        });
}
