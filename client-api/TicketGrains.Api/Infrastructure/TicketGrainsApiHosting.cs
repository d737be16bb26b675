using TicketGrains.Api.Agents;
using TicketGrains.Api.Docs;
using TicketGrains.Api.Live;
using TicketGrains.Api.Security;
using TicketGrains.Api.Tickets;
using TicketGrains.Grains.Hosting;

namespace TicketGrains.Api.Infrastructure;

/// <summary>The REST API's services and routes, shared by the co-hosted silo and the stand-alone front end.</summary>
public static class TicketGrainsApiHosting
{
    /// <summary>Largest accepted request body; a ticket body is at most 20,000 characters.</summary>
    public const long MaxRequestBodyBytes = 256 * 1024;

    public static WebApplicationBuilder AddTicketGrainsApi(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.AddServerHeader = false;
        });
        builder.AddTicketGrainsSecurity();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddOpenApi(o => o.AddCallerSecurity());
        builder.Services.AddTicketGrainsReadModel(PostgresConnection.Require(builder.Configuration));
        builder.Services.AddTicketGrainsEncryption(builder.Configuration);
        return builder;
    }

    public static WebApplication MapTicketGrainsApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseTicketGrainsSecurity();
        app.MapSecurityApis();
        app.MapOpenApi().AllowAnonymous();
        app.MapDocsPage();
        app.MapTicketsApi();
        app.MapAgentsApi();
        app.MapCustomersApi();
        app.MapEncryptionApi();
        app.MapEventsFeedApi();
        return app;
    }
}
