using System.Net;
using TicketGrains.Grains.Webhooks;
using Xunit;

namespace TicketGrains.Tests.Webhooks;

public sealed class NetworkGuardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.8")]
    [InlineData("172.16.5.4")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("64:ff9b::a00:1")]
    public void Loopback_private_and_reserved_addresses_are_not_public(string address) =>
        Assert.False(NetworkGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("172.32.0.1")]
    [InlineData("8.8.8.8")]
    [InlineData("2606:4700:4700::1111")]
    public void Public_unicast_addresses_are_public(string address) =>
        Assert.True(NetworkGuard.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task A_name_that_resolves_to_a_private_address_at_connect_time_is_refused_although_it_was_public_before()
    {
        var answer = IPAddress.Parse("93.184.215.14");
        var guard = new NetworkGuard(false, (_, _) => Task.FromResult(new[] { answer }));
        Assert.Equal([answer], await guard.ResolveAsync("hooks.example.com", CancellationToken.None));

        answer = IPAddress.Loopback;
        var refused = await Assert.ThrowsAsync<RefusedAddressException>(() => guard.ResolveAsync("hooks.example.com", CancellationToken.None));
        Assert.Contains("127.0.0.1", refused.Message);
    }

    [Fact]
    public async Task One_private_address_among_public_ones_refuses_the_name()
    {
        var guard = new NetworkGuard(false, (_, _) => Task.FromResult(new[] { IPAddress.Parse("8.8.8.8"), IPAddress.Parse("10.0.0.1") }));
        await Assert.ThrowsAsync<RefusedAddressException>(() => guard.ResolveAsync("mixed.example.com", CancellationToken.None));
    }

    [Fact]
    public async Task Private_networks_are_allowed_when_configured()
    {
        var guard = new NetworkGuard(true, (_, _) => Task.FromResult(new[] { IPAddress.Loopback }));
        Assert.Equal([IPAddress.Loopback], await guard.ResolveAsync("localhost", CancellationToken.None));
        Assert.Equal([IPAddress.IPv6Loopback], await guard.ResolveAsync("[::1]", CancellationToken.None));
    }
}
