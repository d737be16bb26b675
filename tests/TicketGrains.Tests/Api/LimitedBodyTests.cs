using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using TicketGrains.Api.Infrastructure;
using Xunit;

namespace TicketGrains.Tests.Api;

/// <summary>
/// A body within its limit is returned; one over it is read to its end before the 413 while within the drain bound, and
/// one declared beyond that bound is refused unread. No server here: the body is a stream, the server's limit a feature.
/// </summary>
public sealed class LimitedBodyTests
{
    // Several of the pipe reader's 4 KiB reads, with the inbound endpoint's 4x drain bound.
    private const int Limit = 64 * 1024;
    private const long DrainAllowance = 3L * Limit;
    private const long DrainBound = Limit + DrainAllowance;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_of_exactly_the_limit_is_returned_whole_and_the_server_limit_becomes_the_drain_bound(bool declared)
    {
        var request = new TestRequest(Limit, declared);

        var body = await LimitedBody.ReadAsync(request.Http, Limit, DrainAllowance);

        Assert.Equal(request.Sent, body);
        Assert.Equal(DrainBound, request.ServerLimit.MaxRequestBodySize);
    }

    [Theory]
    [InlineData((long)Limit + 1, true)]
    [InlineData((long)Limit + 1, false)]
    [InlineData(DrainBound, true)]
    [InlineData(DrainBound, false)]
    public async Task An_oversized_body_within_the_drain_bound_is_read_to_its_end_before_the_413(long size, bool declared)
    {
        var request = new TestRequest(size, declared);

        var refused = await Assert.ThrowsAsync<BadHttpRequestException>(() => LimitedBody.ReadAsync(request.Http, Limit, DrainAllowance));

        Assert.Equal((StatusCodes.Status413PayloadTooLarge, "The request body is too large."), (refused.StatusCode, refused.Message));
        Assert.Equal(size, request.Stream.Position);
        Assert.Equal(DrainBound, request.ServerLimit.MaxRequestBodySize);
        Assert.Empty(request.Response.Starting);
    }

    [Fact]
    public async Task A_body_declared_beyond_the_drain_bound_is_refused_unread_and_its_answer_closes_the_connection()
    {
        var request = new TestRequest(DrainBound + 1, declared: true);

        var refused = await Assert.ThrowsAsync<BadHttpRequestException>(() => LimitedBody.ReadAsync(request.Http, Limit, DrainAllowance));

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, refused.StatusCode);
        Assert.Equal(0, request.Stream.Position);
        Assert.Equal(TestRequest.ServerLimitBefore, request.ServerLimit.MaxRequestBodySize);
        await request.Response.StartAsync();
        Assert.Equal("close", request.Http.HttpContext.Response.Headers.Connection);
    }

    /// <summary>A request whose body is <c>size</c> bytes, its length declared or not (chunked), under a server limit.</summary>
    private sealed class TestRequest
    {
        public const long ServerLimitBefore = 16 * 1024;

        public TestRequest(long size, bool declared)
        {
            Sent = new byte[size];
            Random.Shared.NextBytes(Sent);
            Stream = new MemoryStream(Sent);
            var context = new DefaultHttpContext();
            context.Features.Set<IHttpMaxRequestBodySizeFeature>(ServerLimit);
            context.Features.Set<IHttpResponseFeature>(Response);
            context.Request.Body = Stream;
            context.Request.ContentLength = declared ? size : null;
            Http = context.Request;
        }

        public byte[] Sent { get; }

        public MemoryStream Stream { get; }

        public HttpRequest Http { get; }

        public ServerBodyLimit ServerLimit { get; } = new() { MaxRequestBodySize = ServerLimitBefore };

        public StartingResponse Response { get; } = new();
    }

    private sealed class ServerBodyLimit : IHttpMaxRequestBodySizeFeature
    {
        public bool IsReadOnly => false;

        public long? MaxRequestBodySize { get; set; }
    }

    /// <summary>Keeps what is to run as the answer starts, as the server does, and runs it when told.</summary>
    private sealed class StartingResponse : HttpResponseFeature
    {
        public List<(Func<object, Task> Callback, object State)> Starting { get; } = [];

        public override void OnStarting(Func<object, Task> callback, object state) => Starting.Add((callback, state));

        public async Task StartAsync()
        {
            foreach (var (callback, state) in Starting)
            {
                await callback(state);
            }
        }
    }
}
