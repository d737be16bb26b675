using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Privacy;
using TicketGrains.Api.Security;
using TicketGrains.Api.Tickets;
using TicketGrains.Grains.AutoFill.Fields;

namespace TicketGrains.Api.AutoFill;

/// <summary>
/// POST /api/v1/extract: the fields of a ticket (order and tracking number, carrier, amount, phone, address) found in a
/// text, or in a screenshot or voice note read by the registered media readers. Nothing is stored; the answer is masked
/// like a ticket's fields for callers without pii:read.
/// </summary>
public static class ExtractApi
{
    public static IEndpointRouteBuilder MapExtractApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/extract", ExtractAsync).WithName("ExtractFields").WithTags("AutoFill")
            .WithSummary("Find order and tracking numbers, carrier, amount, phone and address in a text (JSON {text}) or a file (multipart, part 'file': an image or a voice note).")
            .DescribesExtractBodies().Produces<ExtractResponse>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).DisableAntiforgery()
            .RequirePermission(Permissions.TicketsWrite).MasksPersonalData();
        return app;
    }

    private static async Task<IResult> ExtractAsync(HttpContext context, TenantFieldExtractors extractors, MediaExtraction media)
    {
        var extractor = extractors.For(Tenant.Of(context));
        // A file comes as multipart/form-data; a url-encoded form has no file and, like any type but JSON, is a 415 below.
        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return await media.ExtractAsync(context, extractor);
        }

        var request = await JsonBody.ReadAsync<ExtractRequest>(context.Request);
        var errors = new FieldErrors();
        var text = ExtractValidator.Validate(request, extractors.MaxTextLength, errors);
        ValidationFailed.ThrowIfAny(errors);
        return TypedResults.Ok(ExtractResponse.Of(text!, extractor.Extract(text!, FieldSources.Text)));
    }

    /// <summary>A refusal that names the field it is about, with its status.</summary>
    public static IResult Problem(string field, int status, string title, string detail) =>
        TypedResults.Problem(new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] })
        {
            Status = status,
            Title = title,
            Detail = detail,
        });
}
