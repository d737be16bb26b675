using Microsoft.OpenApi;
using TicketGrains.Api.Attachments;

namespace TicketGrains.Api.AutoFill;

/// <summary>
/// Describes POST /api/v1/extract's two bodies in the OpenAPI document: JSON <c>{text}</c>, or multipart/form-data with
/// one part <c>file</c>. Not declared with Accepts(): routing would then answer another type with a bare 415.
/// </summary>
public static class ExtractDocumentation
{
    public static RouteHandlerBuilder DescribesExtractBodies(this RouteHandlerBuilder route) => route.AddOpenApiOperationTransformer((operation, _, _) =>
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = Object(ExtractValidator.TextField, new OpenApiSchema { Type = JsonSchemaType.String }) },
                ["multipart/form-data"] = new()
                {
                    Schema = Object(AttachmentUpload.FilePart, new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" }),
                },
            },
        };
        return Task.CompletedTask;
    });

    private static OpenApiSchema Object(string property, IOpenApiSchema schema) => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { property },
        Properties = new Dictionary<string, IOpenApiSchema> { [property] = schema },
    };
}
