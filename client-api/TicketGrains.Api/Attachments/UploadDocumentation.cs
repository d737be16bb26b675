using Microsoft.OpenApi;

namespace TicketGrains.Api.Attachments;

/// <summary>
/// Describes the upload's multipart body (part "file", binary) in the OpenAPI document. Not declared with Accepts():
/// that would make routing answer another content type with a bare 415, where the handler names the part instead.
/// </summary>
public static class UploadDocumentation
{
    public static RouteHandlerBuilder DescribesFileUpload(this RouteHandlerBuilder route) => route.AddOpenApiOperationTransformer((operation, _, _) =>
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { AttachmentUpload.FilePart },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            [AttachmentUpload.FilePart] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                        },
                    },
                },
            },
        };
        return Task.CompletedTask;
    });
}
