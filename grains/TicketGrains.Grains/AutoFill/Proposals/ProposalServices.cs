using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketGrains.Grains.AutoFill.Fields;
using TicketGrains.Grains.AutoFill.Ocr;
using TicketGrains.Grains.Hosting;
using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.AutoFill.Proposals;

/// <summary>The silo's part of filling tickets: the readers it needs and the pipeline subscriber, unless switched off.</summary>
public static class ProposalServices
{
    public static IServiceCollection AddFieldProposals(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ProposalOptions>(ProposalOptions.Section);
        services.AddFieldExtraction();
        services.AddOcr();
        services.TryAddSingleton<ItemFieldReader>();
        // Read here, not through the options: it decides a registration.
        if (configuration.GetSection(ProposalOptions.Section).GetValue(nameof(ProposalOptions.Enabled), true))
        {
            services.AddEventSubscriber<FieldProposalSubscriber>();
        }

        return services;
    }
}
