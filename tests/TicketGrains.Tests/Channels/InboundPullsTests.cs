using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TicketGrains.Api.Channels;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Grains.Channels;
using Xunit;

namespace TicketGrains.Tests.Channels;

public sealed class InboundPullsTests
{
    private static readonly ChannelInfo Channel = new(Guid.Parse("0193a000-0000-7000-8000-0000000000c1"), "shop", "wecom", "kf", new Dictionary<string, string>());
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.Zero));
    private readonly Cursors _cursors = new();
    private readonly Acceptor _acceptor;
    private readonly Puller _puller = new();

    public InboundPullsTests() => _acceptor = new Acceptor(_cursors);

    [Fact]
    public async Task Every_page_is_stored_before_the_cursor_moves_past_it_until_the_platform_has_no_more()
    {
        _puller.Pages.AddRange([Page("c1", true, "m1", "m2"), Page("c2", true, "m3"), Page("c3", false)]);

        await Pulls().PullAsync(Channel, new PullSignal("tok", "kf-1"), CancellationToken.None);

        Assert.Equal([null, "c1", "c2"], _puller.AskedFrom);
        Assert.Equal([("m1", null), ("m2", null), ("m3", "c1")], _acceptor.Stored);
        Assert.Equal("c3", _cursors.Of("kf-1"));
    }

    [Fact]
    public async Task A_failed_page_leaves_the_cursor_at_the_last_stored_page_and_the_next_pull_resumes_there()
    {
        _puller.Pages.AddRange([Page("c1", true, "m1"), Page("c2", true, "m2"), Page("c3", false, "m3")]);
        _acceptor.FailOn = "m2";

        await Pulls().PullAsync(Channel, new PullSignal("tok", "kf-1"), CancellationToken.None);
        Assert.Equal("c1", _cursors.Of("kf-1"));

        _acceptor.FailOn = null;
        _puller.Next = 1;
        await Pulls().PullAsync(Channel, new PullSignal("tok", "kf-1"), CancellationToken.None);

        Assert.Equal([null, "c1", "c1", "c2"], _puller.AskedFrom);
        Assert.Equal(["m1", "m2", "m3"], _acceptor.Stored.Select(s => s.Message));
        Assert.Equal("c3", _cursors.Of("kf-1"));
    }

    [Fact]
    public async Task The_catch_up_pulls_every_account_with_a_cursor_without_a_signal_token()
    {
        await _cursors.SaveAsync(Channel.Tenant, Channel.Id, "kf-1", "c7", _time.GetUtcNow(), CancellationToken.None);
        _puller.Pages.Add(Page("c8", false, "m8"));
        var catchUp = new PullCatchUp(Adapters(), new Directory(), _cursors, Pulls(), Options.Create(new ChannelOptions()), _time,
            NullLogger<PullCatchUp>.Instance);

        await catchUp.CatchUpAsync(CancellationToken.None);

        Assert.Equal([new PullSignal("", "kf-1")], _puller.Signals);
        Assert.Equal(["c7"], _puller.AskedFrom);
        Assert.Equal("c8", _cursors.Of("kf-1"));
    }

    private InboundPulls Pulls() => new(Adapters(), _acceptor, _cursors, _time, NullLogger<InboundPulls>.Instance);

    private ChannelAdapters Adapters() => new([], [_puller]);

    private static PulledPage Page(string next, bool more, params string[] ids) => new(
        [.. ids.Select(id => new InboundMessage { PlatformMessageId = id, SenderId = "wm-user", Kind = "text", SentAt = DateTimeOffset.UnixEpoch, Text = id })],
        next, more);

    private sealed class Puller : IMessagePuller
    {
        public List<PulledPage> Pages { get; } = [];

        public List<string?> AskedFrom { get; } = [];

        public List<PullSignal> Signals { get; } = [];

        public int Next { get; set; }

        public string Type => "wecom";

        public Task<PulledPage> PullAsync(ChannelInfo channel, PullSignal signal, string? cursor, CancellationToken cancellationToken)
        {
            AskedFrom.Add(cursor);
            Signals.Add(signal);
            return Task.FromResult(Pages[Next++]);
        }
    }

    /// <summary>Records each stored message with the cursor stored at that moment.</summary>
    private sealed class Acceptor(Cursors cursors) : IInboundAcceptor
    {
        public List<(string Message, string? CursorThen)> Stored { get; } = [];

        public string? FailOn { get; set; }

        public Task<AcceptedMessages> AcceptAsync(ChannelInfo channel, IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken)
        {
            if (messages.Any(m => m.PlatformMessageId == FailOn))
            {
                throw new InvalidOperationException("the database is away");
            }

            Stored.AddRange(messages.Select(m => (m.PlatformMessageId, cursors.Of("kf-1"))));
            return Task.FromResult(new AcceptedMessages(messages.Count, 0));
        }
    }

    private sealed class Cursors : IPullCursorStore
    {
        private readonly Dictionary<string, string> _byAccount = new(StringComparer.Ordinal);

        public string? Of(string account) => _byAccount.GetValueOrDefault(account);

        public Task<string?> ReadAsync(string tenant, Guid channelId, string account, CancellationToken cancellationToken) => Task.FromResult(Of(account));

        public Task<List<string>> AccountsAsync(string tenant, Guid channelId, CancellationToken cancellationToken) => Task.FromResult(_byAccount.Keys.ToList());

        public Task SaveAsync(string tenant, Guid channelId, string account, string cursor, DateTimeOffset at, CancellationToken cancellationToken)
        {
            _byAccount[account] = cursor;
            return Task.CompletedTask;
        }
    }

    private sealed class Directory : IChannelDirectory
    {
        public Task<ChannelInfo?> FindAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult<ChannelInfo?>(id == Channel.Id ? Channel : null);

        public Task<IReadOnlyList<ChannelInfo>> OfTypeAsync(string type, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ChannelInfo>>(type == Channel.Type ? [Channel] : []);
    }
}
