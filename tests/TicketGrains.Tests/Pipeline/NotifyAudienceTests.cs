using System.Net;
using TicketGrains.Grains.Pipeline;
using Xunit;

namespace TicketGrains.Tests.Pipeline;

public sealed class NotifyAudienceTests
{
    private static readonly SiloAddress Self = Silo(port: 11111, generation: 7);

    private static SiloAddress Silo(int port, int generation) => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), generation);

    [Fact]
    public void A_lone_silo_notifies_nobody()
    {
        Assert.False(NotifyAudience.OthersListening([(Self, SiloStatus.Active)], Self));
    }

    [Fact]
    public void A_silo_whose_peers_are_all_dead_notifies_nobody()
    {
        var members = new[] { (Self, SiloStatus.Active), (Silo(11112, 1), SiloStatus.Dead), (Silo(11111, 3), SiloStatus.Dead) };

        Assert.False(NotifyAudience.OthersListening(members, Self));
    }

    [Theory]
    [InlineData(SiloStatus.Created)]
    [InlineData(SiloStatus.Joining)]
    [InlineData(SiloStatus.Active)]
    [InlineData(SiloStatus.ShuttingDown)]
    [InlineData(SiloStatus.Stopping)]
    public void Any_other_silo_not_known_dead_is_notified(SiloStatus status)
    {
        var members = new[] { (Self, SiloStatus.Active), (Silo(11112, 1), SiloStatus.Dead), (Silo(11113, 1), status) };

        Assert.True(NotifyAudience.OthersListening(members, Self));
    }

    [Fact]
    public void An_earlier_incarnation_on_the_same_endpoint_is_another_silo()
    {
        // Same address and port, older generation: a silo restarted there, which may still be winding down.
        Assert.True(NotifyAudience.OthersListening([(Self, SiloStatus.Active), (Silo(11111, 6), SiloStatus.ShuttingDown)], Self));
    }

    [Fact]
    public void Only_this_silos_own_payload_is_an_echo()
    {
        var self = Self.ToParsableString();

        Assert.True(NotifyAudience.IsEcho(self, self));
        Assert.False(NotifyAudience.IsEcho(Silo(11111, 6).ToParsableString(), self));
        Assert.False(NotifyAudience.IsEcho("", self));
    }
}
