using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Outbound;
using TicketGrains.Api.Channels.Web;
using TicketGrains.Grains.Hosting;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Channels.Web;

namespace TicketGrains.IntegrationTests.Channels.Web;

/// <summary>
/// The web channel's sender as the API registers it (AddWebChannel), on the silo's database with the run's master key:
/// what the outbound side calls to deliver an agent's reply.
/// </summary>
public sealed class WebSenderServices : IDisposable
{
    private readonly ServiceProvider _provider;

    public WebSenderServices(TestDatabase database)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Encryption:MasterKey"] = TestEncryption.MasterKey })
            .Build();
        _provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging()
            .AddSingleton(NpgsqlDataSource.Create(database.ConnectionString)).AddSingleton(TimeProvider.System)
            .AddTicketGrainsEncryption().AddWebChannel().BuildServiceProvider();
    }

    public IChannelSender Sender => _provider.GetServices<IChannelSender>().Single(s => s.Type == WebChannelAdapter.ChannelType);

    public static ChannelInfo Channel(string tenant, Guid id) => new(id, tenant, WebChannelAdapter.ChannelType, "shop site", WebRequests.Settings);

    public void Dispose() => _provider.Dispose();
}
