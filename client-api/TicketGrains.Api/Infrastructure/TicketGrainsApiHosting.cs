using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketGrains.Api.Agents;
using TicketGrains.Api.Attachments;
using TicketGrains.Api.Audit;
using TicketGrains.Api.AutoFill;
using TicketGrains.Api.Channels;
using TicketGrains.Api.Channels.Outbound;
using TicketGrains.Api.Channels.Web;
using TicketGrains.Api.Customers;
using TicketGrains.Api.Docs;
using TicketGrains.Api.Live;
using TicketGrains.Api.Macros;
using TicketGrains.Api.OrderEvents;
using TicketGrains.Api.Pipeline;
using TicketGrains.Api.Reports;
using TicketGrains.Api.Rules;
using TicketGrains.Api.Security;
using TicketGrains.Api.Sla;
using TicketGrains.Api.Surges;
using TicketGrains.Api.Templates;
using TicketGrains.Api.Tickets;
using TicketGrains.Api.Webhooks;
using TicketGrains.Api.Workbench;
using TicketGrains.Grains.Hosting;
using TicketGrains.Grains.Pipeline;
using TicketGrains.Grains.Webhooks;
using TicketGrains.Api.Metering;

namespace TicketGrains.Api.Infrastructure;

/// <summary>The REST API's services and routes, shared by the co-hosted silo and the stand-alone front end.</summary>
public static class TicketGrainsApiHosting
{
    public static WebApplicationBuilder AddTicketGrainsApi(this WebApplicationBuilder builder)
    {
        builder.AddRequestLimits();
        builder.AddTicketGrainsSecurity();
        builder.Services.AddTicketGrainsProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddOpenApi(o => o.AddApiInfo().AddCallerSecurity().AddRequestExamples());
        builder.Services.AddTicketGrainsReadModel(PostgresConnection.Require(builder.Configuration));
        builder.Services.AddAuditLog();
        builder.Services.AddSingleton<PullMetrics>();
        builder.Services.AddSingleton<PullWitness>();
        builder.Services.TryAddSingleton<TicketGrains.Grains.Agents.PullPhaseMetrics>();
        builder.Services.TryAddSingleton<AgentRoster>();
        builder.Services.TryAddSingleton<QueueBacklog>();
        builder.Services.TryAddSingleton<TicketsPerHourQuery>();
        builder.Services.AddMacros();
        builder.Services.AddLiveFeed();
        builder.Services.AddTicketGrainsEncryption();
        builder.Services.TryAddSingleton<SubscriberLagQuery>();
        builder.Services.AddWebhookStores();
        builder.Services.AddUsageMetering();
        builder.Services.AddChannelPlatforms(builder.Configuration);
        builder.Services.AddCustomerContext();
        builder.Services.AddReplyDeliveries();
        builder.Services.AddWorkbench();
        builder.Services.AddExtractApi();
        builder.Services.AddSurgesApi();
        return builder;
    }

    public static WebApplication MapTicketGrainsApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseTicketGrainsSecurity();
        app.UseRouteBodyLimits();
        app.MapSecurityApis();
        app.MapOpenApi().AllowAnonymous();
        app.MapDocsPage();
        app.MapTicketsApi();
        app.MapAgentsApi();
        app.MapQueuesApi();
        app.MapCustomersApi();
        app.MapEncryptionApi();
        app.MapEventsFeedApi();
        app.MapAuditApi();
        app.MapReportsApi();
        app.MapMacrosApi();
        app.MapPipelineApi();
        app.MapUsageApi();
        app.MapSlaPoliciesApi();
        app.MapCalendarsApi();
        app.MapRulesApi();
        app.MapTemplatesApi();
        app.MapOrderEventsApi();
        app.MapWebhooksApi();
        app.MapChannelsApi();
        app.MapWebChannel();
        app.MapAttachmentsApi();
        app.MapIntentsApi();
        app.MapWorkbench();
        app.MapExtractApi();
        app.MapProposedFieldsApi();
        app.MapSurgesApi();
        return app;
    }
}
