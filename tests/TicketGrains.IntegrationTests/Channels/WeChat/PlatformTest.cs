namespace TicketGrains.IntegrationTests.Channels.WeChat;

/// <summary>A test against a fresh fake platform that knows one account, with the channel services as the API registers them.</summary>
public abstract class PlatformTest(string accountId, string secret) : IAsyncLifetime
{
    protected WeChatServices Services { get; } = new();

    protected FakeWeChatPlatform Platform { get; private set; } = null!;

    public async Task InitializeAsync() => Platform = await FakeWeChatPlatform.StartAsync(accountId, secret);

    public async Task DisposeAsync()
    {
        await Platform.DisposeAsync();
        Services.Dispose();
    }
}
