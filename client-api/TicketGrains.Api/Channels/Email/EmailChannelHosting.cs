using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Outbound;
using TicketGrains.Grains.Hosting;

namespace TicketGrains.Api.Channels.Email;

/// <summary>The e-mail channel's services: its adapter and sender always, its SMTP listener when a port is configured.</summary>
public static class EmailChannelHosting
{
    public static IServiceCollection AddEmailChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<EmailChannelOptions>(EmailChannelOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IChannelAdapter, EmailChannelAdapter>();
        services.AddSingleton<IChannelSender, EmailChannelSender>();
        if (EmailChannelOptions.Read(configuration).Listens)
        {
            services.AddSingleton<SmtpRecipientFilter>();
            services.AddSingleton<SmtpMessageStore>();
            services.AddReplyDeliveries();
            services.TryAddSingleton<ISentReplies>(sp => sp.GetRequiredService<ReplyStore>());
            services.AddSingleton<AutomaticMessages>();
            services.TryAddSingleton<IReplyBounces, SiloReplyBounces>();
            services.AddSingleton<DeliveryReports>();
            services.AddHostedService<SmtpListener>();
        }

        return services;
    }
}
